package dev.oktaentra.core.bench;

import dev.oktaentra.core.anchor.ObjectGuid;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The benchmarks' pair of exports, as Windows PowerShell 5.1 writes them with {@code Export-Csv -NoTypeInformation
 * -Encoding UTF8}: a BOM, every value quoted, CRLF. The tenant has the usual trouble: most users stamped correctly,
 * some with the byte-order mistake, some never stamped, some on-prem only, some cloud orphans. The same seed always
 * gives the same files, and {@link Tally} says what a correct validation of them finds.
 */
public final class PowerShellExports {

    private PowerShellExports() {
    }

    /**
     * How many users of each kind the files hold: what a validation of them must count, whatever its speed.
     *
     * @param matched stamped correctly on both sides: MATCHED
     * @param byteOrder cloud ImmutableID in the big-endian (byte-order) form, same UPN: ANCHOR_MISMATCH, BYTE_ORDER
     * @param unstamped no ImmutableID in the cloud, same UPN: SOFT_MATCH_ONLY
     * @param onPremOnly no cloud user: ONPREM_ONLY
     * @param cloudOnly a cloud orphan with an ImmutableID no on-prem user has: CLOUD_ONLY
     */
    public record Tally(long matched, long byteOrder, long unstamped, long onPremOnly, long cloudOnly) {

        /**
         * The on-prem users written.
         *
         * @return their count
         */
        public long onPremUsers() {
            return matched + byteOrder + unstamped + onPremOnly;
        }

        /**
         * The cloud users written.
         *
         * @return their count
         */
        public long cloudUsers() {
            return matched + byteOrder + unstamped + cloudOnly;
        }
    }

    /**
     * Writes {@code users} candidates per side (0.5% of them on-prem only, 0.5% replaced by cloud orphans).
     *
     * @param users how many users to draw
     * @param onPrem the Get-ADUser export to write
     * @param cloud the Get-MgUser export to write
     * @return what the files hold
     * @throws IOException when a file cannot be written
     */
    public static Tally generate(int users, Path onPrem, Path cloud) throws IOException {
        SplittableRandom random = new SplittableRandom(1_000_003);
        long matched = 0;
        long byteOrder = 0;
        long unstamped = 0;
        long onPremOnly = 0;
        long cloudOnly = 0;
        try (BufferedWriter ad = Files.newBufferedWriter(onPrem, StandardCharsets.UTF_8);
                BufferedWriter entra = Files.newBufferedWriter(cloud, StandardCharsets.UTF_8)) {
            ad.write('\ufeff');
            entra.write('\ufeff');
            ad.write("\"DistinguishedName\",\"UserPrincipalName\",\"SamAccountName\",\"ObjectGUID\",\"mail\","
                    + "\"mS-DS-ConsistencyGuid\",\"proxyAddresses\"\r\n");
            entra.write("\"Id\",\"UserPrincipalName\",\"OnPremisesImmutableId\",\"OnPremisesSyncEnabled\",\"Mail\","
                    + "\"ProxyAddresses\",\"OnPremisesLastSyncDateTime\"\r\n");
            for (int i = 0; i < users; i++) {
                ObjectGuid guid = ObjectGuid.random(random);
                String name = "user" + i;
                String upn = name + "@contoso.com";
                int kind = random.nextInt(1000);
                String dept = "OU=Dept" + (i % 50);
                if (kind >= 5) {  // 0.5% of cloud users are orphans and replace an on-prem user
                    ad.write("\"CN=" + name + "," + dept + ",OU=Staff,DC=contoso,DC=com\",\"" + upn + "\",\"" + name
                            + "\",\"" + guid + "\",\"" + (kind < 15 ? "" : upn) + "\",\"\",\"SMTP:" + upn
                            + ";smtp:" + name + "@contoso.mail.onmicrosoft.com\"\r\n");
                }
                String anchor = kind < 10 ? bigEndian(guid) : kind < 20 ? "" : guid.toImmutableId().value();
                String cloudUpn = kind >= 5 ? upn : "orphan" + i + "@contoso.com";
                if (kind >= 995) {
                    onPremOnly++;
                    continue;  // 0.5% on-prem only
                }
                if (kind < 5) {
                    cloudOnly++;
                } else if (kind < 10) {
                    byteOrder++;
                } else if (kind < 20) {
                    unstamped++;
                } else {
                    matched++;
                }
                entra.write("\"" + new UUID(random.nextLong(), random.nextLong()) + "\",\"" + cloudUpn
                        + "\",\"" + anchor + "\",\"\",\"" + cloudUpn + "\",\"SMTP:" + cloudUpn
                        + "\",\"\"\r\n");
            }
        }
        return new Tally(matched, byteOrder, unstamped, onPremOnly, cloudOnly);
    }

    private static String bigEndian(ObjectGuid guid) {
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(16)
                .putLong(guid.toUuid().getMostSignificantBits())
                .putLong(guid.toUuid().getLeastSignificantBits()).array());
    }
}
