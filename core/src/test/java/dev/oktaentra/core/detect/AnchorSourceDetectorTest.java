package dev.oktaentra.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.Attributes;
import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.export.CloudCsvExport;
import dev.oktaentra.core.export.OnPremCsvExport;
import dev.oktaentra.core.match.SourceAnchor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnchorSourceDetectorTest {

    private final SplittableRandom random = new SplittableRandom(42);
    private final List<OnPremUser> onPrem = new ArrayList<>();
    private final List<CloudUser> cloud = new ArrayList<>();

    @Test
    void detect_namesObjectGuidAndDiagnosesTheRest() {
        for (int i = 0; i < 992; i++) {
            ObjectGuid guid = ObjectGuid.random(random);
            add(i, guid, null, guid.toImmutableId().value());
        }
        for (int i = 992; i < 997; i++) {
            ObjectGuid guid = ObjectGuid.random(random);
            add(i, guid, null, bigEndian(guid));
        }
        for (int i = 997; i < 1000; i++) {
            cloud.add(CloudUser.builder().id("c" + i).userPrincipalName("ghost" + i + "@contoso.com")
                    .immutableId(ObjectGuid.random(random).toImmutableId()).build());
        }

        AnchorDetection detection = detect();

        assertThat(detection.winner().anchor()).isEqualTo(SourceAnchor.objectGuid());
        assertThat(detection.winner().explained()).isEqualTo(992);
        assertThat(detection.rest()).containsEntry(MismatchCause.BYTE_ORDER, 5L);
        assertThat(detection.unmatched()).isEqualTo(3);
        assertThat(detection.describe()).isEqualTo("objectGUID explains 99.2% of 1,000 cloud ImmutableIDs (992); "
                + "the other 8: BYTE_ORDER 5, no on-prem user with the same UPN 3.");
    }

    @Test
    void detect_findsAConsistencyGuidThatDiffersFromObjectGuid() {
        for (int i = 0; i < 50; i++) {
            ObjectGuid consistency = ObjectGuid.random(random);
            add(i, ObjectGuid.random(random), consistency, consistency.toImmutableId().value());
        }

        AnchorDetection detection = detect();

        assertThat(detection.winner().anchor()).isEqualTo(SourceAnchor.consistencyGuid());
        assertThat(detection.winner().coverage()).isEqualTo(1.0);
        assertThat(detection.ranking()).anySatisfy(c -> {
            assertThat(c.anchor()).isEqualTo(SourceAnchor.objectGuid());
            assertThat(c.explained()).isZero();
        });
    }

    /**
     * Issue 16: a user whose mS-DS-ConsistencyGuid holds another GUID than its objectGUID (ADMT, an earlier Connect
     * server, a restore) is one Connect installed with mS-DS-ConsistencyGuid would present by that GUID.
     */
    @Test
    void detect_countsTheUsersWhoseConsistencyGuidDiffersFromTheirObjectGuid() {
        for (int i = 0; i < 10; i++) {
            ObjectGuid guid = ObjectGuid.random(random);
            ObjectGuid consistency = i < 3 ? ObjectGuid.random(random) : i < 6 ? guid : null;
            add(i, guid, consistency, guid.toImmutableId().value());
        }

        AnchorDetection detection = detect();

        assertThat(detection.winner().anchor()).isEqualTo(SourceAnchor.objectGuid());
        assertThat(detection.consistencyGuidDiffers()).isEqualTo(3);
        assertThat(detection.describe()).contains("3 on-prem users carry an mS-DS-ConsistencyGuid that differs from "
                + "their objectGUID");
    }

    @Test
    void detect_ranksTiesTheSameWhateverTheOrderOfTheAttributes() {
        for (int i = 0; i < 4; i++) {
            // Each user has one of the two attributes, so the order they are met in is the order the users are read.
            Attributes attributes = i % 2 == 0 ? Attributes.builder().add("department", "IT").build()
                    : Attributes.builder().add("company", "Contoso").build();
            onPrem.add(OnPremUser.builder().distinguishedName("CN=u" + i).userPrincipalName("u" + i + "@contoso.com")
                    .objectGuid(ObjectGuid.random(random)).attributes(attributes).build());
            cloud.add(CloudUser.builder().id("c" + i).userPrincipalName("u" + i + "@contoso.com")
                    .immutableId(ObjectGuid.random(random).toImmutableId()).build());
        }
        List<String> forwards = detect().ranking().stream().map(c -> c.anchor().name()).toList();
        java.util.Collections.reverse(onPrem);

        List<String> backwards = detect().ranking().stream().map(c -> c.anchor().name()).toList();

        assertThat(backwards).isEqualTo(forwards);
        assertThat(forwards).startsWith("objectGUID", "mS-DS-ConsistencyGuid", "attr:company", "attr:department");
    }

    @Test
    void detect_findsAStringAttributeSuchAsEmployeeId() {
        for (int i = 0; i < 20; i++) {
            onPrem.add(OnPremUser.builder().distinguishedName("CN=u" + i).userPrincipalName("u" + i + "@contoso.com")
                    .objectGuid(ObjectGuid.random(random))
                    .attributes(Attributes.builder().add("employeeID", "E" + (1000 + i)).add("department", "IT")
                            .build()).build());
            cloud.add(CloudUser.builder().id("c" + i).userPrincipalName("u" + i + "@contoso.com")
                    .immutableId("E" + (1000 + i)).build());
        }

        AnchorDetection detection = detect();

        assertThat(detection.winner().anchor()).isEqualTo(SourceAnchor.stringAttribute("employeeID"));
        assertThat(detection.describe()).startsWith("attr:employeeID explains 100.0% of 20 cloud ImmutableIDs");
    }

    @Test
    void detect_ranksABinaryAttributeFirstWhenItsBase64IsWhatTheCloudHolds() {
        for (int i = 0; i < 30; i++) {
            byte[] sid = new byte[28];
            random.nextBytes(sid);
            onPrem.add(OnPremUser.builder().distinguishedName("CN=u" + i).userPrincipalName("u" + i + "@contoso.com")
                    .objectGuid(ObjectGuid.random(random))
                    .attributes(Attributes.builder().add("objectSid", "0x" + HexFormat.of().formatHex(sid))
                            .add("department", "IT").build()).build());
            cloud.add(CloudUser.builder().id("c" + i).userPrincipalName("u" + i + "@contoso.com")
                    .immutableId(Base64.getEncoder().encodeToString(sid)).build());
        }

        AnchorDetection detection = detect();

        assertThat(detection.winner().anchor()).isEqualTo(SourceAnchor.binaryAttribute("objectSid"));
        assertThat(detection.winner().explained()).isEqualTo(30);
        assertThat(detection.ranking()).filteredOn(c -> c.anchor().equals(SourceAnchor.stringAttribute("objectSid")))
                .singleElement().satisfies(c -> assertThat(c.explained()).isZero());
        assertThat(detection.describe()).isEqualTo("binary:objectSid explains 100.0% of 30 cloud ImmutableIDs (30).");
    }

    @Test
    void describe_countsEachMismatchCauseBiggestFirst() {
        for (int i = 0; i < 10; i++) {
            ObjectGuid guid = ObjectGuid.random(random);
            add(i, guid, null, guid.toImmutableId().value());
        }
        for (int i = 10; i < 13; i++) {
            ObjectGuid guid = ObjectGuid.random(random);
            add(i, guid, null, Base64.getEncoder().encodeToString(guid.toString().getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 13; i < 15; i++) {
            ObjectGuid guid = ObjectGuid.random(random);
            add(i, guid, null, guid.toImmutableId().value().replace("=", ""));
        }
        ObjectGuid lowered = ObjectGuid.parse("3ab39606-c642-489b-84b6-58c038d3ef39");
        add(15, lowered, null, lowered.toImmutableId().value().toLowerCase(Locale.ROOT));

        AnchorDetection detection = detect();

        assertThat(detection.rest()).containsOnly(entry(MismatchCause.GUID_TEXT_BASE64, 3L),
                entry(MismatchCause.MISSING_PADDING, 2L), entry(MismatchCause.CASE_CHANGED, 1L));
        assertThat(detection.describe()).isEqualTo("objectGUID explains 62.5% of 16 cloud ImmutableIDs (10); "
                + "the other 6: GUID_TEXT_BASE64 3, MISSING_PADDING 2, CASE_CHANGED 1.");
    }

    @Test
    void detect_countsWhatItCouldNotUseOnEitherSide(@TempDir Path dir) throws IOException {
        List<String> ad = new ArrayList<>(List.of("DistinguishedName,UserPrincipalName,ObjectGUID,objectSid"));
        List<String> entra = new ArrayList<>(List.of("Id,UserPrincipalName,OnPremisesImmutableId"));
        for (int i = 0; i < 5; i++) {
            byte[] sid = new byte[28];
            random.nextBytes(sid);
            ad.add("\"CN=u" + i + "\",u" + i + "@contoso.com," + ObjectGuid.random(random) + ",0x"
                    + HexFormat.of().formatHex(sid));
            entra.add("c" + i + ",u" + i + "@contoso.com," + Base64.getEncoder().encodeToString(sid));
        }
        ad.add("\"CN=text\",text@contoso.com," + ObjectGuid.random(random) + ",S-1-5-21-1004");
        entra.add("c5,text@contoso.com,AQUAAAAAAAUVAAAA7A==");
        ad.add("\"CN=bad\",bad@contoso.com,not-a-guid,0x0102");
        entra.add("c6,,AQIDBA==");
        entra.add("c7,short@contoso.com");
        Path adFile = Files.write(dir.resolve("adusers.csv"), ad);
        Path entraFile = Files.write(dir.resolve("entrausers.csv"), entra);

        AnchorDetection detection = AnchorSourceDetector.detect(OnPremCsvExport.open(adFile),
                CloudCsvExport.open(entraFile));

        assertThat(detection.winner().anchor()).isEqualTo(SourceAnchor.binaryAttribute("objectSid"));
        assertThat(detection.cloudRejected()).isEqualTo(2);
        assertThat(detection.onPremRejected()).isEqualTo(1);
        assertThat(detection.onPremUnparsed()).isEqualTo(1);
        assertThat(detection.unmatched()).isZero();
        assertThat(detection.describe()).isEqualTo("binary:objectSid explains 83.3% of 6 cloud ImmutableIDs (5); "
                + "the other 1: on-prem value does not parse 1. 2 cloud records were not usable (rejected rows), "
                + "1 on-prem record was not usable (rejected rows), 1 on-prem value did not parse as "
                + "binary:objectSid.");
    }

    @Test
    void describe_ofOneCloudImmutableId_speaksInTheSingular() {
        ObjectGuid guid = ObjectGuid.random(random);
        add(0, guid, null, guid.toImmutableId().value());

        assertThat(detect().describe()).isEqualTo("objectGUID explains 100.0% of 1 cloud ImmutableID (1).");
    }

    @Test
    void describe_saysWhyWhenNoCloudRecordWasUsable() {
        AnchorDetection detection = AnchorSourceDetector.detect(OnPremDirectory.of("ad", onPrem),
                rejectingCloud(3));

        assertThat(detection.describe()).isEqualTo("The cloud holds no ImmutableIDs: nothing to detect. 3 cloud "
                + "records were not usable (rejected rows).");
    }

    @Test
    void detect_saysSoWhenTheCloudHoldsNoImmutableIds() {
        onPrem.add(OnPremUser.builder().distinguishedName("CN=a").objectGuid(ObjectGuid.random(random)).build());

        assertThat(detect().describe()).isEqualTo("The cloud holds no ImmutableIDs: nothing to detect.");
    }

    private void add(int i, ObjectGuid guid, ObjectGuid consistency, String cloudAnchor) {
        onPrem.add(OnPremUser.builder().distinguishedName("CN=u" + i).userPrincipalName("u" + i + "@contoso.com")
                .objectGuid(guid).consistencyGuid(consistency).build());
        cloud.add(CloudUser.builder().id("c" + i).userPrincipalName("U" + i + "@contoso.com")
                .immutableId(cloudAnchor).build());
    }

    /** A cloud side of {@code n} rejected records only. */
    private static CloudDirectory rejectingCloud(int n) {
        return new CloudDirectory() {
            @Override
            public Stream<DirectoryRecord<CloudUser>> records() {
                return IntStream.range(0, n).mapToObj(i -> new DirectoryRecord.Rejected<>("entra", "line " + (i + 2),
                        null, "has no Id"));
            }

            @Override
            public String name() {
                return "entra";
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }

    private AnchorDetection detect() {
        return AnchorSourceDetector.detect(OnPremDirectory.of("ad", onPrem), CloudDirectory.of("entra", cloud));
    }

    private static String bigEndian(ObjectGuid guid) {
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(16).putLong(guid.toUuid()
                .getMostSignificantBits()).putLong(guid.toUuid().getLeastSignificantBits()).array());
    }
}
