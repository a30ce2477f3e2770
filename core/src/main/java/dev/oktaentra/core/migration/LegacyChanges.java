package dev.oktaentra.core.migration;

import dev.oktaentra.core.match.SourceAnchor;
import java.util.Optional;

/**
 * The kind of a change recorded before kinds were named. Such journal lines carry only the system and the attribute,
 * and the applier of that time chose how to write them from those two: on-prem {@code mS-DS-ConsistencyGuid} and
 * {@code objectGUID} as 16 bytes, any other on-prem attribute as text, every cloud attribute as text, an app's
 * {@code provisioning}, the tenant's {@code matchBlocks} and a {@code cloudSyncJob}. This is the one place that
 * still reads attribute names to choose a kind, so that those journals are read as they were meant.
 *
 * <p>The same rule keeps ids and plan checksums stable: a change whose kind is the one its system and attribute
 * imply is digested without its kind's name, exactly as before, so a plan recorded then still checks out.
 */
final class LegacyChanges {

    private LegacyChanges() {
    }

    /**
     * The kind an unnamed change of a system and attribute was written as.
     *
     * @return the kind, or empty when the applier of that time refused such a change
     */
    static Optional<ChangeKind> kindOf(TargetSystem system, String attribute) {
        return Optional.ofNullable(switch (system) {
            case ON_PREM -> attribute.equalsIgnoreCase(SourceAnchor.CONSISTENCY_GUID)
                    || attribute.equalsIgnoreCase(SourceAnchor.OBJECT_GUID)
                    ? OnPremGuidAttribute.KIND : OnPremAttribute.KIND;
            case CLOUD -> CloudAttribute.KIND;
            case PROVISIONING -> ProvisioningSwitch.ATTRIBUTE.equals(attribute) ? ProvisioningSwitch.KIND : null;
            case TENANT -> MatchGuards.ATTRIBUTE.equals(attribute) ? MatchGuards.KIND
                    : CloudSyncJobRun.ATTRIBUTE.equals(attribute) ? CloudSyncJobRun.KIND : null;
        });
    }

    /** Whether a kind is the one its system and the attribute imply, so its name adds nothing to a digest. */
    static boolean implied(ChangeKind kind, String attribute) {
        return attribute != null && kindOf(kind.system(), attribute).filter(k -> k == kind).isPresent();
    }
}
