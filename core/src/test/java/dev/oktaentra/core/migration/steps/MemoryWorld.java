package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.AttributeWrite;
import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.ConflictException;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.DirectoryWriter;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.directory.WriteResult;
import dev.oktaentra.core.directory.WriteStatus;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.provisioning.Deprovisioning;
import dev.oktaentra.core.provisioning.ImmutableIdMapping;
import dev.oktaentra.core.provisioning.ProvisionedUser;
import dev.oktaentra.core.provisioning.ProvisioningApp;
import dev.oktaentra.core.provisioning.ProvisioningSource;
import dev.oktaentra.core.provisioning.ProvisioningState;
import dev.oktaentra.core.tenant.CloudSyncJob;
import dev.oktaentra.core.tenant.MatchBlocks;
import dev.oktaentra.core.tenant.OnDemandProvisioning;
import dev.oktaentra.core.tenant.ProvisioningEvent;
import dev.oktaentra.core.tenant.DirectoryRoles;
import dev.oktaentra.core.tenant.RoleAssignment;
import dev.oktaentra.core.tenant.SyncFeatures;
import dev.oktaentra.core.tenant.TenantDomains;
import dev.oktaentra.core.tenant.TenantObject;
import dev.oktaentra.core.tenant.TenantSync;
import dev.oktaentra.core.tenant.TenantSyncState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A small tenant in memory behind every port core defines, writing compare-and-set as the real adapters do: for
 * core's runbook tests (the end-to-end tests in examples run the real adapters against loopback servers).
 */
final class MemoryWorld {

    final Map<String, OnPremUser> onPrem = new LinkedHashMap<>();
    final Map<String, CloudUser> cloud = new LinkedHashMap<>();
    final Map<String, ProvisioningApp> apps = new LinkedHashMap<>();
    /** Apps whose "Deactivate Users" is on (or unreadable); the others do not deprovision. */
    final Map<String, Deprovisioning.DeactivateUsers> deactivateUsers = new LinkedHashMap<>();
    final List<CloudSyncJob> jobs = new ArrayList<>();
    final List<ProvisioningEvent> events = new ArrayList<>();
    final List<String> writes = new ArrayList<>();
    /** Users, groups and contacts beyond the cloud users (which are listed too, without a creation time). */
    final List<TenantObject> objects = new ArrayList<>();
    /** The tenant's domains, or {@code null} when the tenant port reads none. */
    TenantDomains domains;
    MatchBlocks blocks = MatchBlocks.CLOSED;
    /** The tenant's allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled. */
    boolean objectIdentifierAllowance;
    /** Directory roles, direct, active and eligible; {@code null} serves no roles port. */
    List<RoleAssignment> roles;
    Boolean syncEnabled;
    Instant lastSync;
    /**
     * How many of the next Okta and tenant writes take effect and then throw, as a call whose answer is lost and whose
     * read-back by the adapter failed too.
     */
    int lostAnswers;

    void add(OnPremUser user) {
        onPrem.put(user.distinguishedName(), user);
    }

    void add(CloudUser user) {
        cloud.put(user.id(), user);
    }

    void app(String id, ProvisioningState state) {
        apps.put(id, new ProvisioningApp(id, "Office 365 " + id, "ACTIVE", "WS_FEDERATION", state, "",
                "Applications -> the app -> Provisioning -> Integration -> Edit -> clear 'Enable API integration' "
                        + "-> Save"));
    }

    OnPremDirectory onPremDirectory() {
        return new OnPremDirectory() {
            @Override
            public Stream<DirectoryRecord<OnPremUser>> records() {
                return List.copyOf(onPrem.values()).stream().map(DirectoryRecord.Usable::new);
            }

            @Override
            public String name() {
                return "memory AD";
            }

            @Override
            public void close() {
            }
        };
    }

    CloudDirectory cloudDirectory() {
        return new CloudDirectory() {
            @Override
            public Stream<DirectoryRecord<CloudUser>> records() {
                return List.copyOf(cloud.values()).stream().map(DirectoryRecord.Usable::new);
            }

            @Override
            public String name() {
                return "memory Entra";
            }

            @Override
            public void close() {
            }
        };
    }

    /** mS-DS-ConsistencyGuid (bytes) and mail, by DN. */
    DirectoryWriter onPremWriter() {
        return new Writer("memory AD", List.of("mS-DS-ConsistencyGuid", "mail")) {
            @Override
            WriteResult one(AttributeWrite w) {
                OnPremUser u = onPrem.get(w.target());
                if (u == null) {
                    return new WriteResult(w, WriteStatus.FAILED, null, "no such object");
                }
                boolean guid = w.attribute().equalsIgnoreCase("mS-DS-ConsistencyGuid");
                AttributeValue now = guid ? (u.consistencyGuid() == null ? null
                        : AttributeValue.ofBytes(u.consistencyGuid().bytes()))
                        : (u.mail() == null ? null : AttributeValue.ofString(u.mail()));
                WriteResult verdict = compare(w, now);
                if (verdict != null) {
                    return verdict;
                }
                OnPremUser.Builder b = OnPremUser.builder().distinguishedName(u.distinguishedName())
                        .userPrincipalName(u.userPrincipalName()).samAccountName(u.samAccountName())
                        .objectGuid(u.objectGuid()).consistencyGuid(u.consistencyGuid()).mail(u.mail())
                        .proxyAddresses(u.proxyAddresses()).attributes(u.attributes()).origin(u.origin());
                if (guid) {
                    b.consistencyGuid(w.after() == null ? null : ObjectGuid.of(w.after().bytes()));
                } else {
                    b.mail(w.after() == null ? null : w.after().asString());
                }
                onPrem.put(u.distinguishedName(), b.build());
                return new WriteResult(w, WriteStatus.APPLIED, now, "");
            }
        };
    }

