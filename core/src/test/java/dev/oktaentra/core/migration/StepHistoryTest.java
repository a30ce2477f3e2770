package dev.oktaentra.core.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The reducer, table-driven: journal entries in, a step's status, counts, message and standing changes out. */
class StepHistoryTest {

    private static final String STEP = "s";
    private static final Change A = OnPremAttribute.change("CN=a", "mail", null, "a@x", "r");
    private static final Change B = OnPremAttribute.change("CN=b", "mail", "old", "b@x", "r");
    private static final Plan TWO = plan(false, List.of(A, B), List.of());
    private static final Plan OTHER = plan(false, List.of(A, B), List.of());
    private static final Plan EMPTY = plan(false, List.of(), List.of());
    private static final Plan ASKS = plan(false, List.of(A), List.of("do this by hand"));

    private static Plan plan(boolean rollback, List<Change> changes, List<String> instructions) {
        return Plan.of(STEP, Instant.EPOCH, rollback, changes, instructions);
    }

    private static JournalEntry planned(Plan plan) {
        return JournalEntry.of(JournalEntry.Type.PLANNED, plan.stepId(), plan.id()).withPlan(plan);
    }

    private static JournalEntry written(Plan plan, Change change) {
        return JournalEntry.of(JournalEntry.Type.CHANGE_APPLIED, STEP, plan.id()).withChange(change, "APPLIED", null,
                null);
    }

    private static JournalEntry failed(Plan plan, Change change) {
        return JournalEntry.of(JournalEntry.Type.CHANGE_FAILED, STEP, plan.id()).withChange(change, "FAILED", null,
                "busy");
    }

    private static JournalEntry stepApplied(Plan plan) {
        return JournalEntry.of(JournalEntry.Type.STEP_APPLIED, STEP, plan.id());
    }

    private static JournalEntry repaired(Change change) {
        return JournalEntry.of(JournalEntry.Type.REPAIRED, STEP, null).withCleared(List.of(change.id()), "ops");
    }

    private static JournalEntry confirmed(String note) {
        return JournalEntry.of(JournalEntry.Type.OPERATOR_CONFIRMED, STEP, null).withOperator("ops", note);
    }

    private static JournalEntry skipped(String reason) {
        return JournalEntry.of(JournalEntry.Type.STEP_SKIPPED, STEP, null).withOperator("ops", reason);
    }

    private static JournalEntry verified(boolean passed, StepFinding... findings) {
        return JournalEntry.of(JournalEntry.Type.STEP_VERIFIED, STEP, null).withVerdict(passed, List.of(findings));
    }

    private static JournalEntry elsewhere(JournalEntry entry) {
        return new JournalEntry(0, Instant.EPOCH, entry.type(), "other", entry.planId(), entry.plan(), entry.change(),
                entry.status(), entry.observed(), entry.message(), entry.operator(), entry.passed(), entry.findings(),
                entry.cleared());
    }

    private static List<JournalEntry> journal(JournalEntry... drafts) {
        List<JournalEntry> entries = new ArrayList<>();
        for (JournalEntry draft : drafts) {
            entries.add(draft.numbered(entries.size() + 1, Instant.EPOCH.plusSeconds(entries.size() + 1)));
        }
        return entries;
    }

    private static Arguments row(String what, StepKind kind, StepStatus status, int planned, int written, int failed,
            String message, JournalEntry... entries) {
        return Arguments.of(what, kind, journal(entries), status, planned, written, failed, message);
    }

