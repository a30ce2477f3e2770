package dev.oktaentra.core.validation;

import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremUser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Small readable fixtures: {@code ad("jane")} and {@code entra("jane")} are each other's counterparts. */
final class Users {

    private Users() {
    }

    static ObjectGuid guidOf(String name) {
        return ObjectGuid.fromUuid(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    static String anchorOf(String name) {
        return guidOf(name).toImmutableId().value();
    }

    static OnPremUser.Builder ad(String name) {
        return OnPremUser.builder()
                .distinguishedName("CN=" + name + ",OU=Staff,DC=contoso,DC=com")
                .userPrincipalName(name + "@contoso.com")
                .samAccountName(name)
                .objectGuid(guidOf(name))
                .mail(name + "@contoso.com")
                .proxyAddresses(List.of("SMTP:" + name + "@contoso.com"))
                .origin("test");
    }

    /** A cloud user already stamped with {@code ad(name)}'s anchor, as Okta would have left it. */
    static CloudUser.Builder entra(String name) {
        return CloudUser.builder()
                .id("id-" + name)
                .userPrincipalName(name + "@contoso.com")
                .immutableId(anchorOf(name))
                .mail(name + "@contoso.com")
                .proxyAddresses(List.of("SMTP:" + name + "@contoso.com"));
    }
}
