package dev.oktaentra.core.match;

import java.util.Objects;

/**
 * The sync engine that takes over from Okta and the source anchor it will compute: the one setting that the install
 * instruction, the validation, the staging analysis's join and the rehearsal all read, so that what is validated is
 * what the engine will export.
 *
 * <ul>
 *   <li><b>Entra Connect Sync</b> uses the anchor chosen in its wizard. With mS-DS-ConsistencyGuid (what Microsoft's
 *       tutorial and the runbook choose) it uses that attribute where it is set and objectGUID only where it is
 *       empty: "For any given on-premises AD User object whose ms-DS-ConsistencyGuid attribute isn't populated,
 *       Microsoft Entra Connect writes its objectGUID value back to the ms-DS-ConsistencyGuid attribute" and "To
 *       specify the sourceAnchor value for a given on-premises AD object, configure its ms-DS-ConsistencyGuid
 *       attribute before it's imported" (https://learn.microsoft.com/entra/identity/hybrid/connect/plan-connect-design-concepts,
 *       "Using ms-DS-ConsistencyGuid as sourceAnchor"). The choice cannot be changed without reinstalling (same
 *       page, "If you need to change this setting, then you must uninstall and reinstall").</li>
 *   <li><b>Entra cloud sync</b> chooses by itself: "The source anchor for objects is chosen automatically. It uses
 *       ms-DS-ConsistencyGuid if present, otherwise ObjectGUID is used." / "You can't change the attribute that is
 *       used for source anchor." (https://learn.microsoft.com/entra/identity/hybrid/cloud-sync/plan-cloud-sync-topologies,
 *       "Things to remember about all scenarios and topologies"). No page says cloud sync writes objectGUID back into
 *       mS-DS-ConsistencyGuid; the anchor it computes is the same either way.</li>
 * </ul>
 *
 * @param engine the engine
 * @param sourceAnchor how the engine computes an on-prem object's ImmutableID
 */
public record TargetEngine(Engine engine, SourceAnchor sourceAnchor) {

    /** The two engines that can take over from Okta. */
    public enum Engine {
        /** An Entra Connect Sync server. */
        CONNECT_SYNC("Entra Connect Sync"),
        /** Entra cloud sync's provisioning agents. */
        CLOUD_SYNC("Entra cloud sync");

        private final String title;

        Engine(String title) {
            this.title = title;
        }

        /**
         * The engine's name for people.
         *
         * @return e.g. {@code Entra Connect Sync}
         */
        public String title() {
            return title;
        }
    }

    /**
     * Checks the components: cloud sync computes only mS-DS-ConsistencyGuid, else objectGUID.
     *
     * @param engine the engine
     * @param sourceAnchor how the engine computes an on-prem object's ImmutableID
     * @throws IllegalArgumentException for cloud sync with another anchor
     */
    public TargetEngine {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(sourceAnchor, "sourceAnchor");
        if (engine == Engine.CLOUD_SYNC && sourceAnchor.kind() != SourceAnchor.Kind.CONSISTENCY_GUID) {
            throw new IllegalArgumentException("Entra cloud sync chooses its source anchor by itself "
                    + "(mS-DS-ConsistencyGuid, else objectGUID) and cannot use " + sourceAnchor.name()
                    + "; a tenant whose ImmutableIDs come from " + sourceAnchor.name() + " needs Entra Connect Sync "
                    + "installed with that anchor");
        }
    }

    /**
     * Entra Connect Sync as the runbook installs it, with mS-DS-ConsistencyGuid.
     *
     * @return the target
     */
    public static TargetEngine connectSync() {
        return connectSync(SourceAnchor.consistencyGuid());
    }

    /**
     * Entra Connect Sync installed with the given anchor; {@code --anchor objectGUID} on the command line is this with
     * {@link SourceAnchor#objectGuid()}.
     *
     * @param anchor the anchor chosen in the wizard
     * @return the target
     */
    public static TargetEngine connectSync(SourceAnchor anchor) {
        return new TargetEngine(Engine.CONNECT_SYNC, anchor);
    }

    /**
     * Entra cloud sync, with the anchor it chooses by itself.
     *
     * @return the target
     */
    public static TargetEngine cloudSync() {
        return new TargetEngine(Engine.CLOUD_SYNC, SourceAnchor.consistencyGuid());
    }

    /**
     * The Connect installation the runbook instructs for the attribute Okta put into ImmutableID: mS-DS-ConsistencyGuid
     * when that attribute is objectGUID or mS-DS-ConsistencyGuid (Connect fills an empty mS-DS-ConsistencyGuid from
     * objectGUID, so Okta's anchors hold), else that attribute itself.
     *
     * @param oktaAnchor the attribute Okta used, as detected or configured
     * @return the target
     */
    public static TargetEngine connectSyncFor(SourceAnchor oktaAnchor) {
        boolean guid = oktaAnchor.kind() == SourceAnchor.Kind.OBJECT_GUID
                || oktaAnchor.kind() == SourceAnchor.Kind.CONSISTENCY_GUID;
        return connectSync(guid ? SourceAnchor.consistencyGuid() : oktaAnchor);
    }

    /**
     * One line for people, e.g. {@code Entra Connect Sync, source anchor mS-DS-ConsistencyGuid (objectGUID where it is
     * empty)}.
     *
     * @return the line
     */
    public String describe() {
        return engine.title() + ", source anchor " + sourceAnchor.name()
                + (sourceAnchor.kind() == SourceAnchor.Kind.CONSISTENCY_GUID ? " (objectGUID where it is empty)" : "");
    }

    @Override
    public String toString() {
        return describe();
    }
}
