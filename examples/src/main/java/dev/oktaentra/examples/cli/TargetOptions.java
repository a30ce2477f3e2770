package dev.oktaentra.examples.cli;

import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.match.TargetEngine;
import dev.oktaentra.core.tenant.SyncFeatures;
import dev.oktaentra.core.validation.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The options that say what takes over from Okta and under which tenant features: {@code --engine},
 * {@code --anchor} and {@code --sync-feature}. One setting for the anchor: the validation computes every on-prem
 * user's ImmutableID the way that engine will, so that what passes here is what the engine exports.
 */
final class TargetOptions {

    /** The Graph names of the tenant features ({@code onPremisesDirectorySynchronizationFeature}), in order. */
    static final List<String> FEATURES = List.of("blockSoftMatchEnabled",
            "blockCloudObjectTakeoverThroughHardMatchEnabled", "softMatchOnUpnEnabled",
            "allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled");

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "connect-sync",
            description = {"What takes over from Okta: connect-sync (an Entra Connect Sync server, the default) or "
                    + "cloud-sync (Entra cloud sync, which uses mS-DS-ConsistencyGuid, else objectGUID, by itself)."})
    String engine;

    @Option(names = "--anchor", paramLabel = "ANCHOR", defaultValue = SourceAnchor.CONSISTENCY_GUID,
            converter = SourceAnchorConverter.class,
            description = {"The source anchor chosen in the Entra Connect wizard: mS-DS-ConsistencyGuid (the "
                    + "default, as the runbook installs it: mS-DS-ConsistencyGuid where set, else objectGUID), "
                    + "objectGUID, attr:NAME for a string attribute such as attr:employeeID, or binary:NAME.",
                "Not sure which attribute Okta used? Run detect-anchor first."})
    SourceAnchor anchor;

    @Option(names = "--sync-feature", paramLabel = "FEATURE",
            description = {"A tenant feature that is on for the cutover (repeat for several): softMatchOnUpnEnabled, "
                    + "blockSoftMatchEnabled, blockCloudObjectTakeoverThroughHardMatchEnabled or "
                    + "allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled, as Get-MgDirectoryOnPremiseSynchronization "
                    + "shows them. Without any, all four are assumed off: the matching window's blocks open, and "
                    + "SoftMatchOnUpn and the onPremisesObjectIdentifier allowance off (the safer assumption)."})
    List<String> features;

    /**
     * The engine and its anchor.
     *
     * @return the target
     * @throws IllegalArgumentException for an unknown engine, or cloud sync with another anchor than
     *         mS-DS-ConsistencyGuid
     */
    TargetEngine target() {
        switch (engine.toLowerCase(Locale.ROOT)) {
            case "connect-sync":
                return TargetEngine.connectSync(anchor);
            case "cloud-sync":
                return new TargetEngine(TargetEngine.Engine.CLOUD_SYNC, anchor);
            default:
                throw new IllegalArgumentException("--engine must be connect-sync or cloud-sync, got '" + engine + "'");
        }
    }

    /**
     * The features given, all others off.
     *
     * @return the features
     * @throws IllegalArgumentException for a name that is not one of {@link #FEATURES}
     */
    SyncFeatures syncFeatures() {
        if (features == null || features.isEmpty()) {
            return Validation.CUTOVER_ASSUMED;
        }
        boolean[] on = new boolean[FEATURES.size()];
        for (String name : features) {
            int index = -1;
            for (int i = 0; i < FEATURES.size(); i++) {
                index = FEATURES.get(i).equalsIgnoreCase(name.strip()) ? i : index;
            }
            if (index < 0) {
                throw new IllegalArgumentException("--sync-feature must be one of " + String.join(", ", FEATURES)
                        + "; got '" + name + "'");
            }
            on[index] = true;
        }
        return new SyncFeatures(on[0], on[1], on[2], on[3]);
    }

    /**
     * Where the features come from, as the report says it.
     *
     * @return the source
     */
    String syncFeaturesSource() {
        if (features == null || features.isEmpty()) {
            return Validation.CUTOVER_ASSUMED_SOURCE;
        }
        List<String> on = new ArrayList<>();
        SyncFeatures f = syncFeatures();
        boolean[] values = {f.blockSoftMatchEnabled(), f.blockCloudObjectTakeoverThroughHardMatchEnabled(),
            f.softMatchOnUpnEnabled(), f.allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled()};
        for (int i = 0; i < values.length; i++) {
            if (values[i]) {
                on.add(FEATURES.get(i));
            }
        }
        return "given with --sync-feature: " + String.join(", ", on) + " on, the others off";
    }
}
