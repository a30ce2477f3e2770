package dev.oktaentra.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.directory.Attributes;
import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.match.MatchRule;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.match.TargetEngine;
import dev.oktaentra.core.tenant.SyncFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The engine against a reference that knows nothing of it: on random small tenants full of collisions (shared UPNs,
 * shared GUIDs and consistency GUIDs, shared employee IDs and aliases, wrong and missing anchors, admins active and
 * eligible, set onPremisesObjectIdentifiers, cloud-managed users, synced orphans, missing mail and proxy addresses,
 * service accounts Connect leaves out), with a random target engine and anchor, random tenant features, and a random
 * choice and order of soft-match rules after the hard match, both must give every object the same outcome and the
 * same totals. The reference ({@link Reference}) is written from the sources the engine cites, not from the engine.
 */
class ValidationPropertiesTest {

    private static final List<String> NAMES = List.of("ann", "bob", "cid", "dee", "eve");
    private static final String EMPLOYEE_ID = "employeeID";
    private static final List<MatchRule> SOFT_RULES = List.of(MatchRule.softMatchPrimarySmtp(),
            MatchRule.softMatchUserPrincipalName(), MatchRule.attributeEquals(EMPLOYEE_ID, "employeeId"));

    @Property(tries = 1500)
    void engine_agreesWithTheDocumentedRules(@ForAll("tenants") Tenant tenant, @ForAll("setups") Setup setup) {
        List<String> engine;
        try (ValidationReport report = Validation.builder().targetEngine(setup.target()).rules(setup.rules())
                .syncFeatures(setup.features(), "test").build()
                .run(OnPremDirectory.of("ad", tenant.onPrem()), CloudDirectory.of("entra", tenant.cloud()));
                Stream<ValidationFinding> rows = report.findings()) {
            engine = new ArrayList<>(rows.map(f -> f.side() + " " + (f.side() == ValidationFinding.Side.CLOUD
                    ? f.cloudId() : f.distinguishedName()) + " " + f.outcome()).sorted().toList());
            ValidationSummary summary = report.summary();
            StagingPrediction p = summary.prediction();
            engine.add(Reference.totals(p.adds(), p.conflictingAdds(), p.updates(), p.deletes(),
                    p.attributeDeletions(), summary.adminRoleSoftMatches(), summary.adminRoleHardMatches(),
                    p.orphansLeftBehind(), p.orphansStillSynced(), summary.uniquenessConflicts()));
        }

        assertThat(engine).isEqualTo(new Reference(setup, tenant).rowsAndTotals());
    }

    @Provide
    Arbitrary<Setup> setups() {
        Arbitrary<TargetEngine> target = Arbitraries.of(TargetEngine.connectSync(SourceAnchor.objectGuid()),
                TargetEngine.connectSync(), TargetEngine.cloudSync());
        Arbitrary<List<MatchRule>> soft = Arbitraries.of(SOFT_RULES).list().uniqueElements().ofMaxSize(3);
        Arbitrary<Boolean> maybe = Arbitraries.of(true, false);
        Arbitrary<SyncFeatures> features = Combinators.combine(maybe, maybe, maybe, maybe).as(SyncFeatures::new);
        return Combinators.combine(target, soft, features).as((t, rules, f) -> {
            List<MatchRule> all = new ArrayList<>();
            all.add(MatchRule.hardMatch(t.sourceAnchor()));
            all.addAll(rules);
            return new Setup(t, List.copyOf(all), f);
        });
    }

    /** The target engine, the rules (hard match first, as Entra does) and the tenant's features. */
    record Setup(TargetEngine target, List<MatchRule> rules, SyncFeatures features) {
        @Override
        public String toString() {
            return target + " " + rules.stream().map(MatchRule::name).toList() + " " + features;
        }
    }

