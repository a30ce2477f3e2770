package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.match.TargetEngine;
import dev.oktaentra.core.migration.JournalEntry;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.StepFinding;
import java.util.List;

/**
 * Phase 3: install Entra Connect in staging mode with the right source anchor. A person runs the wizard.
 *
 * <p>Prerequisites in force: Entra Connect 2.5.79.0 or later (older builds stop syncing on 30 September 2026; see
 * {@link ConnectVersion} for the source), and the wizard signed in with the Hybrid Identity Administrator role
 * (Microsoft's Okta migration tutorial, https://learn.microsoft.com/entra/identity/enterprise-apps/migrate-okta-sync-provisioning:
 * "To use Microsoft Entra Connect, you need to sign in with a Hybrid Identity Administrator role"). Graph does not
 * expose the installed version, so the step passes only on a confirmation whose note names exactly one version, the
 * minimum or later: the journal keeps who stated which version when.
 */
final class InstallConnectStep extends ManualStep {

    InstallConnectStep() {
        super("install-connect-staging", "Install Entra Connect in staging mode");
    }

    @Override
    List<String> instructions(MigrationContext ctx) {
        // The one setting the validation also reads: what is validated is what the wizard is told to choose.
        TargetEngine target = ctx.options().targetEngine() != null ? ctx.options().targetEngine()
                : TargetEngine.connectSyncFor(ctx.options().anchor() != null ? ctx.options().anchor()
                        : SourceAnchor.objectGuid());
        SourceAnchor anchor = target.sourceAnchor();
        String anchorChoice = anchor.kind() == SourceAnchor.Kind.CONSISTENCY_GUID
                ? "mS-DS-ConsistencyGuid (Connect uses it where it is set and writes objectGUID into it where it is "
                        + "empty, so Okta's objectGUID anchors hold; validate-anchors checked the users whose "
                        + "mS-DS-ConsistencyGuid is set to another GUID)"
                : anchor.kind() == SourceAnchor.Kind.OBJECT_GUID ? SourceAnchor.OBJECT_GUID : anchor.attribute();
        return List.of(
                "Download Entra Connect " + ConnectVersion.MINIMUM + " or later from the Entra admin center: every "
                        + "build below " + ConnectVersion.MINIMUM + " stopped synchronising on 30 September 2026.",
                "Sign in to the wizard with an account that holds the Hybrid Identity Administrator role in Entra ID "
                        + "(and is a local administrator of the server).",
                "On the new server run the Entra Connect wizard and choose Customize (not Express settings).",
                "Sign-in method: keep what the tenant uses today; do not enable single sign-on changes yet.",
                "Connect your directories: add every forest Okta provisioned from, with a service account that may "
                        + "write mS-DS-ConsistencyGuid.",
                "Domain and OU filtering: select exactly the OUs Okta provisioned from.",
                "Uniquely identifying your users: 'Users are represented only once across all directories'; "
                        + "Source anchor: 'Choose a specific attribute' -> " + anchorChoice + ". A wrong choice "
                        + "cannot be changed later without reinstalling.",
                "Optional features: leave password hash sync and writeback as planned; tick nothing new.",
                "Ready to configure: tick 'Enable staging mode' and 'Start the synchronization process when "
                        + "configuration completes'. Staging mode imports and synchronises but exports nothing.",
                "Wait for the first full import and synchronisation to finish, then confirm this step with the "
                        + "installed version in the note (Graph does not expose it; read it in the wizard's Help or "
                        + "from AzureADConnect.exe's product version), e.g. confirm install-connect-staging --note "
                        + "\"Entra Connect " + ConnectVersion.MINIMUM + ", staging mode, first sync done\".");
    }

    /** The version stated in the latest confirmation: exactly one, the minimum or later. */
    @Override
    List<StepFinding> checks(MigrationContext ctx) {
        String note = ctx.journal().last(id(), JournalEntry.Type.OPERATOR_CONFIRMED).map(JournalEntry::message)
                .orElse(null);
        List<String> versions = ConnectVersion.in(note);
        if (versions.isEmpty()) {
            return List.of(StepFinding.error("The confirmation names no version of Entra Connect, and Graph does "
                    + "not expose it: confirm again with the installed version in the note (" + ConnectVersion.MINIMUM
                    + " or later), e.g. --note \"Entra Connect " + ConnectVersion.MINIMUM + "\"."));
        }
        if (versions.size() > 1) {
            return List.of(StepFinding.error("The confirmation names several versions " + versions + ": confirm "
                    + "again with the one installed now."));
        }
        String version = versions.get(0);
        if (!ConnectVersion.atLeastMinimum(version)) {
            return List.of(StepFinding.error("Entra Connect " + version + " is installed; every build below "
                    + ConnectVersion.MINIMUM + " stopped synchronising on 30 September 2026: upgrade, then confirm "
                    + "again with the new version."));
        }
        return List.of(StepFinding.info("Entra Connect " + version + " stated by the operator (the minimum in force "
                + "is " + ConnectVersion.MINIMUM + ")."));
    }
}
