package dev.oktaentra.graph.testing;

import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.tenant.CloudSyncJob;
import dev.oktaentra.core.tenant.MatchBlocks;
import dev.oktaentra.core.tenant.ProvisioningEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The fake tenant's data. Not thread-safe: {@link FakeGraphServer} guards every access with one lock. */
final class FakeTenant {

    /**
     * Every feature flag Graph lists under {@code onPremisesSynchronization.features}
     * (onPremisesDirectorySynchronizationFeature; {@code allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled} since
     * July 2026, Graph "What's new").
     */
    static final List<String> FEATURES = List.of("allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled",
            "blockCloudObjectTakeoverThroughHardMatchEnabled",
            "blockSoftMatchEnabled", "bypassDirSyncOverridesEnabled", "cloudPasswordPolicyForPasswordSyncedUsersEnabled",
            "concurrentCredentialUpdateEnabled", "concurrentOrgIdProvisioningEnabled", "deviceWritebackEnabled",
            "directoryExtensionsEnabled", "fopeConflictResolutionEnabled", "groupWriteBackEnabled",
            "passwordSyncEnabled", "passwordWritebackEnabled", "quarantineUponProxyAddressesConflictEnabled",
            "quarantineUponUpnConflictEnabled", "softMatchOnUpnEnabled", "synchronizeUpnForManagedUsersEnabled",
            "unifiedGroupWritebackEnabled", "userForcePasswordChangeOnLogonEnabled", "userWritebackEnabled");

    /** The role a seeded {@code holdsAdminRole} user is given: User Administrator. */
    static final String USER_ADMINISTRATOR = "fe930be7-5e62-47db-91af-98c3a49a38b1";

    /** The role a seeded {@code eligibleForAdminRole} user is made eligible for: Global Administrator. */
    static final String GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";

    record RoleAssignment(String id, String principalId, String roleDefinitionId) {
    }

    /** A PIM eligibility schedule, tenant-wide, as unifiedRoleEligibilitySchedule has it. */
    record Eligibility(String id, String principalId, String roleDefinitionId, Instant start, Instant end) {

        Eligibility(String id, String principalId, String roleDefinitionId, Instant start) {
            this(id, principalId, roleDefinitionId, start, null);
        }
    }

    record ServicePrincipal(String id, String displayName, String appId, String applicationTemplateId) {
    }

    /** A synchronization job's changing state. */
    static final class Job {
        final String id;
        final String templateId;
        String status;
        String scheduleState;
        String lastExecutionState;
        Instant lastExecutionEnded;

        Job(CloudSyncJob job) {
            this.id = job.jobId();
            this.templateId = job.templateId();
            this.status = job.status();
            this.scheduleState = job.scheduleState();
            this.lastExecutionState = job.lastExecutionState();
            this.lastExecutionEnded = job.lastExecutionEnded();
        }
    }

    final List<CloudUser> users = new ArrayList<>();
    final Map<String, Integer> byId = new HashMap<>();
    final Map<String, Integer> byUpn = new HashMap<>();
    final Map<String, String> immutableIdHolder = new HashMap<>();
    final List<RoleAssignment> roleAssignments = new ArrayList<>();
    final List<Eligibility> eligibilities = new ArrayList<>();
    final Map<String, List<String>> groupMembers = new LinkedHashMap<>();
    final Map<String, ServicePrincipal> servicePrincipals = new LinkedHashMap<>();
    final Map<String, List<Job>> jobs = new LinkedHashMap<>();
    final List<ProvisioningEvent> events = new ArrayList<>();
    final List<JobAction> jobActions = new ArrayList<>();
    final Map<String, Boolean> features = new LinkedHashMap<>();
    /** Domains, creation times, provisioning errors, groups and contacts. */
    final FakeDirectory directory = new FakeDirectory(this);
    String tenantId = "7d3a1c52-0f4e-4b8a-9c61-5e2f8a0b4d17";
    /** What the cloud sync agent reads from AD, by distinguished name: nothing unless a test or rehearsal says. */
    java.util.function.Function<String, java.util.Optional<dev.oktaentra.core.directory.OnPremUser>> agentView =
            dn -> java.util.Optional.empty();
    /** The time the rate limit of on-demand provisioning is counted in. */
    java.time.Clock clock = java.time.Clock.systemUTC();
    Boolean onPremisesSyncEnabled;
    Instant onPremisesLastSyncDateTime;
    /** Whether v1.0 serves {@code /users/{id}/onPremisesSyncBehavior} (beta always does). */
    boolean syncBehaviorOnV1 = true;
    /** Whether that answer comes wrapped in {@code value}, as Microsoft's example shows it. */
    boolean syncBehaviorWrapped = true;

    /** Microsoft's defaults for a new tenant: every flag off but UPN soft match (how-to-connect-syncservice-features). */
    FakeTenant() {
        FEATURES.forEach(f -> features.put(f, false));
        features.put("softMatchOnUpnEnabled", true);
    }

    void addUser(CloudUser user) {
        String id = key(user.id());
        if (!id.isEmpty() && byId.containsKey(id)) {
            throw new IllegalArgumentException("The fake already holds a user with id " + user.id());
        }
        int index = users.size();
        users.add(user);
        index(user, index);
        if (user.holdsAdminRole()) {
            roleAssignments.add(new RoleAssignment(UUID.randomUUID().toString(), user.id(), USER_ADMINISTRATOR));
        }
        if (user.eligibleForAdminRole()) {
            eligibilities.add(new Eligibility(UUID.randomUUID().toString(), user.id(), GLOBAL_ADMINISTRATOR,
                    Instant.parse("2026-06-01T00:00:00Z")));
        }
    }

    /** The user's position, by object id or UPN, any case; -1 when absent. */
    int find(String idOrUpn) {
        String k = key(idOrUpn);
        Integer i = byId.get(k);
        if (i == null) {
            i = byUpn.get(k);
        }
        return i == null ? -1 : i;
    }

    void replace(int index, CloudUser updated) {
        CloudUser old = users.get(index);
        if (old.immutableId() != null) {
            immutableIdHolder.remove(old.immutableId().value());
        }
        users.set(index, updated);
        index(updated, index);
    }

    MatchBlocks matchBlocks() {
        return new MatchBlocks(features.get("blockSoftMatchEnabled"),
                features.get("blockCloudObjectTakeoverThroughHardMatchEnabled"));
    }

    void matchBlocks(MatchBlocks blocks) {
        features.put("blockSoftMatchEnabled", blocks.blockSoftMatchEnabled());
        features.put("blockCloudObjectTakeoverThroughHardMatchEnabled",
                blocks.blockCloudObjectTakeoverThroughHardMatchEnabled());
    }

    Job job(String servicePrincipalId, String jobId) {
        for (Job job : jobs.getOrDefault(servicePrincipalId, List.of())) {
            if (job.id.equals(jobId)) {
                return job;
            }
        }
        return null;
    }

    private void index(CloudUser user, int index) {
        if (!user.id().isEmpty()) {
            byId.put(key(user.id()), index);
        }
        if (!user.userPrincipalName().isEmpty()) {
            byUpn.put(key(user.userPrincipalName()), index);
        }
        if (user.immutableId() != null) {
            immutableIdHolder.put(user.immutableId().value(), user.id());
        }
    }

    private static String key(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