    @Provide
    Arbitrary<Tenant> tenants() {
        Arbitrary<String> name = Arbitraries.of(NAMES);
        Arbitrary<Boolean> maybe = Arbitraries.of(true, false);
        Arbitrary<Boolean> rarely = Arbitraries.of(true, false, false, false);
        Arbitrary<String> sam = Arbitraries.of("plain", "plain", "plain", "MSOL_1a2b", "msol_1a2b", "HealthMailbox1");
        Arbitrary<OnPremUser> onPrem = Combinators.combine(objects(name, name, name.injectNull(0.3),
                        Arbitraries.integers(), name.injectNull(0.5), name.injectNull(0.4), maybe, name.injectNull(0.7),
                        sam, rarely))
                .as(v -> {
                    String upn = (String) v.get(0);
                    String smtp = (String) v.get(2);
                    String alias = (String) v.get(7);
                    List<String> proxies = new ArrayList<>();
                    if (smtp != null) {
                        proxies.add("SMTP:" + smtp + "@contoso.com");
                    }
                    if (alias != null) {
                        proxies.add("smtp:" + alias + "@alias.contoso.com");
                    }
                    return Users.ad(upn)
                            .distinguishedName("CN=" + v.get(3) + upn + v.get(1) + v.get(4) + v.get(8) + v.get(9))
                            .objectGuid(Users.guidOf((String) v.get(1)))
                            .consistencyGuid(v.get(4) == null ? null : Users.guidOf((String) v.get(4)))
                            .proxyAddresses(proxies)
                            .attributes(employeeIds(EMPLOYEE_ID, (String) v.get(5)))
                            .mail((Boolean) v.get(6) ? upn + "@contoso.com" : null)
                            .samAccountName(v.get(8).equals("plain") ? upn : (String) v.get(8))
                            .criticalSystemObject((Boolean) v.get(9))
                            .build();
                });
        Arbitrary<String> anchor = Arbitraries.oneOf(name.map(Users::anchorOf),
                name.map(n -> ValidationTest.bigEndianBase64(Users.guidOf(n))), Arbitraries.just(null));
        Arbitrary<CloudUser> cloud = Combinators.combine(objects(name, anchor, name.injectNull(0.3), maybe,
                        Arbitraries.integers().between(0, 1_000_000), name.injectNull(0.4),
                        Arbitraries.of(true, false).injectNull(0.3), maybe, rarely, rarely, rarely, name.injectNull(0.8)))
                .as(v -> {
                    String upn = (String) v.get(0);
                    String smtp = (String) v.get(2);
                    String alias = (String) v.get(11);
                    List<String> proxies = new ArrayList<>();
                    if (smtp != null) {
                        proxies.add("SMTP:" + smtp + "@contoso.com");
                    }
                    if (alias != null) {
                        proxies.add("smtp:" + alias + "@alias.contoso.com");
                    }
                    return Users.entra(upn).id("c" + v.get(4))
                            .immutableId((String) v.get(1))
                            .proxyAddresses(proxies)
                            .attributes(employeeIds("employeeId", (String) v.get(5)))
                            .onPremisesSyncEnabled((Boolean) v.get(6))
                            .mail((Boolean) v.get(7) ? upn + "@contoso.com" : null)
                            .holdsAdminRole((Boolean) v.get(3))
                            .eligibleForAdminRole((Boolean) v.get(8))
                            .onPremisesObjectIdentifier((Boolean) v.get(9) ? Users.guidOf(upn).toString() : null)
                            .cloudManaged((Boolean) v.get(10) ? Boolean.TRUE : null)
                            .build();
                });
        return Combinators.combine(onPrem.list().ofMaxSize(7), cloud.list().ofMaxSize(7)
                        .uniqueElements(CloudUser::id))
                .as(Tenant::new);
    }

    /** The arbitraries as one list of one type, as {@code Combinators.combine(List)} wants them. */
    private static List<Arbitrary<Object>> objects(Arbitrary<?>... arbitraries) {
        return Stream.of(arbitraries).map(a -> a.map(Object.class::cast)).toList();
    }

