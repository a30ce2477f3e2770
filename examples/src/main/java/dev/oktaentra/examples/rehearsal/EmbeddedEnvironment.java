package dev.oktaentra.examples.rehearsal;

import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.MigrationOptions;
import dev.oktaentra.core.progress.ProgressListener;
import dev.oktaentra.core.settings.Secret;
import dev.oktaentra.graph.GraphCredentials;
import dev.oktaentra.graph.GraphDirectory;
import dev.oktaentra.graph.GraphUserWriter;
import dev.oktaentra.graph.GraphPermissions;
import dev.oktaentra.graph.GraphSettings;
import dev.oktaentra.graph.testing.FakeGraphServer;
import dev.oktaentra.ldap.LdapDirectory;
import dev.oktaentra.ldap.testing.InMemoryActiveDirectory;
import dev.oktaentra.okta.OktaCredentials;
import dev.oktaentra.okta.OktaProvisioning;
import dev.oktaentra.okta.OktaSettings;
import dev.oktaentra.okta.testing.FakeOktaServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A whole tenant on loopback, for rehearsals, tests and JShell: an Active-Directory-like LDAP server with users in
 * several OUs, a Microsoft Graph stand-in and an Okta stand-in (the adapters' test fakes), seeded with the trouble
 * real tenants have, and the real adapters connected to them: {@link LdapDirectory} over LDAPS with the server's
 * generated trust store, {@link GraphDirectory} and {@link OktaProvisioning} over plain http on loopback with their
 * explicit opt-ins. Nothing leaves the machine.
 *
 * <pre>{@code
 * try (EmbeddedEnvironment env = EmbeddedEnvironment.start(Scenario.forUsers(2_000, Scenario.DEFAULT_SEED))) {
 *     MigrationContext context = env.context(MigrationOptions.defaults(), ProgressListener.NONE);
 *     try (Migration migration = Migration.builder().runbook(Runbooks.connectServer()).context(context)
 *             .journal(Path.of("rehearsal-journal.jsonl")).open()) {
 *         migration.plan("remediate-anchors");                 // plans against the fakes through the real adapters
 *     }
 *     env.graph().requests();                                  // what the Graph SDK sent
 * }
 * }</pre>
 *
 * The same scenario gives the same tenant: GUIDs, names, ids and who carries which trouble. Close it to stop every
 * server and delete the generated key material.
 */
public final class EmbeddedEnvironment implements AutoCloseable {

    private final Scenario scenario;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private InMemoryActiveDirectory activeDirectory;
    private FakeGraphServer graph;
    private FakeOktaServer okta;
    private SeededTenant seeded;
    private LdapDirectory onPrem;
    private GraphDirectory cloud;
    private OktaProvisioning provisioning;

    private EmbeddedEnvironment(Scenario scenario) {
        this.scenario = scenario;
    }

    /**
     * Starts the three servers on ephemeral loopback ports, seeds them and connects the adapters.
     *
     * @param scenario what to seed
     * @return the running environment; close it
     * @throws IllegalStateException when a server cannot start (the ones already started are stopped)
     */
    public static EmbeddedEnvironment start(Scenario scenario) {
        EmbeddedEnvironment env = new EmbeddedEnvironment(Objects.requireNonNull(scenario, "scenario"));
        try {
            env.startServers();
            env.connectAdapters();
            return env;
        } catch (RuntimeException e) {
            env.close();
            throw e;
        }
    }

    private void startServers() {
        activeDirectory = own(InMemoryActiveDirectory.builder()
                .organizationalUnits(TenantSeeder.ORGANIZATIONAL_UNITS.keySet().toArray(String[]::new))
                .seed(scenario.seed()).start());
        graph = own(FakeGraphServer.start());
        okta = own(FakeOktaServer.start());
        seeded = new TenantSeeder(scenario).seed(activeDirectory, graph, okta);
    }

    private void connectAdapters() {
        onPrem = own(LdapDirectory.connect(activeDirectory.ldapsSettings().build()));
        // employeeId for the rehearsal's custom rule (employeeID on-prem, which the LDAP reader reads anyway).
        cloud = own(GraphDirectory.connect(GraphSettings.builder().baseUrl(graph.baseUrl()).allowPlaintextOnLoopback()
                .extraUserField("employeeId")
                .credentials(GraphCredentials.accessToken(Secret.of(rehearsalToken()))).build()));
        provisioning = own(OktaProvisioning.connect(OktaSettings.builder().orgUrl(okta.orgUrl())
                .credentials(OktaCredentials.apiToken(okta.apiToken())).allowPlaintextOnLoopback().build()));
        // The cloud sync agent's view of AD, for users provisioned on demand: read through the LDAP adapter by DN.
        graph.agentView(dn -> {
            try (java.util.stream.Stream<dev.oktaentra.core.directory.OnPremUser> users = onPrem.users()) {
                return users.filter(u -> dn.equalsIgnoreCase(u.distinguishedName())).findFirst();
            }
        });
    }

    private <T extends AutoCloseable> T own(T resource) {
        resources.add(0, resource);
        return resource;
    }

    /**
     * An unsigned token in the shape of an app-only Graph token granting what the runbook needs, and what the
     * rehearsal's opt-in to removing role holders needs: the fake reads no signature, and the adapter's permission
     * preflight reads the roles.
     */
    static String rehearsalToken() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        List<String> roles = new ArrayList<>(GraphPermissions.RUNBOOK);
        roles.addAll(GraphPermissions.REMOVE_ROLE_HOLDERS);
        String payload = "{\"aud\":\"https://graph.microsoft.com\",\"tid\":\"rehearsal\",\"roles\":[\""
                + String.join("\",\"", roles) + "\"]}";
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".rehearsal-unsigned";
    }

    /**
     * A migration context over the real adapters: on-prem reads and writes through {@link LdapDirectory}, cloud
     * reads and ImmutableID writes through {@link GraphDirectory}, the tenant through its {@code GraphTenantSync},
     * Okta through {@link OktaProvisioning}.
     *
     * @param options the migration's options
     * @param progress where long phases report
     * @return a new context; a {@code Migration} closes it
     */
    public MigrationContext context(MigrationOptions options, ProgressListener progress) {
        return contextBuilder().options(options).progress(progress).build();
    }

    /**
     * A context builder with every port set, for callers that also want their own clock.
     *
     * @return the builder
     */
    public MigrationContext.Builder contextBuilder() {
        return MigrationContext.builder()
                .onPrem(onPrem).onPremWriter(onPrem.writer())
                .cloud(cloud).cloudWriter(GraphUserWriter.of(cloud))
                .tenant(cloud.tenantSync())
                .directoryAudits(cloud.directoryAudits())
                .provisioning(provisioning);
    }

    /**
     * The scenario the environment was seeded from.
     *
     * @return the scenario it was seeded from
     */
    public Scenario scenario() {
        return scenario;
    }

    /**
     * What was seeded.
     *
     * @return what was seeded, trouble by trouble
     */
    public SeededTenant seeded() {
        return seeded;
    }

    /**
     * The in-memory Active Directory.
     *
     * @return the in-memory AD (its state, its connection details)
     */
    public InMemoryActiveDirectory activeDirectory() {
        return activeDirectory;
    }

    /**
     * The Microsoft Graph stand-in.
     *
     * @return the Graph stand-in (its state and request log)
     */
    public FakeGraphServer graph() {
        return graph;
    }

    /**
     * The Okta stand-in.
     *
     * @return the Okta stand-in (its apps and request log)
     */
    public FakeOktaServer okta() {
        return okta;
    }

    /**
     * The on-prem directory, through the ldap-adapter.
     *
     * @return the ldap-adapter connected to the in-memory AD over LDAPS
     */
    public LdapDirectory onPrem() {
        return onPrem;
    }

    /**
     * The cloud directory, through the graph-adapter.
     *
     * @return the graph-adapter connected to the Graph stand-in
     */
    public GraphDirectory cloud() {
        return cloud;
    }

    /**
     * The identity provider, through the okta-adapter.
     *
     * @return the okta-adapter connected to the Okta stand-in
     */
    public OktaProvisioning provisioning() {
        return provisioning;
    }

    /**
     * Where each part listens and what it holds, one line each, for people.
     *
     * @return the lines
     */
    public List<String> describe() {
        return List.of(
                String.format(Locale.ROOT, "Active Directory  ldaps://%s:%d  %s, %,d users in %d OUs (in-memory, "
                        + "TLS with a generated certificate)", activeDirectory.host(), activeDirectory.ldapsPort(),
                        activeDirectory.domainDn(), seeded.onPremUserCount(),
                        TenantSeeder.ORGANIZATIONAL_UNITS.size()),
                String.format(Locale.ROOT, "Entra ID (Graph)  %s  %,d users (stand-in; plain http on loopback, "
                        + "explicitly allowed)", graph.baseUrl(), seeded.cloudUserCount()),
                String.format(Locale.ROOT, "Okta              %s  %d Office 365 apps with provisioning on, and "
                        + "Salesforce (stand-in; plain http on loopback, explicitly allowed)", okta.orgUrl(),
                        seeded.office365AppIds().size()));
    }

    /** Disconnects the adapters and stops the servers; the first failure is thrown after everything is closed. */
    @Override
    public void close() {
        RuntimeException first = null;
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("Cannot close " + resource + ": " + e.getMessage(), e);
                }
            }
        }
        resources.clear();
        if (first != null) {
            throw first;
        }
    }
}
