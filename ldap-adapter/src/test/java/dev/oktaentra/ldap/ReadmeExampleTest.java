package dev.oktaentra.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.AttributeWrite;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.directory.WriteResult;
import dev.oktaentra.core.directory.WriteStatus;
import dev.oktaentra.core.settings.Secret;
import dev.oktaentra.ldap.testing.InMemoryActiveDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's ldap-adapter snippet, run against the in-memory AD so that it keeps compiling and working. */
class ReadmeExampleTest {

    @Test
    void readmeSnippet_readsWritesBackAndReadsLdif(@TempDir Path dir) throws Exception {
        try (InMemoryActiveDirectory fake = InMemoryActiveDirectory.builder()
                .organizationalUnits("Staff", "Contractors").start()) {
            fake.seedUsers("Staff", 3);
            fake.seedUsers("Contractors", 2);
            Secret password = fake.bindPassword();
            Secret storePassword = fake.trustStorePassword();
            Path caFile = fake.trustStore();
            List<WriteResult> results;
            List<OnPremUser> rejectedFree = new ArrayList<>();

            // --- README snippet starts
            LdapSettings contoso = LdapSettings.builder()
                    .host("localhost")                                  // LDAPS, host name verified
                    .port(fake.ldapsPort())                             // (default 636)
                    .trustStore(caFile, storePassword)                  // or the JVM's trust store
                    .bind("svc-sync@contoso.com", password)             // a Secret; never logged
                    .searchBase("OU=Staff,DC=contoso,DC=com")           // the OUs selected for sync
                    .searchBase("OU=Contractors,DC=contoso,DC=com")
                    .build();

            try (LdapDirectory ad = LdapDirectory.connect(contoso)) {
                try (Stream<DirectoryRecord<OnPremUser>> records = ad.records()) {
                    records.forEach(record -> {
                        if (record instanceof DirectoryRecord.Usable<OnPremUser> usable) {
                            rejectedFree.add(usable.user());            // anchors, UPN, mail, origin
                        }                                               // else: Rejected, with DN and reason
                    });
                }
                OnPremUser user = rejectedFree.get(0);
                results = ad.writer().write(List.of(new AttributeWrite(user.distinguishedName(),
                        "mS-DS-ConsistencyGuid", null, AttributeValue.ofBytes(user.objectGuid().bytes()))));
            }
            // --- README snippet ends

            assertThat(rejectedFree).hasSize(5).allMatch(u -> u.origin().equals("contoso.com"));
            assertThat(results).extracting(WriteResult::status).containsExactly(WriteStatus.APPLIED);

            Path ldf = Files.writeString(dir.resolve("users.ldf"), "dn: CN=Jane,OU=Staff,DC=contoso,DC=com\n"
                    + "changetype: add\nobjectClass: user\nobjectGUID:: BpazOkLGm0iEtljAONPvOQ==\n");
            try (Stream<OnPremUser> users = LdifDirectory.open(ldf).users()) {
                assertThat(users.count()).isEqualTo(1);
            }
        }
    }
}