    /** An employee ID per name, in a letter case of its own on each side: the custom rule ignores case. */
    private static Attributes employeeIds(String attribute, String name) {
        if (name == null) {
            return Attributes.NONE;
        }
        String id = "E-" + name;
        return Attributes.builder().add(attribute, attribute.equals(EMPLOYEE_ID) ? id : id.toUpperCase(Locale.ROOT))
                .build();
    }

    record Tenant(List<OnPremUser> onPrem, List<CloudUser> cloud) {
    }

    /**
     * The rules as documented, applied to the whole tenant at once by looking at every pair: no index, no order of
     * evaluation, no state carried from rule to rule or from object to object. Each step names the source it applies
     * (the engine's Javadoc cites the same pages, with their quotes).
     */
    static final class Reference {

        private final Setup setup;
        private final List<MatchRule> softRules;
        private final List<OnPremUser> onPrem;
        private final List<CloudUser> cloud;

        Reference(Setup setup, Tenant tenant) {
            this.setup = setup;
            this.softRules = setup.rules().stream().filter(r -> !r.isHardMatch()).toList();
            this.onPrem = tenant.onPrem();
            this.cloud = tenant.cloud();
        }

        /**
         * Connect's out-of-box rules (concept-azure-ad-connect-sync-default-configuration, "User out-of-box rules"):
         * {@code IsPresent([isCriticalSystemObject])} and {@code Left([sAMAccountName], 5) = "MSOL_"} among the ones
         * these tenants can trip; nothing names HealthMailbox. Cloud sync's scoping is not documented: none applies.
         */
        private boolean outOfScope(OnPremUser o) {
            return setup.target().engine() == TargetEngine.Engine.CONNECT_SYNC
                    && (o.criticalSystemObject() || o.samAccountName().startsWith("MSOL_"));
        }

        private List<OnPremUser> inScope() {
            return onPrem.stream().filter(o -> !outOfScope(o)).toList();
        }

        /**
         * The ImmutableID the engine presents: mS-DS-ConsistencyGuid where it is set, objectGUID where it is empty
         * (plan-connect-design-concepts; plan-cloud-sync-topologies for cloud sync), or objectGUID when Connect was
         * installed with it.
         */
        private String expected(OnPremUser o) {
            boolean consistency = setup.target().sourceAnchor().kind() == SourceAnchor.Kind.CONSISTENCY_GUID;
            return (consistency && o.consistencyGuid() != null ? o.consistencyGuid() : o.objectGuid())
                    .toImmutableId().value();
        }

        private static String immutableId(CloudUser c) {
            ImmutableId id = c.immutableId();
            return id == null ? null : Objects.requireNonNull(id.value());
        }

        /** Hard match: the cloud users whose ImmutableID is exactly the one the object yields. */
        private List<CloudUser> hardMatches(OnPremUser o) {
            return cloud.stream().filter(c -> expected(o).equals(immutableId(c))).toList();
        }

        /**
         * Whether Entra ID refuses to let the sync take the user over (how-to-connect-install-existing-tenant, "Hard
         * match security protections"; MC1262584, MC1263280; onPremisesSyncBehavior; the tenant's
         * blockCloudObjectTakeoverThroughHardMatchEnabled for hard matches only; any role, eligible or not, for soft
         * matches as the safer reading).
         */
        private boolean blocked(CloudUser c, boolean hard) {
            SyncFeatures f = setup.features();
            return c.holdsAdminRole() || c.eligibleForAdminRole() || Boolean.TRUE.equals(c.cloudManaged())
                    || c.onPremisesObjectIdentifier() != null && !f.allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled()
                    || hard && f.blockCloudObjectTakeoverThroughHardMatchEnabled();
        }

        /** The lower-cased SMTP addresses of a user's proxy addresses; for an on-prem object without any, its mail. */
        private static List<String> addresses(List<String> proxies, String mail) {
            if (proxies.isEmpty() && mail != null) {
                return List.of(mail.toLowerCase(Locale.ROOT));
            }
            return proxies.stream().filter(p -> p.regionMatches(true, 0, "smtp:", 0, 5))
                    .map(p -> p.substring(5).toLowerCase(Locale.ROOT)).toList();
        }

