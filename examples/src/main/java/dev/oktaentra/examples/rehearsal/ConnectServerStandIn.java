package dev.oktaentra.examples.rehearsal;

import dev.oktaentra.core.match.SourceAnchor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

/**
 * Plays the Entra Connect server the Connect-server runbook expects a person to install: its pending export in
 * staging mode, and its first export after leaving staging mode. Nothing here goes through the library's ports; it
 * changes the embedded environment the way the real server would change the real tenant.
 */
final class ConnectServerStandIn {

    /** The wizard's source anchor for an objectGUID tenant: mS-DS-ConsistencyGuid, filled from objectGUID. */
    static final SourceAnchor WIZARD_ANCHOR = SourceAnchor.consistencyGuid();

    private final EmbeddedEnvironment env;

    ConnectServerStandIn(EmbeddedEnvironment env) {
        this.env = env;
    }

    /**
     * Writes the server's pending export as {@code csexport /f:x} would, from the environment as it is now.
     *
     * @param file where
     * @param acceptedDeletes synced cloud users whose delete the operator has reviewed and dealt with
     * @return what it holds
     */
    SyntheticStagingExport.Contents exportPending(Path file, Set<String> acceptedDeletes) {
        return SyntheticStagingExport.write(file, env.onPrem(), env.graph().users(), WIZARD_ANCHOR, acceptedDeletes);
    }

    /**
     * The server's first export cycle after staging mode is switched off: Entra ID records directory sync as on and
     * the time of the sync. The fake Graph has no way to change a seeded user, so the users themselves keep their
     * cloud-managed marks; the runbook's checks read the tenant's.
     *
     * @param at when the cycle ends
     */
    void firstExportCycle(Instant at) {
        env.graph().setOrganization(Boolean.TRUE, at);
    }
}