    static Stream<Arguments> statuses() {
        StepKind auto = StepKind.AUTOMATED;
        StepKind manual = StepKind.MANUAL;
        return Stream.of(
                row("nothing recorded", auto, StepStatus.PENDING, 0, 0, 0, null),
                row("only another step's entries", auto, StepStatus.PENDING, 0, 0, 0, null,
                        elsewhere(planned(TWO)), elsewhere(skipped("not mine"))),
                row("planned", auto, StepStatus.PLANNED, 2, 0, 0, null, planned(TWO)),
                row("half written, not finished", auto, StepStatus.PLANNED, 2, 1, 0, null, planned(TWO),
                        written(TWO, A)),
                row("written in full", auto, StepStatus.APPLIED, 2, 2, 0, null, planned(TWO), written(TWO, A),
                        written(TWO, B), stepApplied(TWO)),
                row("a failure", auto, StepStatus.FAILED, 2, 1, 1, null, planned(TWO), written(TWO, A),
                        failed(TWO, B)),
                row("a failure repaired", auto, StepStatus.PLANNED, 2, 1, 0, null, planned(TWO), written(TWO, A),
                        failed(TWO, B), repaired(B)),
                row("a failure written on resume", auto, StepStatus.APPLIED, 2, 2, 0, null, planned(TWO),
                        failed(TWO, B), written(TWO, A), written(TWO, B), stepApplied(TWO)),
                row("a failure of an earlier plan", auto, StepStatus.PLANNED, 2, 0, 0, null, planned(OTHER),
                        failed(OTHER, B), planned(TWO)),
                row("an earlier plan applied", auto, StepStatus.PLANNED, 2, 0, 0, null, planned(OTHER),
                        planned(TWO), stepApplied(OTHER)),
                row("verified", auto, StepStatus.VERIFIED, 2, 2, 0, null, planned(TWO), written(TWO, A),
                        written(TWO, B), stepApplied(TWO), verified(true, StepFinding.info("fine"))),
                row("verification failed", auto, StepStatus.FAILED, 2, 2, 0, "2 left", planned(TWO),
                        written(TWO, A), written(TWO, B), stepApplied(TWO),
                        verified(false, StepFinding.info("looked"), StepFinding.error("2 left"))),
                row("a warning is the message", auto, StepStatus.VERIFIED, 0, 0, 0, "careful",
                        verified(true, StepFinding.warning("careful"))),
                row("verified without a plan", auto, StepStatus.VERIFIED, 0, 0, 0, null, verified(true)),
                row("a new plan forgets the verdict", auto, StepStatus.PLANNED, 2, 0, 0, null,
                        verified(false, StepFinding.error("bad")), planned(TWO)),
                row("skipped", auto, StepStatus.SKIPPED, 0, 0, 0, "done by hand", skipped("done by hand")),
                row("skipped, then verified", auto, StepStatus.VERIFIED, 0, 0, 0, null, skipped("later"),
                        verified(true)),
                row("skipped wins over a failure", auto, StepStatus.SKIPPED, 2, 0, 1, "given up", planned(TWO),
                        failed(TWO, A), skipped("given up")),
                row("manual, planned", manual, StepStatus.WAITING_FOR_OPERATOR, 0, 0, 0, null, planned(EMPTY)),
                row("manual, confirmed", manual, StepStatus.APPLIED, 0, 0, 0, "wizard done", planned(EMPTY),
                        confirmed("wizard done")),
                row("manual, confirmed before its plan", manual, StepStatus.WAITING_FOR_OPERATOR, 0, 0, 0, null,
                        confirmed("too early"), planned(EMPTY)),
                row("empty automated plan", auto, StepStatus.PLANNED, 0, 0, 0, null, planned(EMPTY)),
                row("instructions, written, unconfirmed", auto, StepStatus.WAITING_FOR_OPERATOR, 1, 1, 0, null,
                        planned(ASKS), written(ASKS, A), stepApplied(ASKS)),
                row("instructions, not yet written", auto, StepStatus.PLANNED, 1, 0, 0, null, planned(ASKS)),
                row("instructions, written and confirmed", auto, StepStatus.APPLIED, 1, 1, 0, "done", planned(ASKS),
                        written(ASKS, A), stepApplied(ASKS), confirmed("done")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statuses")
    void info_foldsTheJournal(String what, StepKind kind, List<JournalEntry> entries, StepStatus status, int planned,
            int written, int failed, String message) {
        StepInfo info = StepHistory.of(STEP, entries).info("title", kind);

        assertThat(info.status()).isEqualTo(status);
        assertThat(info.planned()).as("planned").isEqualTo(planned);
        assertThat(info.applied()).as("written").isEqualTo(written);
        assertThat(info.failed()).as("failed").isEqualTo(failed);
        assertThat(info.message()).as("message").isEqualTo(message);
        assertThat(info.lastEvent()).isEqualTo(entries.stream().filter(e -> e.step().equals(STEP))
                .map(JournalEntry::at).reduce((x, y) -> y).orElse(null));
    }

    private static final Change A_TO_C = OnPremAttribute.change("CN=a", "mail", "a@x", "c@x", "r");
    private static final Change A_BACK = OnPremAttribute.change("CN=a", "mail", "a@x", null, "r");
    private static final Plan FIRST = plan(false, List.of(A, B), List.of());
    private static final Plan SECOND = plan(false, List.of(A_TO_C), List.of());
    private static final Plan BACK = plan(false, List.of(A_BACK), List.of());
    private static final Plan UNDO = plan(true, List.of(A_BACK), List.of());

    static Stream<Arguments> standing() {
        return Stream.of(
                Arguments.of("nothing written", journal(planned(FIRST)), List.of()),
                Arguments.of("each written change, oldest first", journal(planned(FIRST), written(FIRST, A),
                        written(FIRST, B)), List.of("CN=a: null -> a@x", "CN=b: old -> b@x")),
                Arguments.of("a failed change does not stand", journal(planned(FIRST), failed(FIRST, A),
                        written(FIRST, B)), List.of("CN=b: old -> b@x")),
                Arguments.of("two forward writes of one slot stand as one", journal(planned(FIRST),
                        written(FIRST, A), planned(SECOND), written(SECOND, A_TO_C)), List.of("CN=a: null -> c@x")),
                Arguments.of("a forward write back to the start stands no more", journal(planned(FIRST),
                        written(FIRST, A), planned(BACK), written(BACK, A_BACK)), List.of()),
                Arguments.of("a rollback's write undoes its slot", journal(planned(FIRST), written(FIRST, A),
                        written(FIRST, B), planned(UNDO), written(UNDO, A_BACK)), List.of("CN=b: old -> b@x")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("standing")
    void standingChanges_foldsForwardWritesAndRollbacks(String what, List<JournalEntry> entries, List<String> want) {
        assertThat(StepHistory.of(STEP, entries).standingChanges())
                .extracting(c -> c.target() + ": " + c.before() + " -> " + c.after())
                .containsExactlyElementsOf(want);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statuses")
    void writtenAndFailedIds_agreeWithTheCounts(String what, StepKind kind, List<JournalEntry> entries,
            StepStatus status, int planned, int written, int failed, String message) {
        StepHistory history = StepHistory.of(STEP, entries);
        String latest = history.latestPlan().map(Plan::id).orElse("none");

        assertThat(history.writtenChangeIds(latest)).hasSize(written);
        assertThat(history.openFailures(latest)).hasSize(failed);
    }

    static Stream<Arguments> confirmations() {
        return Stream.of(
                Arguments.of("nothing recorded", journal(), false),
                Arguments.of("confirmed without a plan", journal(confirmed("early")), false),
                Arguments.of("confirmed after the plan", journal(planned(EMPTY), confirmed("done")), true),
                Arguments.of("confirmed before the latest plan", journal(planned(EMPTY), confirmed("done"),
                        planned(ASKS)), false),
                Arguments.of("another step confirmed", journal(planned(EMPTY), elsewhere(confirmed("done"))), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("confirmations")
    void confirmedSinceLatestPlan_onlyCountsAConfirmationAfterTheLatestPlan(String what, List<JournalEntry> entries,
            boolean confirmed) {
        assertThat(StepHistory.of(STEP, entries).confirmedSinceLatestPlan()).isEqualTo(confirmed);
    }
}