        private static String primary(List<String> proxies) {
            return proxies.stream().filter(p -> p.startsWith("SMTP:")).map(p -> p.substring(5).toLowerCase(Locale.ROOT))
                    .findFirst().orElse(null);
        }

        /**
         * Who a rule finds: the primary SMTP address ("only the value with SMTP:"), an object without proxy addresses
         * by its mail (undocumented), the UPN; a custom rule is the operator's. Whether Entra applies the rule under
         * the tenant's features is {@link #allowed}: a rule it does not apply still names the counterpart the
         * operator means.
         */
        private List<CloudUser> found(MatchRule rule, OnPremUser o) {
            if (rule == MatchRule.softMatchPrimarySmtp()) {
                String key = mailFallback(o) ? o.mail().toLowerCase(Locale.ROOT) : primary(o.proxyAddresses());
                return key == null ? List.of()
                        : cloud.stream().filter(c -> key.equals(primary(c.proxyAddresses()))).toList();
            }
            if (rule == MatchRule.softMatchUserPrincipalName()) {
                String key = o.userPrincipalName().toLowerCase(Locale.ROOT);
                return cloud.stream().filter(c -> key.equals(c.userPrincipalName().toLowerCase(Locale.ROOT))).toList();
            }
            String key = rule.key(o);
            return key == null ? List.of() : cloud.stream().filter(c -> key.equals(rule.key(c))).toList();
        }

        private static boolean mailFallback(OnPremUser o) {
            return o.proxyAddresses().isEmpty() && o.mail() != null;
        }

        /**
         * Whether Entra soft-matches by the rule under the tenant's features: none with BlockSoftMatch ("it blocks
         * the Soft Match feature"), the UPN only with SoftMatchOnUpn (how-to-connect-syncservice-features).
         */
        private boolean allowed(MatchRule rule) {
            SyncFeatures f = setup.features();
            if (rule == MatchRule.softMatchPrimarySmtp()) {
                return !f.blockSoftMatchEnabled();
            }
            if (rule == MatchRule.softMatchUserPrincipalName()) {
                return !f.blockSoftMatchEnabled() && f.softMatchOnUpnEnabled();
            }
            return true;
        }

        private static boolean entras(MatchRule rule) {
            return rule == MatchRule.softMatchPrimarySmtp() || rule == MatchRule.softMatchUserPrincipalName();
        }

        /** The cloud users any soft rule finds for the object. */
        private List<CloudUser> softMatches(OnPremUser o) {
            return softRules.stream().flatMap(r -> found(r, o).stream()).distinct().toList();
        }

        /** The one cloud user the soft rules agree on, for an object the hard match finds nothing for; else none. */
        private Optional<CloudUser> softCounterpart(OnPremUser o) {
            List<CloudUser> soft = softMatches(o);
            return hardMatches(o).isEmpty() && soft.size() == 1 ? Optional.of(soft.get(0)) : Optional.empty();
        }

        /**
         * How the object's one soft candidate was found, the strongest way first: by Entra's documented rules as the
         * tenant applies them, by the mail fallback, by a rule of Entra's the tenant switches off, or only by custom.
         */
        private String foundBy(OnPremUser o, CloudUser c) {
            boolean mail = mailFallback(o);
            List<MatchRule> finding = softRules.stream().filter(r -> found(r, o).contains(c)).toList();
            if (finding.stream().anyMatch(r -> entras(r) && allowed(r)
                    && !(r == MatchRule.softMatchPrimarySmtp() && mail))) {
                return "entra";
            }
            if (finding.stream().anyMatch(r -> r == MatchRule.softMatchPrimarySmtp() && mail && allowed(r))) {
                return "mail";
            }
            return finding.stream().anyMatch(ValidationPropertiesTest.Reference::entras) ? "off" : "custom";
        }

        /** Whether the cloud user holds the ImmutableID of some in-scope on-prem object: it is that object's match. */
        private boolean belongsByHardMatch(CloudUser c) {
            return inScope().stream().anyMatch(o -> expected(o).equals(immutableId(c)));
        }

