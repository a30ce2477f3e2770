package dev.oktaentra.core.staging;

import static dev.oktaentra.core.OktaEntraException.quote;

import dev.oktaentra.core.match.BlockReason;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a pending {@code update} (or {@code replace}) is one Entra ID refuses or one that rebinds the object,
 * rather than the takeover's ordinary overwrite.
 *
 * <p>Rules and their sources:
 * <ul>
 *   <li>The sourceAnchor never changes: "The sourceAnchor attribute is defined as an attribute immutable during the
 *       lifetime of an object" and "this attribute's value can't be changed after it has been set"
 *       ("Microsoft Entra Connect: Design concepts",
 *       https://learn.microsoft.com/entra/identity/hybrid/connect/plan-connect-design-concepts, "sourceAnchor"); the
 *       connector space's anchor "never changes during the lifetime of the object" (FIM "&lt;anchor&gt; of
 *       &lt;delta&gt;", https://learn.microsoft.com/previous-versions/windows/desktop/forefront-2010/ms694619(v=vs.100)).
 *       An update that writes another {@code sourceAnchor} is refused or rebinds the cloud user to another on-prem
 *       object. The {@code cloudAnchor} ({@code User_<objectId>}) names the cloud object itself (ADSyncTools
 *       {@code ConvertTo-ADSyncToolsCloudAnchor}); no source says Connect may change it, so a change is treated the
 *       same way (the safer reading). Rewriting the same value is not a change.</li>
 *   <li>A cloud-managed user refuses updates from on-prem: {@code onPremisesSyncBehavior.isCloudManaged} "If true,
 *       updates from on-premises Active Directory are blocked in the cloud"
 *       (https://learn.microsoft.com/graph/api/resources/onpremisessyncbehavior).</li>
 *   <li>A set {@code onPremisesObjectIdentifier} cannot be remapped: "Microsoft Entra will block Entra Connect from
 *       updating OnPremisesObjectIdentifier once it has been mapped to a synced user object" (message center
 *       MC1263280, from July 1, 2026), "Remap blocked (AttributeUpdateNotAllowed)"
 *       (https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-install-existing-tenant, "Hard match
 *       scenarios and recovery paths").</li>
 *   <li>A role holder, active or eligible: MC1262584 says Connect "will no longer take over SoA for a cloud‑managed
 *       user who has onPremisesImmutableId (sourceAnchor) set and holds a Microsoft Entra role". No source says
 *       whether a user Okta shows as synced, which the new server joins and updates instead of matching, is spared;
 *       the update is predicted refused (the safer reading), unless {@code release-role-holders} removes the roles
 *       first ({@link StagingChecks#roleHoldersReleased()}).</li>
 *   <li>The tenant's matching features (BlockCloudObjectTakeoverThroughHardMatch, BlockSoftMatch, SoftMatchOnUpn)
 *       concern new objects only: "The match is only evaluated for new objects coming from on-premises AD"
 *       (how-to-connect-install-existing-tenant, "Sync with existing users in Microsoft Entra ID"). They do not make
 *       an update refused. A known user the validation found blocked without saying why (a report that does not
 *       record the reasons) is treated as blocked (the safer reading).</li>
 * </ul>
 */
final class PendingUpdates {

    /** The AAD connector attribute that names the cloud object ({@code User_<objectId>}). */
    static final String CLOUD_ANCHOR = "cloudAnchor";

    /** The block reasons that concern an update of a joined object, not only a match. */
    private static final Set<BlockReason> UPDATE_BLOCKS = EnumSet.of(BlockReason.ADMIN_ROLE,
            BlockReason.ELIGIBLE_ADMIN_ROLE, BlockReason.ON_PREM_OBJECT_IDENTIFIER, BlockReason.CLOUD_MANAGED);
    private static final Set<BlockReason> ROLES = EnumSet.of(BlockReason.ADMIN_ROLE, BlockReason.ELIGIBLE_ADMIN_ROLE);

    private PendingUpdates() {
    }

    /**
     * One finding about an update.
     *
     * @param kind {@link StagingFindingKind#REFUSED_UPDATE} or {@link StagingFindingKind#ROLE_HOLDER_RELEASED}
     * @param attribute the anchor attribute changed, or {@code null} for an object-level finding
     * @param detail the facts
     * @param action what to do
     */
    record Verdict(StagingFindingKind kind, String attribute, String detail, String action) {
    }

    /**
     * The findings of one update.
     *
     * @param export the object
     * @param match the known user it was tied to, or {@code null}
     * @param checks whether release-role-holders removes role holders' roles
     * @return the findings, possibly none
     */
    static List<Verdict> judge(PendingExport export, UserMatch match, StagingChecks checks) {
        List<Verdict> out = new ArrayList<>(0);
        for (String name : List.of(PendingExport.SOURCE_ANCHOR, CLOUD_ANCHOR)) {
            if (export.delta().attribute(name) == null) {
                continue;
            }
            List<String> before = export.valuesBefore(name);
            List<String> after = export.valuesAfter(name);
            if (!before.isEmpty() && before.equals(after)) {
                continue;
            }
            out.add(new Verdict(StagingFindingKind.REFUSED_UPDATE, name, "The update changes " + name + " from "
                    + values(before) + " to " + values(after) + "; the " + name + " of an object in Entra ID never "
                    + "changes, so Entra ID refuses the export or the cloud user is bound to another on-prem object",
                    "Before leaving staging mode, find why the server presents another " + name + " for this object "
                    + "(a changed mS-DS-ConsistencyGuid, a join on the wrong object) and restore the value the cloud "
                    + "user holds."));
        }
        if (match == null || !match.user().inCloud()) {
            return out;
        }
        KnownUser user = match.user();
        Set<BlockReason> reasons = EnumSet.noneOf(BlockReason.class);
        reasons.addAll(user.blockReasons());
        reasons.retainAll(UPDATE_BLOCKS);
        if (user.holdsAdminRole()) {
            reasons.add(BlockReason.ADMIN_ROLE);
        }
        boolean unexplained = reasons.isEmpty() && user.matchBlocked() && user.blockReasons().isEmpty();
        if (reasons.isEmpty() && !unexplained) {
            return out;
        }
        if (!unexplained && checks.roleHoldersReleased() && ROLES.containsAll(reasons)) {
            out.add(new Verdict(StagingFindingKind.ROLE_HOLDER_RELEASED, null, "The update writes to cloud user "
                    + quote(user.describe()) + ", which holds " + reasons + "; release-role-holders removes those "
                    + "roles before the cutover (options.removeRoleHolders).", Recommendations.releasedAction()));
            return out;
        }
        String why = unexplained ? "the validation found its takeover blocked (outcome " + user.outcome()
                + ", reasons not recorded)" : "it is blocked by " + reasons;
        out.add(new Verdict(StagingFindingKind.REFUSED_UPDATE, null, "The update writes to cloud user "
                + quote(user.describe()) + " (id " + user.cloudUserId() + "), but " + why + ": Entra ID refuses "
                + "updates from on-prem to it", "Before leaving staging mode, lift the block on cloud user "
                + quote(user.describe()) + " as the validation's advice says (remove its roles and eligibilities for "
                + "the matching window, clear its onPremisesObjectIdentifier, or hand its source of authority back "
                + "to on-prem), then review the export again."));
        return out;
    }

    private static String values(List<String> values) {
        return values.isEmpty() ? "(none)" : quote(String.join("; ", values));
    }
}
