package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.provisioning.ProvisioningState;
import dev.oktaentra.core.tenant.CloudSyncJob;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The small tenant the legacy journal ({@code journal-before-kinds.jsonl}) was written against by the release before
 * change kinds were named: u1 has its ImmutableID in the wrong byte order (cloud-managed), u2 lacks the mail the
 * cloud has, u4 is synced to a cloud user with another anchor (the on-prem mS-DS-ConsistencyGuid route), two Okta
 * apps provision, one cloud sync job is paused.
 */
final class LegacySeed {

    private LegacySeed() {
    }

    static void seed(MemoryWorld world) {
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < 6; i++) {
            ObjectGuid guid = ObjectGuid.random(random);
            String upn = "u" + i + "@contoso.com";
            world.add(OnPremUser.builder().distinguishedName("CN=u" + i + ",OU=Staff,DC=contoso,DC=com")
                    .userPrincipalName(upn).samAccountName("u" + i).objectGuid(guid).mail(i == 2 ? null : upn)
                    .proxyAddresses(List.of("SMTP:" + upn)).build());
            CloudUser.Builder cloud = CloudUser.builder().id("c" + i).userPrincipalName(upn).mail(upn)
                    .proxyAddresses(List.of("SMTP:" + upn))
                    .immutableId(i == 1 ? bigEndian(guid) : guid.toImmutableId().value());
            if (i == 4) {
                cloud.immutableId(ObjectGuid.random(random).toImmutableId().value()).onPremisesSyncEnabled(true);
            }
            world.add(cloud.build());
        }
        world.app("0oa1", ProvisioningState.ENABLED);
        world.app("0oa2", ProvisioningState.ENABLED);
        world.jobs.add(new CloudSyncJob("sp1", "contoso.com", "AD2AADProvisioning.x1", "AD2AADProvisioning",
                "Paused", "Disabled", null, null));
    }

    private static String bigEndian(ObjectGuid guid) {
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(16).putLong(guid.toUuid()
                .getMostSignificantBits()).putLong(guid.toUuid().getLeastSignificantBits()).array());
    }
}