        private boolean accountedFor(CloudUser c) {
            return belongsByHardMatch(c)
                    || inScope().stream().anyMatch(o -> softCounterpart(o).filter(c::equals).isPresent());
        }

        /** The cloud user an outcome of the object is about, if one. */
        private Optional<CloudUser> counterpart(OnPremUser o) {
            List<CloudUser> hard = hardMatches(o);
            return hard.size() == 1 ? Optional.of(hard.get(0)) : softCounterpart(o);
        }

        /**
         * Whether a cloud user other than {@code except}, or another in-scope on-prem object (which the sync exports
         * too, in an order nobody can predict), holds the object's UPN or an SMTP address: Entra's uniqueness check
         * (tshoot-connect-sync-errors; duplicate attribute resiliency covers UPN and SMTP proxy addresses "across all
         * User, Group, or Contact objects").
         */
        private boolean collides(OnPremUser o, CloudUser except) {
            String upn = o.userPrincipalName().toLowerCase(Locale.ROOT);
            List<String> mine = addresses(o.proxyAddresses(), o.mail());
            return cloud.stream().filter(c -> c != except).anyMatch(c -> upn.equals(c.userPrincipalName()
                    .toLowerCase(Locale.ROOT)) || addresses(c.proxyAddresses(), null).stream().anyMatch(mine::contains))
                    || inScope().stream().filter(other -> other != o).anyMatch(other -> upn.equals(
                            other.userPrincipalName().toLowerCase(Locale.ROOT))
                            || addresses(other.proxyAddresses(), other.mail()).stream().anyMatch(mine::contains));
        }

        /** The outcome, and the "export" it counts as: add, conflicting, update or none. */
        record Verdict(MatchOutcome outcome, String export, boolean takesOver, boolean blockedSoft,
                boolean blockedHard, boolean uniqueness) {
        }

        Verdict verdict(OnPremUser o) {
            if (outOfScope(o)) {
                return new Verdict(MatchOutcome.OUT_OF_SCOPE, "none", false, false, false, false);
            }
            if (inScope().stream().filter(other -> other != o).anyMatch(other -> expected(other).equals(expected(o)))
                    || hardMatches(o).size() > 1) {
                return new Verdict(MatchOutcome.DUPLICATE_ANCHOR, "none", false, false, false, false);
            }
            List<CloudUser> hard = hardMatches(o);
            if (hard.size() == 1) {
                // The takeover writes the object's UPN and addresses onto the user: "provision or update", the
                // uniqueness check quarantines a value another user holds (duplicate attribute resiliency).
                boolean blocked = blocked(hard.get(0), true);
                return new Verdict(blocked ? MatchOutcome.HARD_MATCH_BLOCKED : MatchOutcome.MATCHED,
                        blocked ? "conflicting" : "update", true, false, blocked, collides(o, hard.get(0)));
            }
            List<CloudUser> soft = softMatches(o);
            if (soft.isEmpty()) {
                boolean collides = collides(o, null);
                return new Verdict(MatchOutcome.ONPREM_ONLY, collides ? "conflicting" : "add", false, false, false,
                        collides);
            }
            if (soft.size() > 1) {
                return new Verdict(MatchOutcome.AMBIGUOUS, "none", false, false, false, false);
            }
            CloudUser c = soft.get(0);
            if (belongsByHardMatch(c)) {
                boolean collides = collides(o, null);
                return new Verdict(MatchOutcome.ONPREM_ONLY, collides ? "conflicting" : "add", false, false, false,
                        collides);
            }
            if (inScope().stream().filter(other -> other != o).anyMatch(other -> softCounterpart(other)
                    .filter(c::equals).isPresent())) {
                return new Verdict(MatchOutcome.AMBIGUOUS, "none", false, false, false, false);
            }
            // "the object to be soft-matched with shouldn't have any value for the immutableId attribute"
            if (immutableId(c) != null) {
                return new Verdict(MatchOutcome.ANCHOR_MISMATCH, "conflicting", false, false, false,
                        collides(o, null));
            }
            switch (foundBy(o, c)) {
                case "custom":
                    return new Verdict(MatchOutcome.CUSTOM_MATCH_ONLY, "conflicting", true, false, false,
                            collides(o, null));
                case "mail":
                    return new Verdict(MatchOutcome.AMBIGUOUS, "conflicting", true, false, false, collides(o, null));
                case "off":
                    // Entra does not make the soft match: a second user beside the cloud one, until stamped.
                    return new Verdict(MatchOutcome.SOFT_MATCH_ONLY, "conflicting", true, true, false, collides(o, c));
                default:
                    boolean blocked = blocked(c, false);
                    return new Verdict(MatchOutcome.SOFT_MATCH_ONLY, blocked ? "conflicting" : "update", true,
                            blocked, false, collides(o, c));
            }
        }

