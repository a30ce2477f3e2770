package dev.oktaentra.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.match.MatchRule;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.validation.MatchDecision.RuleKind;
import dev.oktaentra.core.validation.Pairing.Claim;
import dev.oktaentra.core.validation.Pairing.Kind;
import dev.oktaentra.core.validation.Verdict.Advice;
import dev.oktaentra.core.validation.Verdict.AdminRole;
import dev.oktaentra.core.validation.Verdict.Export;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the matching table, as rows of a table: each row names the inputs it covers (a set per input, all of
 * it for "any") and what they give. Each table is checked row by row over every input the row covers, and checked to
 * cover every possible input exactly once, so a case the table forgets or answers twice fails here.
 */
class MatchDecisionTest {

    private static final Set<RuleKind> ANY_RULE = EnumSet.allOf(RuleKind.class);
    private static final Set<RuleKind> HARD = EnumSet.of(RuleKind.HARD_MATCH);
    private static final Set<RuleKind> SOFT = EnumSet.of(RuleKind.SOFT_MATCH_UPN, RuleKind.SOFT_MATCH_SMTP,
            RuleKind.CUSTOM);
    private static final Set<Boolean> ANY = Set.of(true, false);
    private static final Set<Boolean> YES = Set.of(true);
    private static final Set<Boolean> NO = Set.of(false);
    /** Found counts: none, one, several. */
    private static final Set<Integer> ANY_COUNT = Set.of(0, 1, 2);
    private static final Set<Integer> NONE_FOUND = Set.of(0);
    private static final Set<Integer> ONE = Set.of(1);
    private static final Set<Integer> SEVERAL = Set.of(2);
    private static final Set<Integer> ONE_OR_MORE = Set.of(1, 2);

    private static final int EARLIER_RULE = 1;
    private static final int EARLIER_CANDIDATE = 7;
    private static final int THIS_RULE = 2;
    private static final Pairing SOFT_SO_FAR = new Pairing(Kind.SOFT, EARLIER_CANDIDATE, EARLIER_RULE);

    // ---- 1. Pairing, rule by rule ----------------------------------------------------------------------------------

    /** Which candidate and rule the pairing after a rule has. */
    enum Keeps {
        /** The pairing before, unchanged. */
        UNCHANGED,
        /** The first user this rule found, and this rule. */
        FOUND,
        /** No single candidate; this rule. */
        NO_CANDIDATE,
        /** The earlier candidate and rule. */
        EARLIER
    }

