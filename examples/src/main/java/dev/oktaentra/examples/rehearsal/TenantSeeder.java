package dev.oktaentra.examples.rehearsal;

import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.Attributes;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.provisioning.PushedGroup;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.tenant.CloudSyncJob;
import dev.oktaentra.core.tenant.MatchBlocks;
import dev.oktaentra.graph.testing.FakeGraphServer;
import dev.oktaentra.ldap.testing.InMemoryActiveDirectory;
import dev.oktaentra.okta.testing.FakeApp;
import dev.oktaentra.okta.testing.FakeOktaServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Fills the three fakes with one tenant, the same for the same {@link Scenario}: most users matched, and the trouble
 * the scenario asks for spread over randomly chosen users. The GUIDs come from the in-memory AD's own seeded
 * generator, everything else from a random seeded with the scenario's seed.
 */
final class TenantSeeder {

    static final String OFFICE_APP = "0oa1o365contoso";
    static final String OFFICE_APP_EMEA = "0oa2o365emea";
    /** The group Okta pushes from the main Office 365 app into Entra ID. */
    static final PushedGroup PUSHED_GROUP = new PushedGroup("gpm1sales", "00g1salesteam",
            "0d6c7a52-3f1e-4b9a-8c2d-5e4f3a2b1c0d", "ACTIVE", null);
    static final String OTHER_APP = "0oa3sfdc";
    /** The service principal of the cloud sync configuration a trial left (Connect runbook only). */
    static final String CLOUD_SYNC_TRIAL = "8c2e4a6f-3b1d-4f7a-9e5c-1d0b2a3c4e5f";
    /** When the earlier sync server last exported, for the orphans it left behind. */
    static final Instant OLD_SYNC = Instant.parse("2024-03-14T02:30:00Z");

    private static final String[] GIVEN = {"ada", "alan", "amara", "ben", "carla", "chen", "dara", "diego", "elif",
        "emma", "farah", "felix", "grace", "hana", "ivan", "ines", "jonas", "julia", "kofi", "lena", "liam", "maya",
        "mateo", "nadia", "noah", "olga", "omar", "paula", "pavel", "quinn", "rosa", "rahul", "sara", "sven", "tara",
        "tomas", "uma", "viktor", "wen", "yara", "yusuf", "zoe"};
    private static final String[] SURNAME = {"adams", "baker", "costa", "dubois", "eriksen", "fischer", "garcia",
        "haddad", "ito", "jansen", "kowalski", "lopez", "moreau", "nakamura", "okafor", "petrov", "quist", "rossi",
        "schmidt", "tanaka", "ueda", "varga", "weber", "xu", "yilmaz", "zhang", "novak", "murphy", "silva", "kim"};
    /** OUs and their share of users, in percent. */
    static final Map<String, Integer> ORGANIZATIONAL_UNITS = orderedMap("Staff", 40, "Sales", 25, "Engineering", 25,
            "OU=Contractors,OU=External,DC=contoso,DC=com", 10);
    private static final List<MismatchCause> OTHER_CAUSES = List.of(MismatchCause.GUID_TEXT_BASE64,
            MismatchCause.MISSING_PADDING, MismatchCause.URL_SAFE_BASE64, MismatchCause.CASE_CHANGED,
            MismatchCause.HEX_INSTEAD_OF_BASE64, MismatchCause.SURROUNDING_WHITESPACE);

    private final Scenario scenario;
    private final SplittableRandom random;
    private final Map<String, Integer> names = new HashMap<>();

    TenantSeeder(Scenario scenario) {
        this.scenario = scenario;
        this.random = new SplittableRandom(scenario.seed());
    }