    /** onPremisesImmutableId, by id; synced users refused as Graph does. */
    DirectoryWriter cloudWriter() {
        return new Writer("memory Entra", List.of("onPremisesImmutableId")) {
            @Override
            WriteResult one(AttributeWrite w) {
                CloudUser u = cloud.get(w.target());
                if (u == null) {
                    return new WriteResult(w, WriteStatus.FAILED, null, "no such user");
                }
                AttributeValue now = u.immutableId() == null ? null : AttributeValue.ofString(u.immutableId().value());
                if (u.isSynced()) {
                    return new WriteResult(w, WriteStatus.REFUSED, now, "synced from AD: fix the on-prem anchor");
                }
                WriteResult verdict = compare(w, now);
                if (verdict != null) {
                    return verdict;
                }
                cloud.put(u.id(), u.toBuilder()
                        .immutableId(w.after() == null ? null : ImmutableId.of(w.after().asString())).build());
                return new WriteResult(w, WriteStatus.APPLIED, now, "");
            }
        };
    }

    ProvisioningSource provisioning() {
        return new ProvisioningSource() {
            @Override
            public List<ProvisioningApp> apps() {
                return List.copyOf(apps.values());
            }

            @Override
            public Stream<ProvisionedUser> users(String appId) {
                return Stream.empty();
            }

            @Override
            public ImmutableIdMapping immutableIdMapping(String appId) {
                return new ImmutableIdMapping(appId, "hasDirectoryUser()?findDirectoryUser().externalId:null",
                        "objectGUID", "Okta's default expression");
            }

            @Override
            public Deprovisioning deprovisioning(String appId) {
                return new Deprovisioning(appId, deactivateUsers.getOrDefault(appId,
                        Deprovisioning.DeactivateUsers.DISABLED), "memory Okta");
            }

            @Override
            public ProvisioningState disable(String appId) {
                return set(appId, ProvisioningState.DISABLED);
            }

            @Override
            public ProvisioningState enable(String appId) {
                return set(appId, ProvisioningState.ENABLED);
            }

            private ProvisioningState set(String appId, ProvisioningState state) {
                ProvisioningApp a = apps.get(appId);
                writes.add("okta " + appId + "=" + state);
                apps.put(appId, new ProvisioningApp(a.id(), a.label(), a.status(), a.signOnMode(), state, a.detail(),
                        a.consoleSteps()));
                loseAnswer();
                return state;
            }

            @Override
            public String name() {
                return "memory Okta";
            }

            @Override
            public void close() {
            }
        };
    }

