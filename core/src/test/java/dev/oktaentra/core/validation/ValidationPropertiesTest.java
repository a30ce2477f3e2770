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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The engine against a reference that knows nothing of it: on random small tenants full of collisions (shared UPNs,
 * shared GUIDs and consistency GUIDs, shared employee IDs, wrong and missing anchors, admins, synced orphans, missing
 * mail), with a random source anchor and a random choice and order of soft-match rules after the hard match, both
 * must give every object the same outcome and the same totals.
 */
class ValidationPropertiesTest {

    private static final List<String> NAMES = List.of("ann", "bob", "cid", "dee", "eve");
    private static final String EMPLOYEE_ID = "employeeID";
    private static final List<MatchRule> SOFT_RULES = List.of(MatchRule.softMatchUserPrincipalName(),
            MatchRule.softMatchPrimarySmtp(), MatchRule.attributeEquals(EMPLOYEE_ID, "employeeId"));

    @Property(tries = 1500)
    void engine_agreesWithTheDocumentedRules(@ForAll("tenants") Tenant tenant, @ForAll("setups") Setup setup) {
        List<String> engine;
        try (ValidationReport report = Validation.builder().anchor(setup.anchor()).rules(setup.rules()).build()
                .run(OnPremDirectory.of("ad", tenant.onPrem()), CloudDirectory.of("entra", tenant.cloud()));
                Stream<ValidationFinding> rows = report.findings()) {
            engine = new ArrayList<>(rows.map(f -> f.side() + " " + (f.side() == ValidationFinding.Side.CLOUD
                    ? f.cloudId() : f.distinguishedName()) + " " + f.outcome()).sorted().toList());
            ValidationSummary summary = report.summary();
            StagingPrediction p = summary.prediction();
            engine.add(Reference.totals(p.adds(), p.conflictingAdds(), p.updates(), p.deletes(),
                    p.attributeDeletions(), summary.adminRoleSoftMatches(), summary.adminRoleHardMatches()));
        }

        assertThat(engine).isEqualTo(new Reference(setup, tenant).rowsAndTotals());
    }

    @Provide
    Arbitrary<Setup> setups() {
        Arbitrary<SourceAnchor> anchor = Arbitraries.of(SourceAnchor.objectGuid(), SourceAnchor.consistencyGuid());
        Arbitrary<List<MatchRule>> soft = Arbitraries.of(SOFT_RULES).list().uniqueElements().ofMaxSize(3);
        return Combinators.combine(anchor, soft).as((a, rules) -> {
            List<MatchRule> all = new ArrayList<>();
            all.add(MatchRule.hardMatch(a));
            all.addAll(rules);
            return new Setup(a, List.copyOf(all));
        });
    }

    /** The anchor and the rules, hard match first as Entra Connect does. */
    record Setup(SourceAnchor anchor, List<MatchRule> rules) {
        @Override
        public String toString() {
            return anchor + " " + rules.stream().map(MatchRule::name).toList();
        }
    }

