package dev.oktaentra.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.DirectoryException;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.OnPremUser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading what {@code ldifde -f} writes, quirks included. */
class LdifDirectoryTest {

    /** As ldifde exports: every record an add, binary values in Base64, long lines folded with a leading space. */
    private static final String EXPORT = String.join("\r\n",
            "dn: DC=contoso,DC=com",
            "changetype: add",
            "objectClass: top",
            "objectClass: domain",
            "objectClass: domainDNS",
            "objectGUID:: 9Q3LZ0SvuE2Fzr1D5nXnOw==",
            "",
            "dn: OU=Staff,DC=contoso,DC=com",
            "changetype: add",
            "objectClass: top",
            "objectClass: organizationalUnit",
            "ou: Staff",
            "",
            "dn: CN=Jane Doe,OU=Staff,DC=contoso,DC=com",
            "changetype: add",
            "objectClass: top",
            "objectClass: person",
            "objectClass: organizationalPerson",
            "objectClass: user",
            "cn: Jane Doe",
            "objectGUID:: BpazOkLGm0iEtljAONPvOQ==",
            "mS-DS-ConsistencyGuid:: BpazOkLGm0iEtljAONPvOQ==",
            "userPrincipalName: jane.doe@contoso.com",
            "sAMAccountName: jane.doe",
            "mail: jane.doe@contoso.com",
            "proxyAddresses: SMTP:jane.doe@contoso.com",
            "proxyAddresses: smtp:jane.doe.with.a.rather.long.alias.that.ldifde.folds@contoso.mail.on",
            " microsoft.com",
            "employeeID: 4711",
            "",
            "dn: CN=Zoë Åström-Lindqvist with a name long enough to fold,OU=Staff,DC=contos",
            " o,DC=com",
            "changetype: add",
            "objectClass: top",
            "objectClass: person",
            "objectClass: organizationalPerson",
            "objectClass: user",
            "objectGUID:: MsNKjF+XF0ete7pKTpaP/w==",
            "userPrincipalName: zoe@contoso.com",
            "sAMAccountName: zoe",
            "",
            "dn: CN=WS0001,OU=Staff,DC=contoso,DC=com",
            "changetype: add",
            "objectClass: top",
            "objectClass: person",
            "objectClass: organizationalPerson",
            "objectClass: user",
            "objectClass: computer",
            "objectGUID:: vFLTVlrdgES8OcwpfvSfrw==",
            "sAMAccountName: WS0001$",
            "",
            "dn: CN=Sales,OU=Staff,DC=contoso,DC=com",
            "changetype: add",
            "objectClass: top",
            "objectClass: group",
            "objectGUID:: GvoBZw/7qEWTVtMCsq/7sQ==",
            "");

    @TempDir
    Path dir;

