package dev.oktaentra.core.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of the {@link Journal}: something that happened, never edited afterwards.
 *
 * @param seq the entry's number, from 1, without gaps
 * @param at when it was recorded
 * @param type what happened
 * @param step the step it concerns
 * @param planId the plan it concerns, or {@code null}
 * @param plan the whole plan, for {@link Type#PLANNED}
 * @param change the change, for {@link Type#CHANGE_APPLIED} and {@link Type#CHANGE_FAILED}
 * @param status the write's status ({@code APPLIED}, {@code ALREADY_APPLIED}, {@code CONFLICT}, …), or {@code null}
 * @param observed the value found before writing, when known
 * @param message a sentence for a person (an error, a reason, an operator's note), or {@code null}
 * @param operator who confirmed, skipped or repaired, or {@code null}
 * @param passed the verification's verdict, for {@link Type#STEP_VERIFIED}
 * @param findings the verification's findings, for {@link Type#STEP_VERIFIED}
 * @param cleared the ids of the changes a repair cleared, for {@link Type#REPAIRED}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JournalEntry(
        long seq,
        Instant at,
        Type type,
        String step,
        String planId,
        Plan plan,
        Change change,
        String status,
        String observed,
        String message,
        String operator,
        Boolean passed,
        List<StepFinding> findings,
        List<String> cleared) {

    /** What a journal entry records. */
    public enum Type {
        /** A plan was made and recorded for review. */
        PLANNED,
        /** One change was written (or found already written). */
        CHANGE_APPLIED,
        /** One change was not written: a conflict, a refusal or an error. */
        CHANGE_FAILED,
        /** Every change of a plan is written. */
        STEP_APPLIED,
        /** A verification ran. */
        STEP_VERIFIED,
        /** A person confirmed a manual step or the manual part of a plan. */
        OPERATOR_CONFIRMED,
        /** A person skipped the step. */
        STEP_SKIPPED,
        /** Failed changes were cleared so the step can be planned and applied again. */
        REPAIRED
    }

    /**
     * Checks the required components.
     *
     * @param seq the entry's number, from 1, without gaps
     * @param at when it was recorded
     * @param type what happened
     * @param step the step it concerns
     * @param planId the plan it concerns, or {@code null}
     * @param plan the whole plan, for {@link Type#PLANNED}
     * @param change the change, for {@link Type#CHANGE_APPLIED} and {@link Type#CHANGE_FAILED}
     * @param status the write's status ({@code APPLIED}, {@code ALREADY_APPLIED}, {@code CONFLICT}, …), or
     *        {@code null}
     * @param observed the value found before writing, when known
     * @param message a sentence for a person (an error, a reason, an operator's note), or {@code null}
     * @param operator who confirmed, skipped or repaired, or {@code null}
     * @param passed the verification's verdict, for {@link Type#STEP_VERIFIED}
     * @param findings the verification's findings, for {@link Type#STEP_VERIFIED}
     * @param cleared the ids of the changes a repair cleared, for {@link Type#REPAIRED}
     */
    public JournalEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(step, "step");
    }

    static JournalEntry of(Type type, String step, String planId) {
        return new JournalEntry(0, Instant.EPOCH, type, step, planId, null, null, null, null, null, null, null, null,
                null);
    }

    JournalEntry numbered(long number, Instant time) {
        return new JournalEntry(number, time, type, step, planId, plan, change, status, observed, message, operator,
                passed, findings, cleared);
    }

    JournalEntry withPlan(Plan value) {
        return new JournalEntry(seq, at, type, step, planId, value, change, status, observed, message, operator,
                passed, findings, cleared);
    }

    JournalEntry withChange(Change value, String writeStatus, String observedValue, String text) {
        return new JournalEntry(seq, at, type, step, planId, plan, value, writeStatus, observedValue, text, operator,
                passed, findings, cleared);
    }

    JournalEntry withOperator(String who, String text) {
        return new JournalEntry(seq, at, type, step, planId, plan, change, status, observed, text, who, passed,
                findings, cleared);
    }

    JournalEntry withVerdict(boolean verdict, List<StepFinding> list) {
        return new JournalEntry(seq, at, type, step, planId, plan, change, status, observed, message, operator,
                verdict, list, cleared);
    }

    JournalEntry withCleared(List<String> ids, String who) {
        return new JournalEntry(seq, at, type, step, planId, plan, change, status, observed, message, who, passed,
                findings, ids);
    }
}
