package dev.oktaentra.examples.config;

import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.match.TargetEngine;
import dev.oktaentra.core.migration.MigrationOptions;
import dev.oktaentra.core.migration.Runbook;
import dev.oktaentra.core.migration.TopologyNeeds;
import dev.oktaentra.core.migration.steps.Runbooks;
import dev.oktaentra.core.staging.DeletionThreshold;
import dev.oktaentra.core.tenant.SyncFeatures;
import dev.oktaentra.core.validation.AttributeMapping;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A migration's configuration file ({@code oktaentra.json}): the runbook, the journal, the on-prem side, the cloud
 * side, Okta and the options. Relative file names are resolved against the file's folder. Reading checks every
 * setting and reads no secret; {@link #connect} reads the secrets (see {@link Secrets}) and opens the ports.
 *
 * <pre>{@code
 * MigrationConfig config = MigrationConfig.read(Path.of("oktaentra.json"));
 * try (MigrationPorts ports = config.connect(Secrets.system(), System.err::println);
 *      Migration migration = Migration.builder().runbook(config.runbook())
 *              .context(ports.context(ProgressListener.NONE)).journal(config.journal()).open()) {
 *     migration.info().forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>The format, with every key (the README has the full reference):
 *
 * <pre>{@code
 * {
 *   "runbook": "connect-server",                 // or "cloud-sync"
 *   "journal": "migration.journal",
 *   "onPrem": { "ldap": { "host": "dc1.contoso.com", "bind": "svc-sync@contoso.com",
 *                         "passwordEnv": "OKTAENTRA_LDAP_PASSWORD",
 *                         "searchBases": ["OU=Staff,DC=contoso,DC=com"] } },   // or "csv" / "ldif": a file
 *   "cloud":  { "graph": { "auth": "clientSecret", "tenantId": "contoso.onmicrosoft.com", "clientId": "…",
 *                          "clientSecretEnv": "OKTAENTRA_GRAPH_CLIENT_SECRET" } }, // or "csv": a file
 *   "okta":   { "orgUrl": "https://contoso.okta.com", "apiTokenEnv": "OKTAENTRA_OKTA_API_TOKEN" },
 *   "options": { "anchor": "objectGUID", "maxWritesPerStep": 500, "stagingExport": "export.xml",
 *                "deletionThreshold": 500, "reviewedLeavers": "reviewed-leavers.txt",
 *                "federatedUpnSwap": false, "reviewedNewUsers": "reviewed-new-users.txt",
 *                "removeRoleHolders": false,   // true: release-role-holders removes the roles, restore-role-holders
 *                                              // assigns them again (needs RoleManagement.ReadWrite.Directory)
 *                "connectSourceAnchor": "mS-DS-ConsistencyGuid",   // the runbook's choice when left out
 *                "syncFeatures": { "softMatchOnUpnEnabled": true }, // each false when left out (the safer side)
 *                "topology": { "deviceSyncOrHybridJoin": false, "passThroughAuthentication": false,
 *                              "writeback": false, "objectCount": 12000 } }
 * }
 * }</pre>
 */
public final class MigrationConfig {

    /** The file the CLI reads when {@code --config} is not given. */
    public static final String DEFAULT_FILE = "oktaentra.json";
    /** The runbook names, as {@code "runbook"} takes them. */
    public static final List<String> RUNBOOKS = List.of("connect-server", "cloud-sync");

    private final Path file;
    private final String runbookName;
    private final Path journal;
    private final OnPremSource onPrem;
    private final CloudSource cloud;
    private final OktaSource okta;
    private final MigrationOptions options;

    private MigrationConfig(Path file, String runbookName, Path journal, OnPremSource onPrem, CloudSource cloud,
            OktaSource okta, MigrationOptions options) {
        this.file = file;
        this.runbookName = runbookName;
        this.journal = journal;
        this.onPrem = onPrem;
        this.cloud = cloud;
        this.okta = okta;
        this.options = options;
    }

    /**
     * Reads and checks a configuration file. No secret is read and nothing is contacted.
     *
     * @param file the JSON file (comments allowed)
     * @return the configuration
     * @throws ConfigFileException naming the file, the setting and what is wrong
     */
    public static MigrationConfig read(Path file) {
        Objects.requireNonNull(file, "file");
        JsonSettings json = JsonSettings.read(file);
        json.allow("runbook", "journal", "onPrem", "cloud", "okta", "options").checkKeys();
        String runbook = json.optChoice("runbook", RUNBOOKS.toArray(String[]::new))
                .orElseThrow(() -> json.error("runbook", "is required: " + String.join(" or ", RUNBOOKS)));
        Path journal = json.path("journal");
        OnPremSource onPrem = OnPremSource.from(json.object("onPrem"));
        CloudSource cloud = CloudSource.from(json.object("cloud"));
        OktaSource okta = json.optObject("okta").map(OktaSource::from).orElse(null);
        MigrationOptions options = json.optObject("options").map(MigrationConfig::options)
                .orElse(MigrationOptions.defaults());
        if (runbook.equals("cloud-sync")) {
            // Cloud sync chooses its anchor by itself; a Connect anchor makes no sense for it.
            if (options.targetEngine() != null) {
                throw json.error("options", "connectSourceAnchor is for the connect-server runbook: cloud sync uses "
                        + "mS-DS-ConsistencyGuid, else objectGUID, by itself");
            }
            options = options.withTargetEngine(TargetEngine.cloudSync());
        }
        return new MigrationConfig(file, runbook, journal, onPrem, cloud, okta, options);
    }

    private static MigrationOptions options(JsonSettings json) {
        json.allow("anchor", "maxWritesPerStep", "minAnchorCoverage", "stagingExport", "topology",
                "attributeMappings", "deletionThreshold", "reviewedLeavers", "federatedUpnSwap", "reviewedNewUsers",
                "connectSourceAnchor", "syncFeatures", "removeRoleHolders", "onDemandSample")
                .checkKeys();
        MigrationOptions options = MigrationOptions.defaults();
        if (json.has("anchor")) {
            try {
                options = options.withAnchor(SourceAnchor.parse(json.string("anchor")));
            } catch (IllegalArgumentException e) {
                throw json.error("anchor", e.getMessage());
            }
        }
        options = options.withMaxWritesPerStep(json.optLong("maxWritesPerStep", 1, Integer.MAX_VALUE)
                .map(Long::intValue).orElse(MigrationOptions.DEFAULT_MAX_WRITES));
        options = options.withMinAnchorCoverage(json.optDouble("minAnchorCoverage", 0, 1)
                .orElse(MigrationOptions.DEFAULT_MIN_COVERAGE));
        options = options.withStagingExport(json.optPath("stagingExport").orElse(null));
        // The Connect server's own threshold (Get-ADSyncExportDeletionThreshold), 500 as installed.
        options = options.withDeletionThreshold(json.optLong("deletionThreshold", 1, Integer.MAX_VALUE)
                .map(Long::intValue).orElse(DeletionThreshold.DEFAULT_LIMIT));
        options = options.withReviewedLeavers(json.optPath("reviewedLeavers").orElse(null));
        // Opt-in only: a UPN swap renames the user's sign-in and OneDrive URL while it lasts (README).
        options = options.withFederatedUpnSwap(json.bool("federatedUpnSwap", false));
        options = options.withReviewedNewUsers(json.optPath("reviewedNewUsers").orElse(null));
        // Opt-in only: the library then removes directory roles (active and PIM-eligible) for the matching window.
        options = options.withRemoveRoleHolders(json.bool("removeRoleHolders", false));
        // Users enable-cloud-sync provisions on demand first (really provisioned); 0 is an opt-out its plan records.
        options = options.withOnDemandSample(json.optLong("onDemandSample", 0, 1000).map(Long::intValue)
                .orElse(MigrationOptions.DEFAULT_ON_DEMAND_SAMPLE));
        if (json.has("connectSourceAnchor")) {
            // The anchor chosen in the Connect wizard, when it is not the one the runbook instructs.
            try {
                options = options.withTargetEngine(TargetEngine.connectSync(
                        SourceAnchor.parse(json.string("connectSourceAnchor"))));
            } catch (IllegalArgumentException e) {
                throw json.error("connectSourceAnchor", e.getMessage());
            }
        }
        if (json.has("syncFeatures")) {
            JsonSettings f = json.object("syncFeatures");
            f.allow("blockSoftMatchEnabled", "blockCloudObjectTakeoverThroughHardMatchEnabled", "softMatchOnUpnEnabled",
                    "allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled").checkKeys();
            options = options.withSyncFeatures(new SyncFeatures(f.bool("blockSoftMatchEnabled", false),
                    f.bool("blockCloudObjectTakeoverThroughHardMatchEnabled", false),
                    f.bool("softMatchOnUpnEnabled", false),
                    f.bool("allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled", false)));
        }
        if (json.has("topology")) {
            JsonSettings t = json.object("topology");
            t.allow("deviceSyncOrHybridJoin", "passThroughAuthentication", "writeback", "objectCount",
                    "objectsPerDomain", "largestGroupMembers", "writebacks", "oktaAgentServers",
                    "cloudSyncAgentServers").checkKeys();
            Set<TopologyNeeds.Writeback> writebacks = EnumSet.noneOf(TopologyNeeds.Writeback.class);
            for (int i = 0; i < t.strings("writebacks").size(); i++) {
                String kind = t.strings("writebacks").get(i);
                try {
                    writebacks.add(TopologyNeeds.Writeback.valueOf(kind.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw t.error("writebacks[" + i + "]", "must be one of "
                            + Arrays.toString(TopologyNeeds.Writeback.values()) + ", not '" + kind + "'");
                }
            }
            options = options.withTopology(new TopologyNeeds(t.bool("deviceSyncOrHybridJoin", false),
                    t.bool("passThroughAuthentication", false), t.bool("writeback", false),
                    t.optLong("objectCount", 0, Long.MAX_VALUE).orElseThrow(() -> t.error("objectCount",
                            "is required: how many objects will be synchronised")))
                    .withObjectsPerDomain(t.longs("objectsPerDomain", 0, Long.MAX_VALUE))
                    .withLargestGroupMembers(t.optLong("largestGroupMembers", 0, Long.MAX_VALUE).orElse(0L))
                    .withWritebacks(writebacks)
                    .withAgentServers(new LinkedHashSet<>(t.strings("oktaAgentServers")),
                            new LinkedHashSet<>(t.strings("cloudSyncAgentServers"))));
        }
        if (json.has("attributeMappings")) {
            List<AttributeMapping> mappings = new ArrayList<>();
            for (JsonSettings m : json.objects("attributeMappings")) {
                m.allow("onPrem", "cloud").checkKeys();
                mappings.add(AttributeMapping.of(m.string("onPrem"), m.string("cloud")));
            }
            options = options.withAttributeMappings(mappings);
        }
        return options;
    }

    /**
     * Reads the secrets the configuration names and opens every port: the on-prem directory (and its writer over
     * LDAP), the cloud directory (and, over Graph, its writer and the tenant controls) and Okta. A port that fails
     * to open closes those already open.
     *
     * @param secrets where secrets come from
     * @param notices receives what a person must see while signing in (the device code instruction)
     * @return the open ports; close them after use
     */
    public MigrationPorts connect(Secrets secrets, Consumer<String> notices) {
        return MigrationPorts.open(this, secrets, notices);
    }

    /**
     * The file this configuration was read from.
     *
     * @return the path
     */
    public Path file() {
        return file;
    }

    /**
     * The runbook's name.
     *
     * @return {@code connect-server} or {@code cloud-sync}
     */
    public String runbookName() {
        return runbookName;
    }

    /**
     * The runbook.
     *
     * @return a new instance of the named runbook
     */
    public Runbook runbook() {
        return runbookName.equals("cloud-sync") ? Runbooks.cloudSync() : Runbooks.connectServer();
    }

    /**
     * The journal file.
     *
     * @return the path, resolved against the configuration's folder
     */
    public Path journal() {
        return journal;
    }

    /**
     * The migration's options.
     *
     * @return the options; the defaults for what the file leaves out
     */
    public MigrationOptions options() {
        return options;
    }

    /**
     * What the configuration connects to, one line each, without secrets.
     *
     * @return e.g. {@code on-prem: LDAP dc1.contoso.com:636 (LDAPS)}
     */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("runbook: " + runbookName);
        lines.add("journal: " + journal);
        lines.add("on-prem: " + onPrem.describe());
        lines.add("cloud: " + cloud.describe());
        lines.add("okta: " + (okta == null ? "not configured" : okta.describe()));
        return lines;
    }

    OnPremSource onPrem() {
        return onPrem;
    }

    CloudSource cloud() {
        return cloud;
    }

    OktaSource okta() {
        return okta;
    }

    @Override
    public String toString() {
        return "MigrationConfig[" + file + ", " + runbookName + "]";
    }
}
