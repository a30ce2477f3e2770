package dev.oktaentra.core.report.html;

import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.validation.Validation;
import dev.oktaentra.core.validation.ValidationReport;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Validation reports with known findings, built from users in memory. */
final class Reports {

    /** A UPN that tries every way out of the page's markup and script. */
    static final String HOSTILE_UPN = "</script><script>alert(1)</script><!--<b>x</b>\u2028@contoso.com";

    private final List<OnPremUser> onPrem = new ArrayList<>();
    private final List<CloudUser> cloud = new ArrayList<>();

    static Reports reports() {
        return new Reports();
    }

    static ObjectGuid guid(String name) {
        return ObjectGuid.fromUuid(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    private OnPremUser.Builder ad(String name, String upn) {
        return OnPremUser.builder().distinguishedName("CN=" + name + ",OU=Staff,DC=contoso,DC=com")
                .userPrincipalName(upn).samAccountName(name).objectGuid(guid(name));
    }

    private CloudUser.Builder entra(String name, String upn) {
        return CloudUser.builder().id("id-" + name).userPrincipalName(upn).onPremisesSyncEnabled(true);
    }

    Reports matched(String name) {
        onPrem.add(ad(name, name + "@contoso.com").build());
        cloud.add(entra(name, name + "@contoso.com").immutableId(guid(name).toImmutableId()).build());
        return this;
    }

    Reports byteOrderMismatch(String name, String upn) {
        UUID uuid = guid(name).toUuid();
        String bigEndian = Base64.getEncoder().encodeToString(ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array());
        onPrem.add(ad(name, upn).build());
        cloud.add(entra(name, upn).immutableId(bigEndian).build());
        return this;
    }

    Reports onPremOnly(String name) {
        onPrem.add(ad(name, name + "@contoso.com").build());
        return this;
    }

    Reports cloudOrphan(String name) {
        cloud.add(entra(name, name + "@contoso.com").immutableId(guid("orphan-" + name).toImmutableId()).build());
        return this;
    }

    ValidationReport validate() {
        return Validation.configure().build().run(OnPremDirectory.of("adusers.csv", onPrem),
                CloudDirectory.of("entrausers.csv", cloud));
    }
}
