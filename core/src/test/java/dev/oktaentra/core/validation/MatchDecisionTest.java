package dev.oktaentra.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.match.BlockReason;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.match.MatchRule;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.tenant.SyncFeatures;
import dev.oktaentra.core.validation.MatchDecision.RuleKind;
import dev.oktaentra.core.validation.Pairing.Claim;
import dev.oktaentra.core.validation.Pairing.Kind;
import dev.oktaentra.core.validation.Verdict.Advice;
import dev.oktaentra.core.validation.Verdict.Blocked;
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
    private static final Set<RuleKind> ENTRA_SOFT = EnumSet.of(RuleKind.SOFT_MATCH_UPN, RuleKind.SOFT_MATCH_SMTP);
    private static final Set<RuleKind> MAIL = EnumSet.of(RuleKind.SOFT_MATCH_MAIL);
    private static final Set<RuleKind> CUSTOM = EnumSet.of(RuleKind.CUSTOM);
    private static final Set<RuleKind> OFF = EnumSet.of(RuleKind.SWITCHED_OFF);
    private static final Set<RuleKind> SOFT = EnumSet.of(RuleKind.SOFT_MATCH_UPN, RuleKind.SOFT_MATCH_SMTP,
            RuleKind.SOFT_MATCH_MAIL, RuleKind.CUSTOM, RuleKind.SWITCHED_OFF);
    private static final Set<Kind> SINGLE_SOFT = EnumSet.of(Kind.SOFT, Kind.SOFT_CUSTOM, Kind.SOFT_MAIL,
            Kind.SOFT_SWITCHED_OFF);
    private static final Set<Kind> UNDECIDED = EnumSet.of(Kind.NONE, Kind.SOFT, Kind.SOFT_CUSTOM, Kind.SOFT_MAIL,
            Kind.SOFT_SWITCHED_OFF);
    private static final Set<Boolean> ANY = Set.of(true, false);
    private static final Set<Boolean> YES = Set.of(true);
    private static final Set<Boolean> NO = Set.of(false);
    /** Found counts: none, one, several. */
    private static final Set<Integer> ANY_COUNT = Set.of(0, 1, 2);
    private static final Set<Integer> NONE_FOUND = Set.of(0);
    private static final Set<Integer> ONE = Set.of(1);
    private static final Set<Integer> SEVERAL = Set.of(2);

    private static final int EARLIER_RULE = 1;
    private static final int EARLIER_CANDIDATE = 7;
    private static final int THIS_RULE = 2;

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
     * @param sofar the pairings before the rule the row covers: NONE (nothing found yet) or a single soft candidate
     * @param rules the rule kinds the row covers
     * @param found how many cloud users the rule found
     * @param sameUser whether the first found is the earlier candidate
     * @param then the pairing's kind after the rule; ignored for {@link Keeps#UNCHANGED}
     */
    record PairingRow(String name, Set<Kind> sofar, Set<RuleKind> rules, Set<Integer> found, Set<Boolean> sameUser,
            Kind then, Keeps keeps) {
        boolean covers(Kind k, RuleKind rule, int n, boolean same) {
            return sofar.contains(k) && rules.contains(rule) && found.contains(n) && sameUser.contains(same);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<PairingRow> pairingRows() {
        Set<Kind> none = EnumSet.of(Kind.NONE);
        return List.of(
                new PairingRow("a rule that finds nothing changes nothing", UNDECIDED, ANY_RULE, NONE_FOUND, ANY,
                        null, Keeps.UNCHANGED),
                new PairingRow("the hard match finds one: decided", none, HARD, ONE, ANY, Kind.HARD, Keeps.FOUND),
                new PairingRow("the hard match finds several: decided", none, HARD, SEVERAL, ANY, Kind.HARD_SEVERAL,
                        Keeps.FOUND),
                new PairingRow("an Entra soft rule finds one: later rules must agree", none, ENTRA_SOFT, ONE, ANY,
                        Kind.SOFT, Keeps.FOUND),
                new PairingRow("the mail fallback finds one: unconfirmed", none, MAIL, ONE, ANY, Kind.SOFT_MAIL,
                        Keeps.FOUND),
                new PairingRow("a custom rule finds one: not Entra's", none, CUSTOM, ONE, ANY, Kind.SOFT_CUSTOM,
                        Keeps.FOUND),
                new PairingRow("a soft rule the tenant switches off finds one: the pair Entra would make", none, OFF,
                        ONE, ANY, Kind.SOFT_SWITCHED_OFF, Keeps.FOUND),
                new PairingRow("a soft rule finds several: decided", none, SOFT, SEVERAL, ANY, Kind.SOFT_SEVERAL,
                        Keeps.NO_CANDIDATE),
                new PairingRow("after a soft candidate, the hard match finding it alone leaves it to settle",
                        SINGLE_SOFT, HARD, ONE, YES, null, Keeps.UNCHANGED),
                new PairingRow("after a soft candidate, the hard match finding another user wins: Entra's comes first",
                        SINGLE_SOFT, HARD, ONE, NO, Kind.HARD, Keeps.FOUND),
                new PairingRow("after a soft candidate, the hard match finding several wins", SINGLE_SOFT, HARD,
                        SEVERAL, ANY, Kind.HARD_SEVERAL, Keeps.FOUND),
                new PairingRow("an Entra soft candidate stays Entra's when any soft rule agrees",
                        EnumSet.of(Kind.SOFT), SOFT, ONE, YES, null, Keeps.UNCHANGED),
                new PairingRow("an Entra soft rule confirms a custom, mail or switched-off candidate: Entra's now",
                        EnumSet.of(Kind.SOFT_CUSTOM, Kind.SOFT_MAIL, Kind.SOFT_SWITCHED_OFF), ENTRA_SOFT, ONE, YES,
                        Kind.SOFT, Keeps.FOUND),
                new PairingRow("the mail fallback confirms a custom or switched-off candidate: unconfirmed still",
                        EnumSet.of(Kind.SOFT_CUSTOM, Kind.SOFT_SWITCHED_OFF), MAIL, ONE, YES, Kind.SOFT_MAIL,
                        Keeps.FOUND),
                new PairingRow("a switched-off rule confirms a custom candidate: Entra would pair it",
                        EnumSet.of(Kind.SOFT_CUSTOM), OFF, ONE, YES, Kind.SOFT_SWITCHED_OFF, Keeps.FOUND),
                new PairingRow("a custom rule agrees with a custom candidate", EnumSet.of(Kind.SOFT_CUSTOM), CUSTOM,
                        ONE, YES, null, Keeps.UNCHANGED),
                new PairingRow("a custom rule, the fallback or a switched-off rule agrees with a mail candidate",
                        EnumSet.of(Kind.SOFT_MAIL), EnumSet.of(RuleKind.SOFT_MATCH_MAIL, RuleKind.CUSTOM,
                                RuleKind.SWITCHED_OFF), ONE, YES, null, Keeps.UNCHANGED),
                new PairingRow("a custom or switched-off rule agrees with a switched-off candidate",
                        EnumSet.of(Kind.SOFT_SWITCHED_OFF), EnumSet.of(RuleKind.CUSTOM, RuleKind.SWITCHED_OFF), ONE,
                        YES, null, Keeps.UNCHANGED),
                new PairingRow("a later soft rule finds another user: disagrees", SINGLE_SOFT, SOFT, ONE, NO,
                        Kind.RULES_DISAGREE, Keeps.EARLIER),
                new PairingRow("a later soft rule finds several: disagrees", SINGLE_SOFT, SOFT, SEVERAL, ANY,
                        Kind.RULES_DISAGREE, Keeps.EARLIER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairingRows")
    void afterRule_followsTheRowForEveryInputItCovers(PairingRow row) {
        for (Kind k : UNDECIDED) {
            for (RuleKind rule : RuleKind.values()) {
                for (int n : ANY_COUNT) {
                    for (boolean same : ANY) {
                        if (!row.covers(k, rule, n, same)) {
                            continue;
                        }
                        Pairing sofar = k == Kind.NONE ? Pairing.START
                                : new Pairing(k, EARLIER_CANDIDATE, EARLIER_RULE);
                        int first = same ? EARLIER_CANDIDATE : EARLIER_CANDIDATE + 1;

                        Pairing after = MatchDecision.afterRule(sofar, THIS_RULE, rule, n, first);

                        String as = k + ", " + rule + " finds " + n;
                        switch (row.keeps()) {
                            case UNCHANGED -> assertThat(after).as(as).isEqualTo(sofar);
                            case FOUND -> assertThat(after).as(as).isEqualTo(new Pairing(row.then(), first, THIS_RULE));
                            case NO_CANDIDATE -> assertThat(after).as(as)
                                    .isEqualTo(new Pairing(row.then(), -1, THIS_RULE));
                            case EARLIER -> assertThat(after).as(as)
                                    .isEqualTo(new Pairing(row.then(), EARLIER_CANDIDATE, EARLIER_RULE));
                            default -> throw new IllegalStateException();
                        }
                    }
                }
            }
        }
    }

    /**
     * Rules that decided before reaching a hard rule (several soft candidates, disagreeing rules), or list none:
     * Entra's hard match still comes first, so the anchor's holder is the pair; a hard or unreadable pairing stays.
     */
    @Test
    void hardMatchFirst_overridesWhatTheSoftRulesDecided_butNotAHardOrInvalidPairing() {
        int other = EARLIER_CANDIDATE + 1;
        for (Kind k : List.of(Kind.NONE, Kind.SOFT_SEVERAL, Kind.RULES_DISAGREE, Kind.SOFT, Kind.SOFT_CUSTOM)) {
            Pairing sofar = new Pairing(k, EARLIER_CANDIDATE, EARLIER_RULE);
            assertThat(MatchDecision.hardMatchFirst(sofar, -1, 1, other)).as("%s", k)
                    .isEqualTo(new Pairing(Kind.HARD, other, -1));
            assertThat(MatchDecision.hardMatchFirst(sofar, 3, 2, other)).as("%s", k)
                    .isEqualTo(new Pairing(Kind.HARD_SEVERAL, other, 3));
            assertThat(MatchDecision.hardMatchFirst(sofar, -1, 0, other)).as("%s", k).isSameAs(sofar);
        }
        for (Kind k : List.of(Kind.HARD, Kind.HARD_SEVERAL, Kind.INVALID)) {
            Pairing sofar = new Pairing(k, EARLIER_CANDIDATE, EARLIER_RULE);
            assertThat(MatchDecision.hardMatchFirst(sofar, -1, 1, other)).as("%s", k).isSameAs(sofar);
        }
        Pairing soft = new Pairing(Kind.SOFT, other, EARLIER_RULE);
        assertThat(MatchDecision.hardMatchFirst(soft, -1, 1, other)).as("the soft candidate holds the anchor: settle")
                .isSameAs(soft);
    }

    @Test
    void pairingRows_coverEveryInputExactlyOnce() {
        for (Kind k : UNDECIDED) {
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
        record Row(Kind kind, boolean decided, Claim claim, boolean oneCandidate, boolean mayAdd) {
        }
        List<Row> rows = List.of(
                new Row(Kind.INVALID, true, Claim.NONE, false, false),
                new Row(Kind.NONE, false, Claim.NONE, false, true),
                new Row(Kind.HARD, true, Claim.HARD_EACH_FOUND, true, false),
                new Row(Kind.HARD_SEVERAL, true, Claim.HARD_EACH_FOUND, false, false),
                new Row(Kind.SOFT, false, Claim.SOFT, true, true),
                new Row(Kind.SOFT_SEVERAL, true, Claim.NONE, false, false),
                new Row(Kind.RULES_DISAGREE, true, Claim.NONE, false, false),
                new Row(Kind.SOFT_SAME_ANCHOR, true, Claim.HARD, true, false),
                new Row(Kind.SOFT_CUSTOM, false, Claim.SOFT, true, true),
                new Row(Kind.SOFT_MAIL, false, Claim.SOFT, true, true),
                new Row(Kind.OUT_OF_SCOPE, true, Claim.NONE, false, false),
                new Row(Kind.SOFT_SWITCHED_OFF, false, Claim.SOFT, true, true));

        assertThat(rows).extracting(Row::kind).containsExactly(Kind.values());
        for (Row row : rows) {
            Pairing pairing = new Pairing(row.kind(), 3, 0);
            assertThat(pairing.decided()).as("%s decided", row.kind()).isEqualTo(row.decided());
            assertThat(pairing.claim()).as("%s claim", row.kind()).isEqualTo(row.claim());
            assertThat(pairing.oneCandidate()).as("%s one candidate", row.kind()).isEqualTo(row.oneCandidate());
            assertThat(pairing.mayAdd()).as("%s may add", row.kind()).isEqualTo(row.mayAdd());
            assertThat(Kind.of(row.kind().code())).isEqualTo(row.kind());
        }
    }

    @Test
    void ruleFailed_isInvalidWhileUndecided_andRefusedOnceDecided() {
        assertThat(MatchDecision.ruleFailed(Pairing.START)).isEqualTo(Pairing.INVALID);
        for (Kind soft : SINGLE_SOFT) {
            assertThat(MatchDecision.ruleFailed(new Pairing(soft, 7, 1))).isEqualTo(Pairing.INVALID);
        }
        assertThatThrownBy(() -> MatchDecision.ruleFailed(new Pairing(Kind.HARD, 3, 0)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void settle_makesASoftCandidateHoldingTheAnchorTheHardMatch_andLeavesEveryOtherPairing() {
        for (Kind soft : SINGLE_SOFT) {
            Pairing pairing = new Pairing(soft, EARLIER_CANDIDATE, EARLIER_RULE);
            assertThat(MatchDecision.settle(pairing, true))
                    .isEqualTo(new Pairing(Kind.SOFT_SAME_ANCHOR, EARLIER_CANDIDATE, EARLIER_RULE));
            assertThat(MatchDecision.settle(pairing, false)).isEqualTo(pairing);
        }
        for (Kind kind : Kind.values()) {
            Pairing other = new Pairing(kind, 3, 0);
            if (!SINGLE_SOFT.contains(kind)) {
                assertThat(MatchDecision.settle(other, true)).isEqualTo(other);
                assertThat(MatchDecision.settle(other, false)).isEqualTo(other);
            }
        }
    }

    // ---- 1b. The tenant's features and what blocks a takeover -------------------------------------------------------

    /**
     * Which look-ups can pair, per Microsoft's feature descriptions: BlockSoftMatch "blocks the Soft Match feature";
     * the UPN soft match needs SoftMatchOnUpn; the primary SMTP address "is always enabled"; custom rules are ours.
     */
    @Test
    void pairs_followsTheTenantsSoftMatchFeatures() {
        for (boolean block : ANY) {
            for (boolean upn : ANY) {
                SyncFeatures features = new SyncFeatures(block, false, upn, false);
                assertThat(MatchDecision.pairs(RuleKind.HARD_MATCH, features)).isTrue();
                assertThat(MatchDecision.pairs(RuleKind.CUSTOM, features)).isTrue();
                assertThat(MatchDecision.pairs(RuleKind.SOFT_MATCH_SMTP, features)).isEqualTo(!block);
                assertThat(MatchDecision.pairs(RuleKind.SOFT_MATCH_MAIL, features)).isEqualTo(!block);
                assertThat(MatchDecision.pairs(RuleKind.SOFT_MATCH_UPN, features)).isEqualTo(!block && upn);
                assertThat(MatchDecision.pairs(RuleKind.SWITCHED_OFF, features)).isFalse();
                for (RuleKind kind : RuleKind.values()) {
                    assertThat(kind.under(features)).as("%s under %s", kind, features)
                            .isEqualTo(MatchDecision.pairs(kind, features) ? kind : RuleKind.SWITCHED_OFF);
                }
                assertThat(MatchDecision.switchedOff(features)).isEqualTo(bit(block
                        ? BlockReason.TENANT_BLOCKS_SOFT_MATCH : BlockReason.SOFT_MATCH_ON_UPN_OFF));
            }
        }
    }

    @Test
    void blocks_namesEveryReasonThatApplies_theTenantBlockForHardMatchesOnly_andTheAllowanceLiftsTheIdentifier() {
        SyncFeatures none = new SyncFeatures(false, false, true, false);
        SyncFeatures tenantBlocks = new SyncFeatures(false, true, true, false);
        SyncFeatures allowance = new SyncFeatures(false, false, true, true);

        assertThat(MatchDecision.blocks(true, false, false, false, false, none)).isZero();
        assertThat(MatchDecision.blocks(true, true, false, false, false, none)).isEqualTo(bit(BlockReason.ADMIN_ROLE));
        assertThat(MatchDecision.blocks(false, false, true, false, false, none))
                .isEqualTo(bit(BlockReason.ELIGIBLE_ADMIN_ROLE));
        assertThat(MatchDecision.blocks(true, false, false, true, false, none))
                .isEqualTo(bit(BlockReason.ON_PREM_OBJECT_IDENTIFIER));
        assertThat(MatchDecision.blocks(true, false, false, true, false, allowance)).isZero();
        assertThat(MatchDecision.blocks(false, false, false, false, true, none))
                .isEqualTo(bit(BlockReason.CLOUD_MANAGED));
        assertThat(MatchDecision.blocks(true, false, false, false, false, tenantBlocks))
                .isEqualTo(bit(BlockReason.TENANT_BLOCKS_HARD_MATCH));
        assertThat(MatchDecision.blocks(false, false, false, false, false, tenantBlocks)).isZero();
        assertThat(MatchDecision.blocks(true, true, true, true, true, tenantBlocks)).isEqualTo(0b11111);
    }

    private static int bit(BlockReason reason) {
        return 1 << reason.ordinal();
    }

    @Test
    void diagnose_namesAKnownMistakeFirst_thenADifferingConsistencyGuid() {
        ObjectGuid objectGuid = Users.guidOf("ann");
        ObjectGuid consistency = Users.guidOf("old-connect");
        String expected = consistency.toImmutableId().value();
        String oktas = objectGuid.toImmutableId().value();

        assertThat(MatchDecision.diagnose(expected, oktas, true)).isEqualTo(MismatchCause.CONSISTENCY_GUID_DIFFERS);
        assertThat(MatchDecision.diagnose(expected, oktas, false)).isEqualTo(MismatchCause.UNRELATED);
        assertThat(MatchDecision.diagnose(expected, expected.toLowerCase(java.util.Locale.ROOT), true))
                .isEqualTo(MismatchCause.CASE_CHANGED);
        assertThat(MatchDecision.diagnose(expected, null, true)).isNull();
    }

    // ---- 2. The on-prem verdict --------------------------------------------------------------------------------

    private static Verdict verdict(MatchOutcome outcome, Advice advice, Export export, Blocked blocked,
            boolean takesOver) {
        return new Verdict(outcome, advice, export, blocked, takesOver);
    }

    private static Verdict verdict(MatchOutcome outcome, Advice advice, Export export) {
        return verdict(outcome, advice, export, Blocked.NONE, false);
    }

    /** The inputs of the on-prem table, one per question the table may ask. */
    record OnPremInput(Kind kind, boolean duplicate, boolean hardClaimed, boolean softClaimedTwice,
            boolean immutableId, boolean hardBlocked, boolean softBlocked, boolean collides) {
    }

    /**
     * A row of the on-prem table.
     *
     * @param duplicate whether another on-prem object yields the same anchor
     * @param hardClaimed whether the candidate has a hard claim
     * @param softClaimedTwice whether the candidate has two or more soft claims (else one)
     * @param immutableId whether the candidate has an ImmutableID
     * @param hardBlocked whether something blocks a hard match onto the candidate
     * @param softBlocked whether something blocks a soft match onto it
     * @param collides whether a cloud user holds the object's UPN or an address
     */
    record OnPremRow(String name, Set<Kind> kinds, Set<Boolean> duplicate, Set<Boolean> hardClaimed,
            Set<Boolean> softClaimedTwice, Set<Boolean> immutableId, Set<Boolean> hardBlocked,
            Set<Boolean> softBlocked, Set<Boolean> collides, Verdict verdict) {
        boolean covers(OnPremInput in) {
            return kinds.contains(in.kind()) && duplicate.contains(in.duplicate())
                    && hardClaimed.contains(in.hardClaimed()) && softClaimedTwice.contains(in.softClaimedTwice())
                    && immutableId.contains(in.immutableId()) && hardBlocked.contains(in.hardBlocked())
                    && softBlocked.contains(in.softBlocked()) && collides.contains(in.collides());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Set<Kind> kinds(Kind first, Kind... rest) {
        return EnumSet.of(first, rest);
    }

    /** A row that reads only the pairing, whether the anchor is duplicated, and whether the add collides. */
    private static OnPremRow row(String name, Set<Kind> kinds, Set<Boolean> duplicate, Set<Boolean> collides,
            Verdict verdict) {
        return new OnPremRow(name, kinds, duplicate, ANY, ANY, ANY, ANY, ANY, collides, verdict);
    }

    static List<OnPremRow> onPremRows() {
        Set<Kind> noted = kinds(Kind.HARD_SEVERAL, Kind.SOFT_SEVERAL, Kind.RULES_DISAGREE);
        Set<Kind> hard = kinds(Kind.HARD, Kind.SOFT_SAME_ANCHOR);
        return List.of(
                row("unreadable, or a rule failed", kinds(Kind.INVALID), ANY, ANY,
                        verdict(MatchOutcome.INVALID, Advice.READ_FAILURE, Export.NONE)),
                row("left out by Connect's default rules", kinds(Kind.OUT_OF_SCOPE), ANY, ANY,
                        verdict(MatchOutcome.OUT_OF_SCOPE, Advice.DEFAULT_SCOPE, Export.NONE)),
                row("anchor on two on-prem objects, candidates noted", noted, YES, ANY,
                        verdict(MatchOutcome.DUPLICATE_ANCHOR, Advice.PAIRING_NOTE, Export.NONE)),
                row("anchor on two on-prem objects", kinds(Kind.NONE, Kind.HARD, Kind.SOFT, Kind.SOFT_SAME_ANCHOR,
                        Kind.SOFT_CUSTOM, Kind.SOFT_MAIL, Kind.SOFT_SWITCHED_OFF), YES, ANY,
                        verdict(MatchOutcome.DUPLICATE_ANCHOR, Advice.ANCHOR_ON_SEVERAL_OBJECTS, Export.NONE)),
                row("ImmutableID on several cloud users", kinds(Kind.HARD_SEVERAL), NO, ANY,
                        verdict(MatchOutcome.DUPLICATE_ANCHOR, Advice.PAIRING_NOTE, Export.NONE)),
                new OnPremRow("hard match", hard, NO, ANY, ANY, ANY, NO, ANY, ANY,
                        verdict(MatchOutcome.MATCHED, Advice.NOTHING_TO_DO, Export.UPDATE, Blocked.NONE, true)),
                new OnPremRow("hard match Entra ID blocks", hard, NO, ANY, ANY, ANY, YES, ANY, ANY,
                        verdict(MatchOutcome.HARD_MATCH_BLOCKED, Advice.HARD_MATCH_BLOCKED, Export.CONFLICTING_ADD,
                                Blocked.HARD_MATCH, true)),
                row("a rule finds several, or rules disagree", kinds(Kind.SOFT_SEVERAL, Kind.RULES_DISAGREE), NO, ANY,
                        verdict(MatchOutcome.AMBIGUOUS, Advice.PAIRING_NOTE, Export.NONE)),
                new OnPremRow("soft match onto a user another object hard-matches", SINGLE_SOFT, NO, YES, ANY, ANY,
                        ANY, ANY, NO, verdict(MatchOutcome.ONPREM_ONLY, Advice.COUNTERPART_TAKEN, Export.ADD)),
                new OnPremRow("soft match onto a user another object hard-matches, colliding", SINGLE_SOFT, NO, YES,
                        ANY, ANY, ANY, ANY, YES,
                        verdict(MatchOutcome.ONPREM_ONLY, Advice.COUNTERPART_TAKEN, Export.CONFLICTING_ADD)),
                new OnPremRow("soft match onto a user others soft-match too", SINGLE_SOFT, NO, NO, YES, ANY, ANY, ANY,
                        ANY, verdict(MatchOutcome.AMBIGUOUS, Advice.SEVERAL_OBJECTS_SOFT_MATCH, Export.NONE)),
                new OnPremRow("soft match onto another ImmutableID: never soft-matched", SINGLE_SOFT, NO, NO, NO, YES,
                        ANY, ANY, ANY, verdict(MatchOutcome.ANCHOR_MISMATCH, Advice.FIX_ANCHOR,
                                Export.CONFLICTING_ADD)),
                new OnPremRow("only a custom rule finds a user without ImmutableID", kinds(Kind.SOFT_CUSTOM), NO, NO,
                        NO, NO, ANY, ANY, ANY, verdict(MatchOutcome.CUSTOM_MATCH_ONLY, Advice.STAMP_IMMUTABLE_ID,
                                Export.CONFLICTING_ADD, Blocked.NONE, true)),
                new OnPremRow("only the mail fallback finds a user without ImmutableID", kinds(Kind.SOFT_MAIL), NO, NO,
                        NO, NO, ANY, ANY, ANY, verdict(MatchOutcome.AMBIGUOUS, Advice.MAIL_SOFT_MATCH_UNCONFIRMED,
                                Export.CONFLICTING_ADD, Blocked.NONE, true)),
                new OnPremRow("Entra's soft match onto a user without ImmutableID", kinds(Kind.SOFT), NO, NO, NO, NO,
                        ANY, NO, ANY, verdict(MatchOutcome.SOFT_MATCH_ONLY, Advice.SOFT_MATCH_TAKES_OVER,
                                Export.UPDATE, Blocked.NONE, true)),
                new OnPremRow("Entra's soft match Entra ID blocks", kinds(Kind.SOFT), NO, NO, NO, NO, ANY, YES, ANY,
                        verdict(MatchOutcome.SOFT_MATCH_ONLY, Advice.SOFT_MATCH_BLOCKED, Export.CONFLICTING_ADD,
                                Blocked.SOFT_MATCH, true)),
                new OnPremRow("a soft match the tenant switches off, onto a user without ImmutableID",
                        kinds(Kind.SOFT_SWITCHED_OFF), NO, NO, NO, NO, ANY, ANY, ANY,
                        verdict(MatchOutcome.SOFT_MATCH_ONLY, Advice.SOFT_MATCH_BLOCKED, Export.CONFLICTING_ADD,
                                Blocked.SOFT_MATCH_SWITCHED_OFF, true)),
                row("nothing found", kinds(Kind.NONE), NO, NO,
                        verdict(MatchOutcome.ONPREM_ONLY, Advice.NEW_USER, Export.ADD)),
                row("nothing found, but a cloud user holds the UPN or an address", kinds(Kind.NONE), NO, YES,
                        verdict(MatchOutcome.ONPREM_ONLY, Advice.NEW_USER, Export.CONFLICTING_ADD)));
    }

    /** Every input of the on-prem table. */
    private static List<OnPremInput> onPremInputs() {
        List<OnPremInput> inputs = new ArrayList<>();
        for (Kind k : Kind.values()) {
            for (int bits = 0; bits < 1 << 7; bits++) {
                inputs.add(new OnPremInput(k, (bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0,
                        (bits & 16) != 0, (bits & 32) != 0, (bits & 64) != 0));
            }
        }
        return inputs;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onPremRows")
    void onPrem_givesTheRowsVerdictForEveryInputItCovers(OnPremRow row) {
        for (OnPremInput in : onPremInputs()) {
            if (!row.covers(in)) {
                continue;
            }
            Kind k = in.kind();
            int candidate = k == Kind.INVALID || k == Kind.NONE || k == Kind.SOFT_SEVERAL || k == Kind.OUT_OF_SCOPE
                    ? -1 : 0;
            Facts facts = new Facts(in.immutableId(), false, false, in.hardClaimed() ? 1 : 0,
                    in.softClaimedTwice() ? 2 : 1, in.hardBlocked() ? 1 : 0, in.softBlocked() ? 1 : 0);

            assertThat(MatchDecision.onPrem(k, in.duplicate(), candidate, facts, in.collides()))
                    .as("%s", in).isEqualTo(row.verdict());
        }
    }

    @Test
    void onPremRows_coverEveryInputExactlyOnce() {
        for (OnPremInput in : onPremInputs()) {
            assertThat(onPremRows().stream().filter(row -> row.covers(in))).as("%s", in).hasSize(1);
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
                new CloudRow("orphan still synced: left behind, not deleted", NO, NO, NO, YES, YES,
                        verdict(MatchOutcome.CLOUD_ONLY, Advice.ORPHAN_LEFT_SYNCED, Export.NONE)),
                new CloudRow("orphan no longer synced", NO, NO, NO, YES, NO,
                        verdict(MatchOutcome.CLOUD_ONLY, Advice.ORPHAN_STAYS, Export.NONE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cloudRows")
    void cloud_givesTheRowsVerdictForEveryInputItCovers(CloudRow row) {
        forEveryCloudInput((sh, h, s, i, sy) -> {
            if (row.covers(sh, h, s, i, sy)) {
                assertThat(MatchDecision.cloud(0, new Facts(i, sh, sy, h ? 1 : 0, s ? 1 : 0, 0, 0)))
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
    void everyAdviceExportAndBlock_isSomeRowsAnswer() {
        List<Verdict> verdicts = Stream.concat(onPremRows().stream().map(OnPremRow::verdict),
                cloudRows().stream().map(CloudRow::verdict).filter(v -> v != null)).toList();

        assertThat(verdicts).extracting(Verdict::advice).containsAll(EnumSet.allOf(Advice.class));
        assertThat(verdicts).extracting(Verdict::export).containsAll(EnumSet.allOf(Export.class));
        assertThat(verdicts).extracting(Verdict::blocked).containsAll(EnumSet.allOf(Blocked.class));
        assertThat(verdicts).extracting(Verdict::outcome).containsAll(EnumSet.allOf(MatchOutcome.class));
    }

    @Test
    void ruleKind_recognisesEntrasOwnRulesAndNothingElse_andTheMailFallbackPerObject() {
        assertThat(RuleKind.of(MatchRule.hardMatch(SourceAnchor.objectGuid()))).isEqualTo(RuleKind.HARD_MATCH);
        assertThat(RuleKind.of(MatchRule.softMatchUserPrincipalName())).isEqualTo(RuleKind.SOFT_MATCH_UPN);
        assertThat(RuleKind.of(MatchRule.softMatchPrimarySmtp())).isEqualTo(RuleKind.SOFT_MATCH_SMTP);
        assertThat(RuleKind.of(MatchRule.attributeEquals("employeeID", "employeeId"))).isEqualTo(RuleKind.CUSTOM);
        assertThat(RuleKind.of(MatchRule.named("upn again", MatchRule.softMatchUserPrincipalName())))
                .isEqualTo(RuleKind.CUSTOM);
        assertThat(RuleKind.SOFT_MATCH_SMTP.forObject(true)).isEqualTo(RuleKind.SOFT_MATCH_MAIL);
        assertThat(RuleKind.SOFT_MATCH_SMTP.forObject(false)).isEqualTo(RuleKind.SOFT_MATCH_SMTP);
        assertThat(RuleKind.SOFT_MATCH_UPN.forObject(true)).isEqualTo(RuleKind.SOFT_MATCH_UPN);
    }

    /** Facts about one cloud user, number 0; a question about any other (a pairing without a candidate) fails. */
    private record Facts(boolean immutableId, boolean shares, boolean synced, int hard, int soft, int hardBlocks,
            int softBlocks) implements MatchDecision.CloudFacts {

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

        @Override
        public int blocks(int user, boolean hardMatch) {
            only0(user);
            return hardMatch ? hardBlocks : softBlocks;
        }
    }
}