        /** A cloud user's own row, or none when an on-prem object accounts for it. */
        Optional<MatchOutcome> outcome(CloudUser c) {
            String id = immutableId(c);
            if (id != null && cloud.stream().filter(other -> other != c).anyMatch(other -> id.equals(immutableId(
                    other)))) {
                return Optional.of(MatchOutcome.DUPLICATE_ANCHOR);
            }
            if (accountedFor(c)) {
                return Optional.empty();
            }
            return Optional.of(id != null ? MatchOutcome.CLOUD_ONLY : MatchOutcome.OUT_OF_SCOPE);
        }

        List<String> rowsAndTotals() {
            List<String> rows = new ArrayList<>();
            long adds = 0;
            long conflictingAdds = 0;
            long updates = 0;
            long attributeDeletions = 0;
            long adminSoft = 0;
            long adminHard = 0;
            long uniqueness = 0;
            for (OnPremUser o : onPrem) {
                Verdict v = verdict(o);
                rows.add("ON_PREM " + o.distinguishedName() + " " + v.outcome());
                boolean admin = counterpart(o).map(CloudUser::holdsAdminRole).orElse(false);
                adds += v.export().equals("add") ? 1 : 0;
                conflictingAdds += v.export().equals("conflicting") ? 1 : 0;
                updates += v.export().equals("update") ? 1 : 0;
                adminSoft += admin && v.blockedSoft() ? 1 : 0;
                adminHard += admin && v.blockedHard() ? 1 : 0;
                uniqueness += v.uniqueness() ? 1 : 0;
                // The takeover overwrites the cloud mail with the on-prem one; an on-prem object without one deletes it.
                attributeDeletions += v.takesOver() && o.mail() == null
                        && counterpart(o).map(CloudUser::mail).isPresent() ? 1 : 0;
            }
            long orphans = 0;
            long orphansSynced = 0;
            for (CloudUser c : cloud) {
                Optional<MatchOutcome> outcome = outcome(c);
                outcome.ifPresent(out -> rows.add("CLOUD " + c.id() + " " + out));
                // A new server never joined an orphan: it is left behind, not deleted (sync architecture page).
                boolean orphan = outcome.filter(MatchOutcome.CLOUD_ONLY::equals).isPresent();
                orphans += orphan ? 1 : 0;
                orphansSynced += orphan && c.isSynced() ? 1 : 0;
            }
            rows.sort(null);
            rows.add(totals(adds, conflictingAdds, updates, 0, attributeDeletions, adminSoft, adminHard, orphans,
                    orphansSynced, uniqueness));
            return rows;
        }

        static String totals(long adds, long conflictingAdds, long updates, long deletes, long attributeDeletions,
                long adminSoft, long adminHard, long orphans, long orphansSynced, long uniqueness) {
            return "adds " + adds + ", conflicting adds " + conflictingAdds + ", updates " + updates + ", deletes "
                    + deletes + ", attribute deletions " + attributeDeletions + ", admin-blocked soft matches "
                    + adminSoft + ", hard matches " + adminHard + ", orphans " + orphans + " (" + orphansSynced
                    + " synced), uniqueness conflicts " + uniqueness;
        }
    }
}
