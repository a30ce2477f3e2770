package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.match.TargetEngine;
import dev.oktaentra.core.migration.MigrationContext;
import java.util.List;

/** Phase 3: install Entra Connect in staging mode with the right source anchor. A person runs the wizard. */
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
                "Wait for the first full import and synchronisation to finish, then confirm this step.");
    }
}
