package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.provisioning.ImmutableIdMapping;
import dev.oktaentra.core.provisioning.ProvisioningApp;
import dev.oktaentra.core.provisioning.ProvisioningSource;
import dev.oktaentra.core.provisioning.ProvisioningState;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether Okta computes the ImmutableID from the attribute the new engine will anchor on, for
 * {@code remediate-anchors}.
 *
 * <p>Microsoft's Okta migration tutorial, "ObjectGUID mass-validation methods"
 * (https://learn.microsoft.com/entra/identity/enterprise-apps/migrate-okta-sync-provisioning): "If your ImmutableID
 * values in the cloud don't match objectGUID values, you've modified the defaults for Okta sync. You've likely chosen
 * another attribute to determine ImmutableID values. Before going the next section, identify which source attribute
 * populates ImmutableID values. Before you disable Okta sync, update the attribute Okta is syncing." While Okta still
 * provisions, a mapping whose push status is {@code PUSH} "updates the target on create and update" (Okta, Profile
 * Mappings API), so an ImmutableID fixed in Entra ID would be written back by Okta's next push.
 *
 * <p>Compatible: Okta's default (the AD {@code externalId}, objectGUID) with an objectGUID anchor, or with the
 * mS-DS-ConsistencyGuid anchor, which falls back to objectGUID where the attribute is empty (Entra Connect, and cloud
 * sync: "It uses ms-DS-ConsistencyGuid if present, otherwise ObjectGUID is used", plan-cloud-sync-topologies);
 * a consistency-GUID mapping with the mS-DS-ConsistencyGuid anchor; a custom attribute with an anchor on the same
 * attribute. A mapping the API does not expose, or an expression that reads no single attribute, is not assumed to
 * be right: the operator is asked to check it (the reading that stops a wrong cutover). Apps whose provisioning is
 * off are left out: they push nothing.
 */
final class OktaMappingCheck {

    private OktaMappingCheck() {
    }

    /**
     * The instructions, one per Okta app whose mapping differs from the anchor or cannot be read; none without Okta.
     *
     * @param ctx the context
     * @return the instructions
     */
    static List<String> instructions(MigrationContext ctx) {
        List<String> instructions = new ArrayList<>();
        if (ctx.provisioning().isEmpty()) {
            return instructions;
        }
        ProvisioningSource source = ctx.provisioning().get();
        SourceAnchor anchor = ctx.anchor();
        for (ProvisioningApp app : source.apps()) {
            if (app.provisioning() == ProvisioningState.DISABLED) {
                continue;
            }
            ImmutableIdMapping mapping = source.immutableIdMapping(app.id());
            String name = "Okta app " + app.label() + " (" + app.id() + ")";
            String wanted = wanted(anchor);
            if (mapping.sourceAttribute() == null) {
                instructions.add(name + ": could not tell which attribute Okta syncs into immutableId ("
                        + mapping.explanation() + "). Check in Okta's Profile Editor (Okta user to Office 365 "
                        + "mapping of immutableId) that it reads " + wanted + "; if it does not, update the attribute "
                        + "Okta is syncing before you disable Okta sync (Microsoft's Okta migration tutorial), or "
                        + "Okta's next push writes its own value back over the fixed ImmutableIDs.");
            } else if (!compatible(mapping.sourceAttribute(), anchor)) {
                instructions.add(name + " computes immutableId from " + mapping.sourceAttribute() + " ("
                        + mapping.expression() + "), but the new engine anchors on " + anchor.name() + ": before you "
                        + "disable Okta sync, update the attribute Okta is syncing (Microsoft's Okta migration "
                        + "tutorial) so that its immutableId mapping reads " + wanted + ", or Okta's next push writes "
                        + "its own value back over the ImmutableIDs this step fixes.");
            }
        }
        return instructions;
    }

    private static String wanted(SourceAnchor anchor) {
        return switch (anchor.kind()) {
            case OBJECT_GUID -> "objectGUID (Okta's default: the AD externalId)";
            case CONSISTENCY_GUID -> "mS-DS-ConsistencyGuid, or objectGUID (Okta's default) where it is empty";
            default -> anchor.attribute();
        };
    }

    private static boolean compatible(String oktaAttribute, SourceAnchor anchor) {
        return switch (anchor.kind()) {
            case OBJECT_GUID -> oktaAttribute.equalsIgnoreCase(SourceAnchor.OBJECT_GUID);
            case CONSISTENCY_GUID -> oktaAttribute.equalsIgnoreCase(SourceAnchor.OBJECT_GUID)
                    || oktaAttribute.equalsIgnoreCase(SourceAnchor.CONSISTENCY_GUID);
            default -> oktaAttribute.equalsIgnoreCase(anchor.attribute());
        };
    }
}
