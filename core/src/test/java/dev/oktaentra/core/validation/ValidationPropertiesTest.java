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
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The engine against a brute-force reference that scans every pair: on random small tenants full of collisions
 * (shared UPNs, shared GUIDs and consistency GUIDs, shared employee IDs, wrong and missing anchors), with a random
 * source anchor and a random choice and order of soft-match rules after the hard match, both must give every object
 * the same outcome.
 */
class ValidationPropertiesTest {

    private static final List<String> NAMES = List.of("ann", "bob", "cid", "dee", "eve");
    private static final String EMPLOYEE_ID = "employeeID";
    private static final List<MatchRule> SOFT_RULES = List.of(MatchRule.softMatchUserPrincipalName(),
            MatchRule.softMatchPrimarySmtp(), MatchRule.attributeEquals(EMPLOYEE_ID, "employeeId"));

    @Property(tries = 1500)
    void engine_agreesWithBruteForce(@ForAll("tenants") Tenant tenant, @ForAll("setups") Setup setup) {
        List<String> engine;
        try (ValidationReport report = Validation.configure().anchor(setup.anchor()).rules(setup.rules()).build()
                .run(OnPremDirectory.of("ad", tenant.onPrem()), CloudDirectory.of("entra", tenant.cloud()));
                Stream<ValidationFinding> rows = report.findings()) {
            engine = rows.map(f -> f.side() + " " + (f.side() == ValidationFinding.Side.CLOUD ? f.cloudId()
                    : f.distinguishedName()) + " " + f.outcome()).sorted().toList();
        }

        assertThat(engine).isEqualTo(new BruteForce(setup).outcomes(tenant.onPrem(), tenant.cloud()));
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
        Arbitrary<OnPremUser> onPrem = Combinators.combine(name, name, name.injectNull(0.3), Arbitraries.integers(),
                        name.injectNull(0.5), name.injectNull(0.4))
                .as((upn, guid, smtp, n, consistency, employee) -> Users.ad(upn)
                        .distinguishedName("CN=" + n + upn + guid + consistency)
                        .objectGuid(Users.guidOf(guid))
                        .consistencyGuid(consistency == null ? null : Users.guidOf(consistency))
                        .proxyAddresses(smtp == null ? List.of() : List.of("SMTP:" + smtp + "@contoso.com"))
                        .attributes(employeeIds(EMPLOYEE_ID, employee))
                        .build());
        Arbitrary<String> anchor = Arbitraries.oneOf(name.map(Users::anchorOf),
                name.map(n -> ValidationTest.bigEndianBase64(Users.guidOf(n))), Arbitraries.just(null));
        Arbitrary<CloudUser> cloud = Combinators.combine(name, anchor, name.injectNull(0.3),
                Arbitraries.of(true, false), Arbitraries.integers().between(0, 1_000_000), name.injectNull(0.4))
                .as((upn, immutable, smtp, admin, id, employee) -> Users.entra(upn).id("c" + id)
                        .immutableId(immutable)
                        .proxyAddresses(smtp == null ? List.of() : List.of("SMTP:" + smtp + "@contoso.com"))
                        .attributes(employeeIds("employeeId", employee))
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

    /** The documented semantics, written as plainly as possible: every pair is compared. */
    static final class BruteForce {

        private final SourceAnchor anchor;
        private final List<MatchRule> rules;

        BruteForce(Setup setup) {
            this.anchor = setup.anchor();
            this.rules = setup.rules();
        }

        List<String> outcomes(List<OnPremUser> onPrem, List<CloudUser> cloud) {
            int n = onPrem.size();
            int[] kind = new int[n];       // 0 none, 1 hard, 2 hard-multi, 3 soft, 4 soft-multi, 5 conflict
            int[] candidate = new int[n];
            int[] hardClaims = new int[cloud.size()];
            int[] softClaims = new int[cloud.size()];
            for (int u = 0; u < n; u++) {
                candidate[u] = -1;
                int decided = -1;
                for (int r = 0; r < rules.size(); r++) {
                    MatchRule rule = rules.get(r);
                    String key = rule.key(onPrem.get(u));
                    List<Integer> found = new ArrayList<>();
                    for (int c = 0; c < cloud.size(); c++) {
                        if (key != null && key.equals(rule.key(cloud.get(c)))) {
                            found.add(c);
                        }
                    }
                    if (found.isEmpty()) {
                        continue;
                    }
                    if (decided < 0) {
                        decided = r;
                        if (rule.isHardMatch()) {
                            kind[u] = found.size() == 1 ? 1 : 2;
                            candidate[u] = found.get(0);
                            found.forEach(c -> hardClaims[c]++);
                            break;
                        }
                        if (found.size() > 1) {
                            kind[u] = 4;
                            break;
                        }
                        kind[u] = 3;
                        candidate[u] = found.get(0);
                    } else if (!rule.isHardMatch() && (found.size() > 1 || found.get(0) != candidate[u])) {
                        kind[u] = 5;
                        break;
                    }
                }
                if (kind[u] == 3) {
                    if (expected(onPrem.get(u)).equals(anchor(cloud.get(candidate[u])))) {
                        hardClaims[candidate[u]]++;
                    } else {
                        softClaims[candidate[u]]++;
                    }
                }
            }
            List<String> rows = new ArrayList<>();
            for (int u = 0; u < n; u++) {
                String expected = expected(onPrem.get(u));
                long holders = onPrem.stream().filter(o -> expected(o).equals(expected)).count();
                MatchOutcome outcome;
                if (holders > 1 || kind[u] == 2) {
                    outcome = MatchOutcome.DUPLICATE_ANCHOR;
                } else if (kind[u] == 1) {
                    outcome = MatchOutcome.MATCHED;
                } else if (kind[u] == 4 || kind[u] == 5) {
                    outcome = MatchOutcome.AMBIGUOUS;
                } else if (kind[u] == 3) {
                    int c = candidate[u];
                    String cloudAnchor = anchor(cloud.get(c));
                    if (expected.equals(cloudAnchor)) {
                        outcome = MatchOutcome.MATCHED;
                    } else if (hardClaims[c] > 0) {
                        outcome = MatchOutcome.ONPREM_ONLY;
                    } else if (softClaims[c] > 1) {
                        outcome = MatchOutcome.AMBIGUOUS;
                    } else {
                        outcome = cloudAnchor == null ? MatchOutcome.SOFT_MATCH_ONLY : MatchOutcome.ANCHOR_MISMATCH;
                    }
                } else {
                    outcome = MatchOutcome.ONPREM_ONLY;
                }
                rows.add("ON_PREM " + onPrem.get(u).distinguishedName() + " " + outcome);
            }
            for (int c = 0; c < cloud.size(); c++) {
                String anchor = anchor(cloud.get(c));
                long holders = anchor == null ? 0 : cloud.stream().filter(o -> anchor.equals(anchor(o))).count();
                MatchOutcome outcome = null;
                if (holders > 1) {
                    outcome = MatchOutcome.DUPLICATE_ANCHOR;
                } else if (hardClaims[c] == 0 && softClaims[c] == 0) {
                    outcome = anchor != null ? MatchOutcome.CLOUD_ONLY : MatchOutcome.OUT_OF_SCOPE;
                }
                if (outcome != null) {
                    rows.add("CLOUD " + cloud.get(c).id() + " " + outcome);
                }
            }
            return rows.stream().sorted().toList();
        }

        private String expected(OnPremUser user) {
            return anchor.expected(user).orElseThrow().value();
        }

        private static String anchor(CloudUser user) {
            ImmutableId id = user.immutableId();
            return id == null ? null : Objects.requireNonNull(id.value());
        }
    }
}