    SeededTenant seed(InMemoryActiveDirectory ad, FakeGraphServer graph, FakeOktaServer okta) {
        List<OnPremUser.Builder> drafts = new ArrayList<>(scenario.users());
        for (int i = 0; i < scenario.users(); i++) {
            drafts.add(draft(ad, i + 1));
        }
        LinkedList<Integer> pool = shuffledIndexes(scenario.users());
        Map<Integer, MismatchCause> mismatched = pickMismatches(drafts, pool);
        Set<Integer> soft = take(pool, scenario.softMatchOnly());
        Set<Integer> onPremOnly = take(pool, scenario.onPremOnly());
        Set<Integer> mailless = take(pool, scenario.mailMissingOnPrem());
        // One user for each 2026 prediction: a stale mS-DS-ConsistencyGuid, a pair only a custom rule finds, an alias
        // only the cloud holds, a user eligible for a role, a cloud-managed user.
        int stale = pool.removeFirst();
        int custom = pool.removeFirst();
        int alias = pool.removeFirst();
        int eligible = pool.removeFirst();
        int cloudManaged = pool.removeFirst();

        List<OnPremUser> onPrem = new ArrayList<>(drafts.size());
        Map<String, String> missingMail = new LinkedHashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            OnPremUser.Builder draft = drafts.get(i);
            if (mailless.contains(i)) {
                OnPremUser full = draft.build();
                missingMail.put(full.distinguishedName(), full.mail());
                draft.mail(null).proxyAddresses(List.of());
            }
            if (i == stale) {
                // Left by ADMT or an earlier Connect server: Connect presents it instead of the objectGUID.
                draft.consistencyGuid(ObjectGuid.fromUuid(UUID.nameUUIDFromBytes(("admt " + draft.build()
                        .distinguishedName()).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            }
            onPrem.add(draft.build());
        }
        ad.addUsers(onPrem);
        ad.addComputer("Staff", "WS-0001");
        ad.addComputer("Engineering", "BUILD-01");

        List<CloudUser> cloud = new ArrayList<>();
        List<SeededTenant.PlantedMismatch> planted = new ArrayList<>();
        List<String> softIds = new ArrayList<>();
        List<String> onPremOnlyDns = new ArrayList<>();
        SeededTenant.Planted2026.Builder planted2026 = SeededTenant.Planted2026.builder();
        for (int i = 0; i < onPrem.size(); i++) {
            OnPremUser user = onPrem.get(i);
            if (onPremOnly.contains(i)) {
                onPremOnlyDns.add(user.distinguishedName());
                continue;
            }
            String id = newId();
            String address = user.userPrincipalName();
            CloudUser.Builder c = CloudUser.builder().id(id).userPrincipalName(address).mail(address)
                    .proxyAddresses(List.of("SMTP:" + address));
            String right = user.objectGuid().toImmutableId().value();
            MismatchCause cause = mismatched.get(i);
            if (cause != null) {
                String wrong = WrongAnchors.of(cause, user.objectGuid());
                c.immutableId(wrong);
                planted.add(new SeededTenant.PlantedMismatch(id, address, user.distinguishedName(), cause, wrong,
                        right));
            } else if (soft.contains(i)) {
                c.holdsAdminRole(softIds.isEmpty());
                softIds.add(id);
            } else if (i == custom) {
                // Renamed on-prem since Okta created it: only the employee number still ties the two.
                String previous = user.samAccountName() + "-previous@" + ad.domainName();
                c.userPrincipalName(previous).mail(previous).proxyAddresses(List.of("SMTP:" + previous))
                        .attributes(Attributes.builder().add("employeeId", user.attributes().first("employeeID")
                                .orElseThrow().asString()).build());
                planted2026.customRulePair(id, user.distinguishedName());
            } else {
                c.immutableId(right);
                if (i == stale) {
                    planted2026.staleConsistencyGuid(id, user.distinguishedName());
                } else if (i == alias) {
                    String extra = "smtp:" + user.samAccountName() + ".team@" + ad.domainName();
                    c.proxyAddresses(List.of("SMTP:" + address, extra));
                    planted2026.lostAlias(id, user.distinguishedName(), extra);
                } else if (i == eligible) {
                    c.eligibleForAdminRole(true);
                    planted2026.eligibleAdmin(id, user.distinguishedName());
                } else if (i == cloudManaged) {
                    c.cloudManaged(true);
                    planted2026.cloudManaged(id, user.distinguishedName());
                }
            }
            cloud.add(c.build());
        }
        String adminId = softIds.get(0);
        List<String> syncedOrphans = new ArrayList<>();
        List<String> unsyncedOrphans = new ArrayList<>();
        for (int i = 0; i < scenario.cloudOrphans(); i++) {
            boolean synced = i < scenario.syncedOrphans();
            String address = name() + ".old@" + ad.domainName();
            CloudUser orphan = CloudUser.builder().id(newId()).userPrincipalName(address).mail(address)
                    .proxyAddresses(List.of("SMTP:" + address))
                    .immutableId(ObjectGuid.random(random).toImmutableId())
                    .onPremisesSyncEnabled(synced ? Boolean.TRUE : null)
                    .onPremisesLastSyncDateTime(synced ? OLD_SYNC : null).build();
            (synced ? syncedOrphans : unsyncedOrphans).add(orphan.id());
            cloud.add(orphan);
        }
        CloudUser breakGlass = CloudUser.builder().id(newId())
                .userPrincipalName("breakglass@contoso.onmicrosoft.com").holdsAdminRole(true).build();
        cloud.add(breakGlass);

        graph.addUsers(cloud);
        graph.setMatchBlocks(MatchBlocks.CLOSED);
        graph.setOrganization(syncedOrphans.isEmpty() ? null : Boolean.TRUE,
                syncedOrphans.isEmpty() ? null : OLD_SYNC);
        if (scenario.cloudSyncConfigured()) {
            graph.addSynchronizationJob(new CloudSyncJob("5b0f1c7e-1d2a-4c55-9f1e-3a7d2c4b8e61", ad.domainName(),
                    "AD2AADProvisioning.9d3c5e0f2b7a4e61a8c4d2f1e0b9a7c6", "AD2AADProvisioning", "Paused", "Paused",
                    null, null));
            // Password hash sync configured too: its own job of the same service principal, which enabling must start.
            graph.addSynchronizationJob(new CloudSyncJob("5b0f1c7e-1d2a-4c55-9f1e-3a7d2c4b8e61", ad.domainName(),
                    "AD2AADPasswordHash.9d3c5e0f2b7a4e61a8c4d2f1e0b9a7c6", "AD2AADPasswordHash", "Paused", "Paused",
                    null, null));
        } else {
            plantCloudSyncTrial(graph, ad.domainName());
        }
        seedOkta(okta, cloud);
        return new SeededTenant(onPrem.size(), cloud.size(), planted, softIds, adminId, onPremOnlyDns, syncedOrphans,
                unsyncedOrphans, missingMail, breakGlass.id(), List.of(OFFICE_APP, OFFICE_APP_EMEA), OTHER_APP,
                planted2026.build());
    }

    /**
     * For the Connect runbook: a cloud sync configuration a trial left for the AD domain Connect is about to sync,
     * paused, with its provisioning job and its password hash job. Connect must not sync objects cloud sync has in
     * scope ("An object should be in scope in only one of the tools",
     * https://learn.microsoft.com/entra/identity/hybrid/cloud-sync/plan-cloud-sync-topologies), so
     * {@code check-cloud-sync-overlap} must stop until the configuration is deleted.
     */
    private static void plantCloudSyncTrial(FakeGraphServer graph, String domain) {
        for (String template : List.of(CloudSyncJob.PROVISIONING_TEMPLATE, CloudSyncJob.PASSWORD_HASH_TEMPLATE)) {
            graph.addSynchronizationJob(new CloudSyncJob(CLOUD_SYNC_TRIAL, domain,
                    template + ".2f6a1c9e7d3b4a58b0c1e2d3f4a5b6c7", template, "Paused", "Paused", "Succeeded",
                    Instant.parse("2025-11-04T16:20:00Z")));
        }
    }

    /**
     * Two Office 365 instances that both provision, and an app Okta provisions that is none of ours. The main one
     * pushes a group into Entra ID; the EMEA one has "Deactivate Users" on, so unassigning its users would deprovision
     * (block, unlicense or delete) them in Microsoft 365: {@code disable-okta-provisioning} must stop until the
     * operator acknowledges it.
     */
    private static void seedOkta(FakeOktaServer okta, List<CloudUser> cloud) {
        okta.addApps(FakeApp.office365(OFFICE_APP, "Microsoft Office 365").withGroupPushes(PUSHED_GROUP),
                FakeApp.office365(OFFICE_APP_EMEA, "Microsoft Office 365 (EMEA)").withDeactivateUsers(true),
                FakeApp.other(OTHER_APP, "salesforce", "Salesforce"));
        List<CloudUser> main = new ArrayList<>();
        List<CloudUser> emea = new ArrayList<>();
        for (CloudUser user : cloud) {
            // Okta provisioned the users it stamped; soft matches, synced users and cloud-only admins it never saw.
            if (user.immutableId() != null && !user.isSynced()) {
                (main.size() % 8 == 7 ? emea : main).add(user);
            }
        }
        okta.addAppUsers(OFFICE_APP, main);
        okta.addAppUsers(OFFICE_APP_EMEA, emea);
    }

    private OnPremUser.Builder draft(InMemoryActiveDirectory ad, int number) {
        String sam = name();
        String ou = pickOu();
        String[] parts = sam.split("[.]");
        return ad.newUser(ou, sam)
                .displayName(capitalise(parts[0]) + " " + capitalise(parts[1].replaceAll("[0-9]", "")))
                .attributes(Attributes.builder().add("givenName", capitalise(parts[0]))
                        .add("employeeID", String.format(Locale.ROOT, "E%06d", number)).build());
    }

    /** A unique {@code given.surname}, numbered after the first, at most 20 characters as sAMAccountName allows. */
    private String name() {
        String base = GIVEN[random.nextInt(GIVEN.length)] + "." + SURNAME[random.nextInt(SURNAME.length)];
        if (base.length() > 15) {
            base = base.substring(0, 15);
        }
        int seen = names.merge(base, 1, Integer::sum) - 1;
        return seen == 0 ? base : base + seen;
    }

    private String pickOu() {
        int roll = random.nextInt(100);
        for (Map.Entry<String, Integer> ou : ORGANIZATIONAL_UNITS.entrySet()) {
            roll -= ou.getValue();
            if (roll < 0) {
                return ou.getKey();
            }
        }
        throw new IllegalStateException("OU shares do not add up to 100");
    }

    /** Most mismatches are the byte-order mistake; every other kind is planted at least once. */
    private Map<Integer, MismatchCause> pickMismatches(List<OnPremUser.Builder> drafts, LinkedList<Integer> pool) {
        int total = scenario.anchorMismatches();
        int each = Math.max(1, total / 12);
        List<MismatchCause> causes = new ArrayList<>();
        for (MismatchCause cause : OTHER_CAUSES) {
            for (int i = 0; i < each; i++) {
                causes.add(cause);
            }
        }
        while (causes.size() < total) {
            causes.add(MismatchCause.BYTE_ORDER);
        }
        Map<Integer, MismatchCause> picked = new LinkedHashMap<>();
        for (MismatchCause cause : causes.subList(0, total)) {
            Integer index = pool.stream().filter(i -> WrongAnchors.plantable(cause, drafts.get(i).build()
                    .objectGuid())).findFirst().orElseThrow(() -> new IllegalStateException("no user for " + cause));
            pool.remove(index);
            picked.put(index, cause);
        }
        return picked;
    }

    private LinkedList<Integer> shuffledIndexes(int count) {
        List<Integer> indexes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            indexes.add(i);
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer swap = indexes.get(i);
            indexes.set(i, indexes.get(j));
            indexes.set(j, swap);
        }
        return new LinkedList<>(indexes);
    }

    private static Set<Integer> take(LinkedList<Integer> pool, int count) {
        Set<Integer> taken = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            taken.add(pool.removeFirst());
        }
        return taken;
    }

    /** A version-4 UUID from the seeded random, as Entra's object ids look. */
    private String newId() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }

    private static String capitalise(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static Map<String, Integer> orderedMap(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