    @Provide
    Arbitrary<Tenant> tenants() {
        Arbitrary<String> name = Arbitraries.of(NAMES);
        Arbitrary<Boolean> maybe = Arbitraries.of(true, false);
        Arbitrary<OnPremUser> onPrem = Combinators.combine(name, name, name.injectNull(0.3), Arbitraries.integers(),
                        name.injectNull(0.5), name.injectNull(0.4), maybe)
                .as((upn, guid, smtp, n, consistency, employee, mail) -> Users.ad(upn)
                        .distinguishedName("CN=" + n + upn + guid + consistency)
                        .objectGuid(Users.guidOf(guid))
                        .consistencyGuid(consistency == null ? null : Users.guidOf(consistency))
                        .proxyAddresses(smtp == null ? List.of() : List.of("SMTP:" + smtp + "@contoso.com"))
                        .attributes(employeeIds(EMPLOYEE_ID, employee))
                        .mail(mail ? upn + "@contoso.com" : null)
                        .build());
        Arbitrary<String> anchor = Arbitraries.oneOf(name.map(Users::anchorOf),
                name.map(n -> ValidationTest.bigEndianBase64(Users.guidOf(n))), Arbitraries.just(null));
        Arbitrary<CloudUser> cloud = Combinators.combine(name, anchor, name.injectNull(0.3), maybe,
                        Arbitraries.integers().between(0, 1_000_000), name.injectNull(0.4),
                        Arbitraries.of(true, false).injectNull(0.3), maybe)
                .as((upn, immutable, smtp, admin, id, employee, synced, mail) -> Users.entra(upn).id("c" + id)
                        .immutableId(immutable)
                        .proxyAddresses(smtp == null ? List.of() : List.of("SMTP:" + smtp + "@contoso.com"))
                        .attributes(employeeIds("employeeId", employee))
                        .onPremisesSyncEnabled(synced)
                        .mail(mail ? upn + "@contoso.com" : null)
                        .holdsAdminRole(admin).build());
        return Combinators.combine(onPrem.list().ofMaxSize(7), cloud.list().ofMaxSize(7)
                        .uniqueElements(CloudUser::id))
                .as(Tenant::new);
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
     * evaluation, no state carried from rule to rule or from object to object. Each step says which documented rule
     * it applies: domain.md §3.1 (Microsoft's "existing tenant" page: the hard match on the exact ImmutableID comes
     * first, then the soft match on UPN or primary SMTP, else Connect creates a new user; Entra ID does not match onto
     * an admin-role holder), {@link MatchOutcome}'s Javadoc and the README's outcome table (one outcome per object, a
     * row per cloud user no on-prem object accounts for), and {@link StagingPrediction}'s and
     * {@link ValidationSummary}'s Javadoc for the totals.
     */
    static final class Reference {

        private final SourceAnchor anchor;
        private final List<MatchRule> softRules;
        private final List<OnPremUser> onPrem;
        private final List<CloudUser> cloud;

        Reference(Setup setup, Tenant tenant) {
            this.anchor = setup.anchor();
            this.softRules = setup.rules().stream().filter(r -> !r.isHardMatch()).toList();
            this.onPrem = tenant.onPrem();
            this.cloud = tenant.cloud();
        }

        /** The ImmutableID an on-prem object yields under the source anchor. */
        private String expected(OnPremUser o) {
            return anchor.expected(o).orElseThrow().value();
        }

        private static String immutableId(CloudUser c) {
            ImmutableId id = c.immutableId();
            return id == null ? null : Objects.requireNonNull(id.value());
        }

        /** Hard match: the cloud users whose ImmutableID is exactly the one the object yields. */
        private Set<CloudUser> hardMatches(OnPremUser o) {
            return cloud.stream().filter(c -> expected(o).equals(immutableId(c))).collect(Collectors.toSet());
        }

        /** Soft match: the cloud users any soft rule pairs with the object (equal keys, as {@link MatchRule} says). */
        private Set<CloudUser> softMatches(OnPremUser o) {
            Set<CloudUser> found = new HashSet<>();
            for (MatchRule rule : softRules) {
                String key = rule.key(o);
                cloud.stream().filter(c -> key != null && key.equals(rule.key(c))).forEach(found::add);
            }
            return found;
        }

        /** The one cloud user the soft rules agree on, for an object the hard match finds nothing for; else none. */
        private Optional<CloudUser> softCounterpart(OnPremUser o) {
            Set<CloudUser> soft = softMatches(o);
            return hardMatches(o).isEmpty() && soft.size() == 1 ? soft.stream().findFirst() : Optional.empty();
        }

        /** Whether the cloud user holds the ImmutableID of some on-prem object: it is that object's hard match. */
        private boolean belongsByHardMatch(CloudUser c) {
            return onPrem.stream().anyMatch(o -> expected(o).equals(immutableId(c)));
        }

        /** Whether some on-prem object accounts for the cloud user, by a hard or a soft match. */
        private boolean accountedFor(CloudUser c) {
            return belongsByHardMatch(c)
                    || onPrem.stream().anyMatch(o -> softCounterpart(o).filter(c::equals).isPresent());
        }

        /** The cloud user an outcome of the object is about, if one. */
        private Optional<CloudUser> counterpart(OnPremUser o) {
            Set<CloudUser> hard = hardMatches(o);
            return hard.size() == 1 ? hard.stream().findFirst() : softCounterpart(o);
        }

        MatchOutcome outcome(OnPremUser o) {
            // "One anchor on two objects of one side: the sync engine cannot tell them apart."
            if (onPrem.stream().filter(other -> other != o).anyMatch(other -> expected(other).equals(expected(o)))) {
                return MatchOutcome.DUPLICATE_ANCHOR;
            }
            Set<CloudUser> hard = hardMatches(o);
            if (hard.size() > 1) {
                return MatchOutcome.DUPLICATE_ANCHOR;
            }
            // Hard match first: "the cloud user already holds the ImmutableID this on-prem user yields".
            if (hard.size() == 1) {
                return MatchOutcome.MATCHED;
            }
            Set<CloudUser> soft = softMatches(o);
            // "If still nothing, a new object is provisioned."
            if (soft.isEmpty()) {
                return MatchOutcome.ONPREM_ONLY;
            }
            // "Several candidates: rules disagree ..."
            if (soft.size() > 1) {
                return MatchOutcome.AMBIGUOUS;
            }
            CloudUser c = soft.iterator().next();
            // The candidate is another object's hard match: Connect adds this one as a new, conflicting user.
            if (belongsByHardMatch(c)) {
                return MatchOutcome.ONPREM_ONLY;
            }
            // "... or several objects claim one counterpart."
            if (onPrem.stream().filter(other -> other != o).anyMatch(other -> softCounterpart(other)
                    .filter(c::equals).isPresent())) {
                return MatchOutcome.AMBIGUOUS;
            }
            // A soft match finds a cloud user whose ImmutableID differs (mismatch) or who has none (soft match only).
            return immutableId(c) != null ? MatchOutcome.ANCHOR_MISMATCH : MatchOutcome.SOFT_MATCH_ONLY;
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
            long deletes = 0;
            long attributeDeletions = 0;
            long adminSoft = 0;
            long adminHard = 0;
            for (OnPremUser o : onPrem) {
                MatchOutcome outcome = outcome(o);
                rows.add("ON_PREM " + o.distinguishedName() + " " + outcome);
                boolean admin = counterpart(o).map(CloudUser::holdsAdminRole).orElse(false);
                boolean takenOver = outcome == MatchOutcome.MATCHED || outcome == MatchOutcome.SOFT_MATCH_ONLY;
                adds += outcome == MatchOutcome.ONPREM_ONLY ? 1 : 0;
                conflictingAdds += outcome == MatchOutcome.ANCHOR_MISMATCH || takenOver && admin ? 1 : 0;
                updates += takenOver && !admin ? 1 : 0;
                adminSoft += admin && (outcome == MatchOutcome.SOFT_MATCH_ONLY
                        || outcome == MatchOutcome.ANCHOR_MISMATCH) ? 1 : 0;
                adminHard += admin && outcome == MatchOutcome.MATCHED ? 1 : 0;
                // The takeover overwrites the cloud mail with the on-prem one; an on-prem object without one deletes it.
                attributeDeletions += takenOver && o.mail() == null
                        && counterpart(o).map(CloudUser::mail).isPresent() ? 1 : 0;
            }
            for (CloudUser c : cloud) {
                Optional<MatchOutcome> outcome = outcome(c);
                outcome.ifPresent(out -> rows.add("CLOUD " + c.id() + " " + out));
                deletes += outcome.filter(MatchOutcome.CLOUD_ONLY::equals).isPresent() && c.isSynced() ? 1 : 0;
            }
            rows.sort(null);
            rows.add(totals(adds, conflictingAdds, updates, deletes, attributeDeletions, adminSoft, adminHard));
            return rows;
        }

        static String totals(long adds, long conflictingAdds, long updates, long deletes, long attributeDeletions,
                long adminSoft, long adminHard) {
            return "adds " + adds + ", conflicting adds " + conflictingAdds + ", updates " + updates + ", deletes "
                    + deletes + ", attribute deletions " + attributeDeletions + ", admin-blocked soft matches "
                    + adminSoft + ", hard matches " + adminHard;
        }
    }
}