    private Path write(String name, String text, Charset charset, byte... bom) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bom);
        out.write(text.getBytes(charset));
        return Files.write(dir.resolve(name), out.toByteArray());
    }

    private static List<DirectoryRecord<OnPremUser>> read(Path file) {
        try (Stream<DirectoryRecord<OnPremUser>> records = LdifDirectory.open(file).records()) {
            return records.toList();
        }
    }

    @Test
    void records_readLdifdeAddRecordsWithBase64GuidsAndFoldedLines() throws IOException {
        List<OnPremUser> users = read(write("export.ldf", EXPORT, StandardCharsets.UTF_8)).stream()
                .map(DirectoryRecord::orElseThrow).toList();

        assertThat(users).extracting(OnPremUser::samAccountName).containsExactly("jane.doe", "zoe");
        OnPremUser jane = users.get(0);
        assertThat(jane.distinguishedName()).isEqualTo("CN=Jane Doe,OU=Staff,DC=contoso,DC=com");
        assertThat(jane.objectGuid()).isEqualTo(ObjectGuid.parse("3ab39606-c642-489b-84b6-58c038d3ef39"));
        assertThat(jane.consistencyGuid()).isEqualTo(jane.objectGuid());
        assertThat(jane.proxyAddresses()).containsExactly("SMTP:jane.doe@contoso.com",
                "smtp:jane.doe.with.a.rather.long.alias.that.ldifde.folds@contoso.mail.onmicrosoft.com");
        assertThat(jane.attributes().first("employeeID")).contains(AttributeValue.ofString("4711"));
        assertThat(jane.origin()).isEqualTo("contoso.com");
        assertThat(users.get(1).distinguishedName())
                .isEqualTo("CN=Zoë Åström-Lindqvist with a name long enough to fold,OU=Staff,DC=contoso,DC=com");
        assertThat(users.get(1).objectGuid()).isEqualTo(ObjectGuid.parse("8c4ac332-975f-4717-ad7b-ba4a4e968fff"));
    }

    @Test
    void records_readUtf16WithByteOrderMarkAsLdifdeUWrites() throws IOException {
        Path file = write("unicode.ldf", EXPORT, StandardCharsets.UTF_16LE, (byte) 0xFF, (byte) 0xFE);

        assertThat(read(file)).map(DirectoryRecord::orElseThrow).extracting(OnPremUser::distinguishedName)
                .contains("CN=Zoë Åström-Lindqvist with a name long enough to fold,OU=Staff,DC=contoso,DC=com")
                .hasSize(2);
    }

    @Test
    void records_readOtherByteOrderMarksAndUnmarkedUtf16() throws IOException {
        byte[] utf8Bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        for (Path file : List.of(write("utf8bom.ldf", EXPORT, StandardCharsets.UTF_8, utf8Bom),
                write("be.ldf", EXPORT, StandardCharsets.UTF_16BE, (byte) 0xFE, (byte) 0xFF),
                write("le-no-bom.ldf", EXPORT, StandardCharsets.UTF_16LE))) {
            assertThat(read(file)).as(file.toString()).map(DirectoryRecord::orElseThrow)
                    .extracting(OnPremUser::samAccountName).containsExactly("jane.doe", "zoe");
        }
    }

    @Test
    void records_turnAMalformedRecordIntoARejectWithItsLineAndCarryOn() throws IOException {
        String text = String.join("\n",
                "dn: CN=Good One,OU=Staff,DC=contoso,DC=com",
                "changetype: add",
                "objectClass: user",
                "objectGUID:: BpazOkLGm0iEtljAONPvOQ==",
                "",
                "dn: CN=Broken,OU=Staff,DC=contoso,DC=com",
                "changetype: add",
                "objectClass: user",
                "objectGUID:: not*base64",
                "",
                "dn: CN=Short Guid,OU=Staff,DC=contoso,DC=com",
                "changetype: add",
                "objectClass: user",
                "userPrincipalName: short@contoso.com",
                "objectGUID:: AAECAwQFBgcICQoLDA0O",
                "",
                "dn: CN=Good Two,OU=Staff,DC=contoso,DC=com",
                "changetype: modify",
                "replace: mail",
                "mail: x@contoso.com",
                "-",
                "",
                "dn: CN=Good Three,OU=Staff,DC=contoso,DC=com",
                "changetype: add",
                "objectClass: user",
                "objectGUID:: MsNKjF+XF0ete7pKTpaP/w==",
                "");

        List<DirectoryRecord<OnPremUser>> records = read(write("mixed.ldf", text, StandardCharsets.UTF_8));

        assertThat(records).hasSize(5);
        assertThat(records.get(0)).isInstanceOf(DirectoryRecord.Usable.class);
        assertThat(records.get(1)).isEqualTo(rejected(records.get(1), "line 6", "CN=Broken,OU=Staff,DC=contoso,DC=com"));
        assertThat(((DirectoryRecord.Rejected<OnPremUser>) records.get(1)).reason()).startsWith("malformed LDIF");
        DirectoryRecord.Rejected<OnPremUser> shortGuid = (DirectoryRecord.Rejected<OnPremUser>) records.get(2);
        assertThat(shortGuid.location()).isEqualTo("line 11");
        assertThat(shortGuid.identity()).isEqualTo("short@contoso.com (CN=Short Guid,OU=Staff,DC=contoso,DC=com)");
        assertThat(shortGuid.reason()).contains("15 bytes");
        assertThat(shortGuid.source()).isEqualTo("mixed.ldf");
        assertThat(((DirectoryRecord.Rejected<OnPremUser>) records.get(3)).reason()).contains("changetype: modify");
        assertThat(records.get(4).orElseThrow().distinguishedName()).startsWith("CN=Good Three");
    }

    @Test
    void records_takeEveryRecordAsAUserWhenTheExportLeftObjectClassOut() throws IOException {
        String text = "dn: CN=Jane,OU=Staff,DC=contoso,DC=com\nchangetype: add\n"
                + "objectGUID:: BpazOkLGm0iEtljAONPvOQ==\n";

        assertThat(read(write("narrow.ldf", text, StandardCharsets.UTF_8))).hasSize(1);
    }

    @Test
    void records_stopWithTheLineWhenTheTextIsNotInTheDetectedEncoding() throws IOException {
        byte[] latin1 = "dn: CN=J\u00f6rg,OU=Staff,DC=contoso,DC=com\nchangetype: add\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("latin1.ldf"), latin1);

        try (Stream<DirectoryRecord<OnPremUser>> records = LdifDirectory.open(file).records()) {
            assertThatThrownBy(records::toList).isInstanceOf(DirectoryException.class)
                    .hasMessageContaining("latin1.ldf, line 1").hasMessageContaining("not valid UTF-8");
        }
    }

    @Test
    void records_canBeReadAgain() throws IOException {
        LdifDirectory directory = LdifDirectory.open(write("again.ldf", EXPORT, StandardCharsets.UTF_8));

        try (Stream<OnPremUser> first = directory.users(); Stream<OnPremUser> second = directory.users()) {
            assertThat(first.count()).isEqualTo(2);
            assertThat(second.count()).isEqualTo(2);
        }
        assertThat(directory.name()).isEqualTo("again.ldf");
    }

    @Test
    void open_refusesAFileThatIsNotThere() {
        assertThatThrownBy(() -> LdifDirectory.open(dir.resolve("missing.ldf")))
                .isInstanceOf(DirectoryException.class).hasMessageContaining("missing.ldf");
    }

    private static DirectoryRecord<OnPremUser> rejected(DirectoryRecord<OnPremUser> actual, String location,
            String identity) {
        DirectoryRecord.Rejected<OnPremUser> r = (DirectoryRecord.Rejected<OnPremUser>) actual;
        return new DirectoryRecord.Rejected<>(r.source(), location, identity, r.reason());
    }
}