    TenantSync tenant() {
        return new TenantSync() {
            @Override
            public TenantSyncState state() {
                return new TenantSyncState(syncEnabled, lastSync, new SyncFeatures(blocks.blockSoftMatchEnabled(),
                        blocks.blockCloudObjectTakeoverThroughHardMatchEnabled(), true, objectIdentifierAllowance));
            }

            @Override
            public boolean setObjectIdentifierAllowance(boolean expected, boolean wanted) {
                if (objectIdentifierAllowance != expected) {
                    throw new ConflictException("allowance is " + objectIdentifierAllowance);
                }
                writes.add("tenant objectIdentifierAllowance=" + wanted);
                objectIdentifierAllowance = wanted;
                return wanted;
            }

            @Override
            public Optional<DirectoryRoles> directoryRoles() {
                return roles == null ? Optional.empty() : Optional.of(new DirectoryRoles() {
                    @Override
                    public List<RoleAssignment> of(String userId) {
                        return roles.stream().filter(r -> r.principalId().equals(userId)).toList();
                    }

                    @Override
                    public void remove(RoleAssignment assignment) {
                        writes.add("role remove " + assignment.principalId() + " " + assignment.kind() + " "
                                + assignment.roleDefinitionId());
                        roles.removeIf(assignment::sameSlot);
                    }

                    @Override
                    public void assign(RoleAssignment assignment) {
                        writes.add("role assign " + assignment.principalId() + " " + assignment.kind() + " "
                                + assignment.roleDefinitionId() + (assignment.end() == null ? ""
                                        : " until " + assignment.end()));
                        roles.add(assignment);
                    }
                });
            }

            @Override
            public MatchBlocks setMatchBlocks(MatchBlocks expected, MatchBlocks wanted) {
                if (!blocks.equals(expected)) {
                    throw new ConflictException("guards are " + blocks);
                }
                writes.add("tenant blocks=" + wanted);
                blocks = wanted;
                loseAnswer();
                return blocks;
            }

            @Override
            public List<CloudSyncJob> cloudSyncJobs() {
                return List.copyOf(jobs);
            }

            @Override
            public void start(CloudSyncJob job) {
                writes.add("job " + job.jobId() + " start");
                jobs.replaceAll(j -> j.jobId().equals(job.jobId()) ? new CloudSyncJob(j.servicePrincipalId(),
                        j.servicePrincipalName(), j.jobId(), j.templateId(), "Active", "Active", null, null) : j);
                loseAnswer();
            }

            /**
             * Matches the user's cloud sync anchor (mS-DS-ConsistencyGuid, else objectGUID) to a cloud user's
             * ImmutableID, as the sync would, and answers as the service does; with no holder it creates the user.
             */
            @Override
            public OnDemandProvisioning provisionOnDemand(CloudSyncJob job, String distinguishedName) {
                OnPremUser user = onPrem.get(distinguishedName);
                if (user == null) {
                    throw new IllegalArgumentException("no on-prem user " + distinguishedName);
                }
                writes.add("onDemand " + distinguishedName);
                ImmutableId anchor = SourceAnchor.consistencyGuid().expected(user).orElseThrow();
                Optional<CloudUser> holder = cloud.values().stream().filter(c -> anchor.equals(c.immutableId()))
                        .findFirst();
                String upn = user.userPrincipalName();
                if (holder.isPresent()) {
                    return new OnDemandProvisioning(job.jobId(), distinguishedName, "Success", null, null, "Update",
                            List.of(new OnDemandProvisioning.Step("EntryExportUpdate", "Export", "Success",
                                    "User '" + upn + "' was updated in Azure Active Directory")),
                            holder.get().id(), upn);
                }
                String id = "created-" + cloud.size();
                add(CloudUser.builder().id(id).userPrincipalName(upn).immutableId(anchor).build());
                return new OnDemandProvisioning(job.jobId(), distinguishedName, "Success", null, null, "Create",
                        List.of(new OnDemandProvisioning.Step("EntryExportAdd", "Export", "Success",
                                "User '" + upn + "' was created in Azure Active Directory")), id, upn);
            }

            @Override
            public void restart(CloudSyncJob job, Set<String> resetScopes) {
                writes.add("job " + job.jobId() + " restart " + String.join(", ", resetScopes));
                jobs.replaceAll(j -> j.jobId().equals(job.jobId()) ? new CloudSyncJob(j.servicePrincipalId(),
                        j.servicePrincipalName(), j.jobId(), j.templateId(), "Active", "Active", null, null) : j);
                loseAnswer();
            }

            @Override
            public Stream<ProvisioningEvent> provisioningEvents(Instant from, Instant to, String jobId) {
                return events.stream().filter(e -> !e.activityDateTime().isBefore(from)
                        && e.activityDateTime().isBefore(to));
            }

            @Override
            public List<String> missingPermissions(List<String> required) {
                return List.of();
            }

            @Override
            public Optional<TenantDomains> domains() {
                return Optional.ofNullable(domains);
            }

            @Override
            public Stream<TenantObject> tenantObjects() {
                List<TenantObject> all = new ArrayList<>();
                cloud.values().forEach(u -> all.add(new TenantObject(TenantObject.Type.USER, u.id(), null,
                        u.userPrincipalName(), u.mail(), u.onPremisesSyncEnabled(), null, List.of())));
                all.addAll(objects);
                return all.stream();
            }
        };
    }

    private void loseAnswer() {
        if (lostAnswers > 0) {
            lostAnswers--;
            throw new IllegalStateException("Connection reset after the request was sent; the read-back failed too");
        }
    }

    /** Compare-and-set shared by both writers. */
    private abstract class Writer implements DirectoryWriter {
        private final String name;
        private final List<String> attributes;

        Writer(String name, List<String> attributes) {
            this.name = name;
            this.attributes = attributes;
        }

        abstract WriteResult one(AttributeWrite w);

        WriteResult compare(AttributeWrite w, AttributeValue now) {
            if (Objects.equals(now, w.after())) {
                return new WriteResult(w, WriteStatus.ALREADY_APPLIED, now, "");
            }
            if (!Objects.equals(now, w.before())) {
                return new WriteResult(w, WriteStatus.CONFLICT, now, "changed since planning");
            }
            writes.add(name + " " + w.target() + " " + w.attribute() + "=" + w.after());
            return null;
        }

        @Override
        public List<WriteResult> write(List<AttributeWrite> batch) {
            return batch.stream().map(w -> attributes.stream().anyMatch(a -> a.equalsIgnoreCase(w.attribute()))
                    ? one(w) : new WriteResult(w, WriteStatus.REFUSED, null, "not writable")).toList();
        }

        @Override
        public List<String> writableAttributes() {
            return attributes;
        }

        @Override
        public String name() {
            return name;
        }
    }
}
