package dev.oktaentra.examples.rehearsal;

import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.match.SourceAnchor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Plays the Entra Connect server the Connect-server runbook expects a person to install: its pending export in
 * staging mode, and its first export after leaving staging mode. Nothing here goes through the library's ports; it
 * changes the embedded environment the way the real server would change the real tenant.
 *
 * <p>Cloud users still marked synced that no on-prem user explains are left behind by both: a new server keeps them
 * as disconnectors, neither updated nor deleted (see {@link SyntheticStagingExport} for the source).
 */
final class ConnectServerStandIn {

    /** The Entra Connect build the stand-in plays: the minimum in force since 30 September 2026. */
    static final String VERSION = "2.5.79.0";

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
     * @param leftScope objects the server joined that have since left its scope: the export deletes them
     * @return what it holds
     */
    SyntheticStagingExport.Contents exportPending(Path file, List<SyntheticStagingExport.LeftScope> leftScope) {
        return SyntheticStagingExport.write(file, env.onPrem(), env.graph().users(), WIZARD_ANCHOR, leftScope);
    }

    /**
     * The server's first export cycle after staging mode is switched off: every cloud user whose ImmutableID an
     * on-prem user in scope yields is taken over (marked synced, with the time of the sync), and Entra ID records
     * directory sync as on. Cloud users no on-prem user explains are left as they are.
     *
     * @param at when the cycle ends
     * @return how many cloud users the cycle took over
     */
    int firstExportCycle(Instant at) {
        Set<String> anchors = new HashSet<>();
        try (Stream<OnPremUser> users = env.onPrem().users()) {
            users.forEach(u -> WIZARD_ANCHOR.expected(u).ifPresent(a -> anchors.add(a.value())));
        }
        int taken = 0;
        for (CloudUser user : env.graph().users()) {
            if (user.immutableId() != null && anchors.contains(user.immutableId().value())) {
                env.graph().replaceUser(user.toBuilder().onPremisesSyncEnabled(Boolean.TRUE)
                        .onPremisesLastSyncDateTime(at).build());
                taken++;
            }
        }
        env.graph().setOrganization(Boolean.TRUE, at);
        return taken;
    }
}
