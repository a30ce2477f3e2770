package dev.oktaentra.core.validation;

import dev.oktaentra.core.match.MatchOutcome;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The first findings of each outcome, in report order, with how many findings each outcome has: what a page shows
 * of a report too large to show whole. {@link ValidationReport#writeReports} keeps them while it writes the files,
 * so that the page needs no pass of its own.
 *
 * @param byOutcome the first findings of each outcome that has any, at most {@code perOutcome} each
 * @param totals how many findings each outcome has; only outcomes that have any
 * @param perOutcome the most findings kept of one outcome
 */
public record FirstFindings(Map<MatchOutcome, List<ValidationFinding>> byOutcome, Map<MatchOutcome, Long> totals,
        int perOutcome) {

    /**
     * Checks the limit and freezes the maps, keeping the outcomes' order.
     *
     * @param byOutcome the first findings of each outcome that has any, at most {@code perOutcome} each
     * @param totals how many findings each outcome has; only outcomes that have any
     * @param perOutcome the most findings kept of one outcome
     * @throws IllegalArgumentException when {@code perOutcome} is below 1
     */
    public FirstFindings {
        if (perOutcome < 1) {
            throw new IllegalArgumentException("perOutcome must be at least 1, got " + perOutcome);
        }
        Map<MatchOutcome, List<ValidationFinding>> rows = new EnumMap<>(MatchOutcome.class);
        byOutcome.forEach((outcome, findings) -> rows.put(outcome, List.copyOf(findings)));
        byOutcome = Collections.unmodifiableMap(rows);
        Map<MatchOutcome, Long> counted = new EnumMap<>(MatchOutcome.class);
        counted.putAll(totals);
        totals = Collections.unmodifiableMap(counted);
    }
}
