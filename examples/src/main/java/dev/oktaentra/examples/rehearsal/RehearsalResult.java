package dev.oktaentra.examples.rehearsal;

import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.migration.JournalEntry;
import dev.oktaentra.core.migration.StepInfo;
import dev.oktaentra.core.migration.StepStatus;
import dev.oktaentra.core.migration.TargetSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a rehearsal ended.
 *
 * @param runbook the runbook's name
 * @param failure why it stopped, one sentence, or {@code null} when every step passed
 * @param steps each step's status, from the journal, at the end
 * @param before the validation's outcomes before anything was written
 * @param causes the mismatch causes before anything was written
 * @param after the validation's outcomes at the end
 * @param writes what was written, per system, from the journal
 * @param reportFiles the files written into the report folder
 * @param elapsed from the start of the environment to the last report
 * @param maxWritesPerStep the write limit per step the rehearsal ran with
 * @param stoppedAtWriteLimit whether it stopped because a plan wrote more than that limit
 */
public record RehearsalResult(String runbook, String failure, List<StepInfo> steps, Map<MatchOutcome, Long> before,
        Map<MismatchCause, Long> causes, Map<MatchOutcome, Long> after, Writes writes, List<Path> reportFiles,
        Duration elapsed, int maxWritesPerStep, boolean stoppedAtWriteLimit) {

    /**
     * Freezes the collections.
     *
     * @param runbook the runbook's name
     * @param failure why it stopped, one sentence, or {@code null} when every step passed
     * @param steps each step's status, from the journal, at the end
     * @param before the validation's outcomes before anything was written
     * @param causes the mismatch causes before anything was written
     * @param after the validation's outcomes at the end
     * @param writes what was written, per system, from the journal
     * @param reportFiles the files written into the report folder
     * @param elapsed from the start of the environment to the last report
     * @param maxWritesPerStep the write limit per step the rehearsal ran with
     * @param stoppedAtWriteLimit whether it stopped because a plan wrote more than that limit
     */
    public RehearsalResult {
        steps = List.copyOf(steps);
        before = Map.copyOf(before);
        causes = Map.copyOf(causes);
        after = Map.copyOf(after);
        reportFiles = List.copyOf(reportFiles);
    }

    /**
     * Whether the rehearsal ended clean: no failure, and every step verified.
     *
     * @return true when clean
     */
    public boolean passed() {
        return failure == null && !steps.isEmpty() && steps.stream().allMatch(s -> s.status() == StepStatus.VERIFIED);
    }

    /**
     * The changes written, by where they went.
     *
     * @param cloud user attributes in Entra ID (onPremisesImmutableId)
     * @param onPrem attributes in AD (mail, mS-DS-ConsistencyGuid)
     * @param provisioning Okta apps switched
     * @param tenant tenant settings, cloud sync jobs and on-demand provisionings (cloud sync's sample before its jobs
     *     start)
     */
    public record Writes(long cloud, long onPrem, long provisioning, long tenant) {

        /** Changes written (not found already written), per system, from a journal's entries. */
        static Writes of(List<JournalEntry> journal) {
            long[] n = new long[TargetSystem.values().length];
            for (JournalEntry e : journal) {
                if (e.type() == JournalEntry.Type.CHANGE_APPLIED && "APPLIED".equals(e.status())) {
                    n[e.change().system().ordinal()]++;
                }
            }
            return new Writes(n[TargetSystem.CLOUD.ordinal()], n[TargetSystem.ON_PREM.ordinal()],
                    n[TargetSystem.PROVISIONING.ordinal()], n[TargetSystem.TENANT.ordinal()]);
        }

        /**
         * The number of writes.
         *
         * @return the writes to every system together
         */
        public long total() {
            return cloud + onPrem + provisioning + tenant;
        }
    }
}
