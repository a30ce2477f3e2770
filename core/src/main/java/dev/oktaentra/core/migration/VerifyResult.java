package dev.oktaentra.core.migration;

import java.util.List;

/**
 * What a step's verification found.
 *
 * @param passed whether the step's goal holds now
 * @param findings what was checked and seen
 * @param replanStep a step to plan again because of what was found (e.g. anchor remediation after a mismatch at
 *        cutover), or {@code null}
 */
public record VerifyResult(boolean passed, List<StepFinding> findings, String replanStep) {

    /**
     * Freezes the list.
     *
     * @param passed whether the step's goal holds now
     * @param findings what was checked and seen
     * @param replanStep a step to plan again because of what was found (e.g. anchor remediation after a mismatch at
     *        cutover), or {@code null}
     */
    public VerifyResult {
        findings = List.copyOf(findings);
    }

    /**
     * A passing result.
     *
     * @param findings what was seen
     * @return the result
     */
    public static VerifyResult passed(List<StepFinding> findings) {
        return new VerifyResult(true, findings, null);
    }

    /**
     * A failing result.
     *
     * @param findings what was seen, with at least one error
     * @return the result
     */
    public static VerifyResult failed(List<StepFinding> findings) {
        return new VerifyResult(false, findings, null);
    }
}