    /**
     * A row of the pairing table.
     *
     * @param sofar the pairing before the rule: {@link Kind#NONE} (nothing found yet) or {@link Kind#SOFT}
     * @param rules the rule kinds the row covers
     * @param found how many cloud users the rule found
     * @param sameUser whether the first found is the earlier candidate
     */
    record PairingRow(String name, Kind sofar, Set<RuleKind> rules, Set<Integer> found, Set<Boolean> sameUser,
            Kind then, Keeps keeps) {
        boolean covers(Kind k, RuleKind rule, int n, boolean same) {
            return sofar == k && rules.contains(rule) && found.contains(n) && sameUser.contains(same);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<PairingRow> pairingRows() {
        return List.of(
                new PairingRow("a rule that finds nothing changes nothing", Kind.NONE, ANY_RULE, NONE_FOUND, ANY,
                        Kind.NONE, Keeps.UNCHANGED),
                new PairingRow("the hard match finds one: decided", Kind.NONE, HARD, ONE, ANY, Kind.HARD,
                        Keeps.FOUND),
                new PairingRow("the hard match finds several: decided", Kind.NONE, HARD, SEVERAL, ANY,
                        Kind.HARD_SEVERAL, Keeps.FOUND),
                new PairingRow("a soft rule finds one: later rules must agree", Kind.NONE, SOFT, ONE, ANY, Kind.SOFT,
                        Keeps.FOUND),
                new PairingRow("a soft rule finds several: decided", Kind.NONE, SOFT, SEVERAL, ANY,
                        Kind.SOFT_SEVERAL, Keeps.NO_CANDIDATE),
                new PairingRow("after a soft candidate, a rule that finds nothing agrees", Kind.SOFT, ANY_RULE,
                        NONE_FOUND, ANY, Kind.SOFT, Keeps.UNCHANGED),
                new PairingRow("after a soft candidate, a hard rule does not count", Kind.SOFT, HARD, ONE_OR_MORE, ANY,
                        Kind.SOFT, Keeps.UNCHANGED),
                new PairingRow("a later soft rule finds the same user alone: agrees", Kind.SOFT, SOFT, ONE, YES,
                        Kind.SOFT, Keeps.UNCHANGED),
                new PairingRow("a later soft rule finds another user: disagrees", Kind.SOFT, SOFT, ONE, NO,
                        Kind.RULES_DISAGREE, Keeps.EARLIER),
                new PairingRow("a later soft rule finds several: disagrees", Kind.SOFT, SOFT, SEVERAL, ANY,
                        Kind.RULES_DISAGREE, Keeps.EARLIER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairingRows")
    void afterRule_followsTheRowForEveryInputItCovers(PairingRow row) {
        for (Kind k : List.of(Kind.NONE, Kind.SOFT)) {
            for (RuleKind rule : RuleKind.values()) {
                for (int n : ANY_COUNT) {
                    for (boolean same : ANY) {
                        if (!row.covers(k, rule, n, same)) {
                            continue;
                        }
                        Pairing sofar = k == Kind.NONE ? Pairing.START : SOFT_SO_FAR;
                        int first = same ? EARLIER_CANDIDATE : EARLIER_CANDIDATE + 1;

                        Pairing after = MatchDecision.afterRule(sofar, THIS_RULE, rule, n, first);

                        assertThat(after.kind()).as("%s, %s finds %d", k, rule, n).isEqualTo(row.then());
                        switch (row.keeps()) {
                            case UNCHANGED -> assertThat(after).isEqualTo(sofar);
                            case FOUND -> assertThat(after).isEqualTo(new Pairing(row.then(), first, THIS_RULE));
                            case NO_CANDIDATE -> assertThat(after).isEqualTo(new Pairing(row.then(), -1, THIS_RULE));
                            case EARLIER -> assertThat(after)
                                    .isEqualTo(new Pairing(row.then(), EARLIER_CANDIDATE, EARLIER_RULE));
                            default -> throw new IllegalStateException();
                        }
                    }
                }
            }
        }
    }

    @Test
    void pairingRows_coverEveryInputExactlyOnce() {
        for (Kind k : List.of(Kind.NONE, Kind.SOFT)) {
            for (RuleKind rule : RuleKind.values()) {
                for (int n : ANY_COUNT) {
                    for (boolean same : ANY) {
                        assertThat(pairingRows().stream().filter(row -> row.covers(k, rule, n, same)))
                                .as("%s, %s finds %d, same user %s", k, rule, n, same).hasSize(1);
                    }
                }
            }
        }
    }

    /** Which pairings later rules can still change, and the claim each lays once settled. */
    @Test
    void pairingKinds_decideAndClaimAsTheTableSays() {
        record Row(Kind kind, boolean decided, Claim claim, boolean oneCandidate) {
        }
        List<Row> rows = List.of(
                new Row(Kind.INVALID, true, Claim.NONE, false),
                new Row(Kind.NONE, false, Claim.NONE, false),
                new Row(Kind.HARD, true, Claim.HARD_EACH_FOUND, true),
                new Row(Kind.HARD_SEVERAL, true, Claim.HARD_EACH_FOUND, false),
                new Row(Kind.SOFT, false, Claim.SOFT, true),
                new Row(Kind.SOFT_SEVERAL, true, Claim.NONE, false),
                new Row(Kind.RULES_DISAGREE, true, Claim.NONE, false),
                new Row(Kind.SOFT_SAME_ANCHOR, true, Claim.HARD, true));

        assertThat(rows).extracting(Row::kind).containsExactly(Kind.values());
        for (Row row : rows) {
            Pairing pairing = new Pairing(row.kind(), 3, 0);
            assertThat(pairing.decided()).as("%s decided", row.kind()).isEqualTo(row.decided());
            assertThat(pairing.claim()).as("%s claim", row.kind()).isEqualTo(row.claim());
            assertThat(pairing.oneCandidate()).as("%s one candidate", row.kind()).isEqualTo(row.oneCandidate());
            assertThat(Kind.of(row.kind().code())).isEqualTo(row.kind());
        }
    }

    @Test
    void ruleFailed_isInvalidWhileUndecided_andRefusedOnceDecided() {
        assertThat(MatchDecision.ruleFailed(Pairing.START)).isEqualTo(Pairing.INVALID);
        assertThat(MatchDecision.ruleFailed(SOFT_SO_FAR)).isEqualTo(Pairing.INVALID);
        assertThatThrownBy(() -> MatchDecision.ruleFailed(new Pairing(Kind.HARD, 3, 0)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void settle_makesASoftCandidateHoldingTheAnchorTheHardMatch_andLeavesEveryOtherPairing() {
        assertThat(MatchDecision.settle(SOFT_SO_FAR, true))
                .isEqualTo(new Pairing(Kind.SOFT_SAME_ANCHOR, EARLIER_CANDIDATE, EARLIER_RULE));
        assertThat(MatchDecision.settle(SOFT_SO_FAR, false)).isEqualTo(SOFT_SO_FAR);
        for (Kind kind : Kind.values()) {
            Pairing other = new Pairing(kind, 3, 0);
            if (kind != Kind.SOFT) {
                assertThat(MatchDecision.settle(other, true)).isEqualTo(other);
                assertThat(MatchDecision.settle(other, false)).isEqualTo(other);
            }
        }
    }

    // ---- 2. The on-prem verdict --------------------------------------------------------------------------------

    private static Verdict verdict(MatchOutcome outcome, Advice advice, Export export, AdminRole admin,
            boolean takesOver) {
        return new Verdict(outcome, advice, export, admin, takesOver);
    }

    private static Verdict verdict(MatchOutcome outcome, Advice advice, Export export) {
        return verdict(outcome, advice, export, AdminRole.NONE, false);
    }

    /**
     * A row of the on-prem table.
     *
     * @param duplicate whether another on-prem object yields the same anchor
     * @param hardClaimed whether the candidate has a hard claim
     * @param softClaimedTwice whether the candidate has two or more soft claims (else one)
     * @param immutableId whether the candidate has an ImmutableID
     * @param admin whether the candidate holds an admin role
     */
    record OnPremRow(String name, Set<Kind> kinds, Set<Boolean> duplicate, Set<Boolean> hardClaimed,
            Set<Boolean> softClaimedTwice, Set<Boolean> immutableId, Set<Boolean> admin, Verdict verdict) {
        boolean covers(Kind k, boolean d, boolean h, boolean s, boolean i, boolean a) {
            return kinds.contains(k) && duplicate.contains(d) && hardClaimed.contains(h)
                    && softClaimedTwice.contains(s) && immutableId.contains(i) && admin.contains(a);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Set<Kind> kinds(Kind first, Kind... rest) {
        return EnumSet.of(first, rest);
    }

    static List<OnPremRow> onPremRows() {
        Set<Kind> anyKind = EnumSet.allOf(Kind.class);
        Set<Kind> noted = kinds(Kind.HARD_SEVERAL, Kind.SOFT_SEVERAL, Kind.RULES_DISAGREE);
        return List.of(
                new OnPremRow("unreadable, or a rule failed", kinds(Kind.INVALID), ANY, ANY, ANY, ANY, ANY,
                        verdict(MatchOutcome.INVALID, Advice.READ_FAILURE, Export.NONE)),
                new OnPremRow("anchor on two on-prem objects, candidates noted", noted, YES, ANY, ANY, ANY, ANY,
                        verdict(MatchOutcome.DUPLICATE_ANCHOR, Advice.PAIRING_NOTE, Export.NONE)),
                new OnPremRow("anchor on two on-prem objects",
                        kinds(Kind.NONE, Kind.HARD, Kind.SOFT, Kind.SOFT_SAME_ANCHOR), YES, ANY, ANY, ANY, ANY,
                        verdict(MatchOutcome.DUPLICATE_ANCHOR, Advice.ANCHOR_ON_SEVERAL_OBJECTS, Export.NONE)),
                new OnPremRow("ImmutableID on several cloud users", kinds(Kind.HARD_SEVERAL), NO, ANY, ANY, ANY, ANY,
                        verdict(MatchOutcome.DUPLICATE_ANCHOR, Advice.PAIRING_NOTE, Export.NONE)),
                new OnPremRow("hard match", kinds(Kind.HARD, Kind.SOFT_SAME_ANCHOR), NO, ANY, ANY, ANY, NO,
                        verdict(MatchOutcome.MATCHED, Advice.NOTHING_TO_DO, Export.UPDATE, AdminRole.NONE, true)),
                new OnPremRow("hard match onto an admin", kinds(Kind.HARD, Kind.SOFT_SAME_ANCHOR), NO, ANY, ANY, ANY,
                        YES, verdict(MatchOutcome.MATCHED, Advice.ADMIN_ROLE_BLOCKS_MATCH, Export.CONFLICTING_ADD,
                                AdminRole.BLOCKS_HARD_MATCH, true)),
                new OnPremRow("a rule finds several, or rules disagree", kinds(Kind.SOFT_SEVERAL, Kind.RULES_DISAGREE),
                        NO, ANY, ANY, ANY, ANY, verdict(MatchOutcome.AMBIGUOUS, Advice.PAIRING_NOTE, Export.NONE)),
                new OnPremRow("soft match onto a user another object hard-matches", kinds(Kind.SOFT), NO, YES, ANY,
                        ANY, ANY, verdict(MatchOutcome.ONPREM_ONLY, Advice.COUNTERPART_TAKEN, Export.ADD)),
                new OnPremRow("soft match onto a user others soft-match too", kinds(Kind.SOFT), NO, NO, YES, ANY, ANY,
                        verdict(MatchOutcome.AMBIGUOUS, Advice.SEVERAL_OBJECTS_SOFT_MATCH, Export.NONE)),
                new OnPremRow("soft match onto another ImmutableID", kinds(Kind.SOFT), NO, NO, NO, YES, NO,
                        verdict(MatchOutcome.ANCHOR_MISMATCH, Advice.FIX_ANCHOR, Export.CONFLICTING_ADD)),
                new OnPremRow("soft match onto another ImmutableID of an admin", kinds(Kind.SOFT), NO, NO, NO, YES,
                        YES, verdict(MatchOutcome.ANCHOR_MISMATCH, Advice.FIX_ANCHOR_AND_ADMIN_ROLE,
                                Export.CONFLICTING_ADD, AdminRole.BLOCKS_SOFT_MATCH, false)),
                new OnPremRow("soft match onto a user without ImmutableID", kinds(Kind.SOFT), NO, NO, NO, NO, NO,
                        verdict(MatchOutcome.SOFT_MATCH_ONLY, Advice.SOFT_MATCH_TAKES_OVER, Export.UPDATE,
                                AdminRole.NONE, true)),
                new OnPremRow("soft match onto an admin without ImmutableID", kinds(Kind.SOFT), NO, NO, NO, NO, YES,
                        verdict(MatchOutcome.SOFT_MATCH_ONLY, Advice.ADMIN_ROLE_BLOCKS_MATCH, Export.CONFLICTING_ADD,
                                AdminRole.BLOCKS_SOFT_MATCH, true)),
                new OnPremRow("nothing found", kinds(Kind.NONE), NO, ANY, ANY, ANY, ANY,
                        verdict(MatchOutcome.ONPREM_ONLY, Advice.NEW_USER, Export.ADD)));
    }

    /** Every input of the on-prem table, with the candidate a pairing of that kind has (-1 when none). */
    private static List<Object[]> onPremInputs() {
        List<Object[]> inputs = new ArrayList<>();
        for (Kind k : Kind.values()) {
            for (boolean d : ANY) {
                for (boolean h : ANY) {
                    for (boolean s : ANY) {
                        for (boolean i : ANY) {
                            for (boolean a : ANY) {
                                inputs.add(new Object[] {k, d, h, s, i, a});
                            }
                        }
                    }
                }
            }
        }
        return inputs;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onPremRows")
    void onPrem_givesTheRowsVerdictForEveryInputItCovers(OnPremRow row) {
        for (Object[] in : onPremInputs()) {
            Kind k = (Kind) in[0];
            boolean d = (boolean) in[1];
            boolean h = (boolean) in[2];
            boolean s = (boolean) in[3];
            boolean i = (boolean) in[4];
            boolean a = (boolean) in[5];
            if (!row.covers(k, d, h, s, i, a)) {
                continue;
            }
            int candidate = k == Kind.INVALID || k == Kind.NONE || k == Kind.SOFT_SEVERAL ? -1 : 0;
            Facts facts = new Facts(i, false, a, false, h ? 1 : 0, s ? 2 : 1);

            assertThat(MatchDecision.onPrem(k, d, candidate, facts))
                    .as("%s, duplicate %s, hard-claimed %s, soft-claimed twice %s, ImmutableID %s, admin %s",
                            k, d, h, s, i, a)
                    .isEqualTo(row.verdict());
        }
    }

    @Test
    void onPremRows_coverEveryInputExactlyOnce() {
        for (Object[] in : onPremInputs()) {
            assertThat(onPremRows().stream().filter(row -> row.covers((Kind) in[0], (boolean) in[1],
                    (boolean) in[2], (boolean) in[3], (boolean) in[4], (boolean) in[5])))
                    .as("%s", List.of(in)).hasSize(1);
        }
    }

    // ---- 3. The cloud verdict ------------------------------------------------------------------------------------

    /** A row of the cloud table; {@code verdict} {@code null} means no row of its own. */
    record CloudRow(String name, Set<Boolean> shares, Set<Boolean> hardClaimed, Set<Boolean> softClaimed,
            Set<Boolean> immutableId, Set<Boolean> synced, Verdict verdict) {
        boolean covers(boolean sh, boolean h, boolean s, boolean i, boolean sy) {
            return shares.contains(sh) && hardClaimed.contains(h) && softClaimed.contains(s)
                    && immutableId.contains(i) && synced.contains(sy);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<CloudRow> cloudRows() {
        return List.of(
                new CloudRow("ImmutableID on several cloud users", YES, ANY, ANY, ANY, ANY,
                        verdict(MatchOutcome.DUPLICATE_ANCHOR, Advice.ANCHOR_ON_SEVERAL_CLOUD_USERS, Export.NONE)),
                new CloudRow("hard-matched: the on-prem row speaks for it", NO, YES, ANY, ANY, ANY, null),
                new CloudRow("soft-matched: the on-prem row speaks for it", NO, NO, YES, ANY, ANY, null),
                new CloudRow("cloud-only without ImmutableID", NO, NO, NO, NO, ANY,
                        verdict(MatchOutcome.OUT_OF_SCOPE, Advice.LEFT_ALONE, Export.NONE)),
                new CloudRow("orphan still synced", NO, NO, NO, YES, YES,
                        verdict(MatchOutcome.CLOUD_ONLY, Advice.ORPHAN_DELETED, Export.DELETE)),
                new CloudRow("orphan no longer synced", NO, NO, NO, YES, NO,
                        verdict(MatchOutcome.CLOUD_ONLY, Advice.ORPHAN_STAYS, Export.NONE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cloudRows")
    void cloud_givesTheRowsVerdictForEveryInputItCovers(CloudRow row) {
        forEveryCloudInput((sh, h, s, i, sy) -> {
            if (row.covers(sh, h, s, i, sy)) {
                assertThat(MatchDecision.cloud(0, new Facts(i, sh, false, sy, h ? 1 : 0, s ? 1 : 0)))
                        .as("shares %s, hard %s, soft %s, ImmutableID %s, synced %s", sh, h, s, i, sy)
                        .isEqualTo(row.verdict());
            }
        });
    }

    @Test
    void cloudRows_coverEveryInputExactlyOnce() {
        forEveryCloudInput((sh, h, s, i, sy) -> assertThat(cloudRows().stream()
                .filter(row -> row.covers(sh, h, s, i, sy))).as("%s %s %s %s %s", sh, h, s, i, sy).hasSize(1));
    }

    private interface CloudInput {
        void accept(boolean shares, boolean hard, boolean soft, boolean immutableId, boolean synced);
    }

    private static void forEveryCloudInput(CloudInput input) {
        for (boolean sh : ANY) {
            for (boolean h : ANY) {
                for (boolean s : ANY) {
                    for (boolean i : ANY) {
                        for (boolean sy : ANY) {
                            input.accept(sh, h, s, i, sy);
                        }
                    }
                }
            }
        }
    }

    // ---- The table as a whole ------------------------------------------------------------------------------------

    @Test
    void everyAdviceAndExport_isSomeRowsAnswer() {
        List<Verdict> verdicts = Stream.concat(onPremRows().stream().map(OnPremRow::verdict),
                cloudRows().stream().map(CloudRow::verdict).filter(v -> v != null)).toList();

        assertThat(verdicts).extracting(Verdict::advice).containsAll(EnumSet.allOf(Advice.class));
        assertThat(verdicts).extracting(Verdict::export).containsAll(EnumSet.allOf(Export.class));
        assertThat(verdicts).extracting(Verdict::adminRole).containsAll(EnumSet.allOf(AdminRole.class));
    }

    @Test
    void ruleKind_recognisesEntrasOwnRulesAndNothingElse() {
        assertThat(RuleKind.of(MatchRule.hardMatch(SourceAnchor.objectGuid()))).isEqualTo(RuleKind.HARD_MATCH);
        assertThat(RuleKind.of(MatchRule.softMatchUserPrincipalName())).isEqualTo(RuleKind.SOFT_MATCH_UPN);
        assertThat(RuleKind.of(MatchRule.softMatchPrimarySmtp())).isEqualTo(RuleKind.SOFT_MATCH_SMTP);
        assertThat(RuleKind.of(MatchRule.attributeEquals("employeeID", "employeeId"))).isEqualTo(RuleKind.CUSTOM);
        assertThat(RuleKind.of(MatchRule.named("upn again", MatchRule.softMatchUserPrincipalName())))
                .isEqualTo(RuleKind.CUSTOM);
    }

    /** Facts about one cloud user, number 0; a question about any other (a pairing without a candidate) fails. */
    private record Facts(boolean immutableId, boolean shares, boolean admin, boolean synced, int hard, int soft)
            implements MatchDecision.CloudFacts {

        private static void only0(int user) {
            assertThat(user).as("asked about a cloud user the pairing does not have").isZero();
        }

        @Override
        public boolean holdsImmutableId(int user) {
            only0(user);
            return immutableId;
        }

        @Override
        public boolean sharesImmutableId(int user) {
            only0(user);
            return shares;
        }

        @Override
        public boolean holdsAdminRole(int user) {
            only0(user);
            return admin;
        }

        @Override
        public boolean synced(int user) {
            only0(user);
            return synced;
        }

        @Override
        public int hardClaims(int user) {
            only0(user);
            return hard;
        }

        @Override
        public int softClaims(int user) {
            only0(user);
            return soft;
        }
    }
}
