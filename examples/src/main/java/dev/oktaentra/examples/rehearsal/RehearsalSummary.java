package dev.oktaentra.examples.rehearsal;

import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.migration.StepInfo;
import dev.oktaentra.core.migration.StepStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The end of a rehearsal's output: the journal's view of every step, what changed, what was played, the files. */
final class RehearsalSummary {

    private final Narration say;
    private final Path dir;

    RehearsalSummary(Narration say, Path dir) {
        this.say = say;
        this.dir = dir;
    }

    void print(RehearsalResult result, List<StepInfo> steps) {
        say.heading("Status, from the journal");
        for (StepInfo step : steps) {
            say.line(Narration.pad(step.stepId()) + String.format(Locale.ROOT, "%-10s %-22s %,6d planned %,6d "
                    + "written", step.kind(), step.status(), step.planned(), step.applied()));
        }
        long verified = steps.stream().filter(s -> s.status() == StepStatus.VERIFIED).count();
        RehearsalResult.Writes w = result.writes();
        say.heading("Summary");
        say.line(String.format(Locale.ROOT, "%s: %d of %d steps VERIFIED in %.1f s.", result.runbook(), verified,
                steps.size(), result.elapsed().toMillis() / 1000.0));
        say.line("before: " + outcomes(result.before()));
        say.line("after:  " + outcomes(result.after()));
        say.line(String.format(Locale.ROOT, "written: %,d ImmutableIDs in Entra ID, %,d attributes in AD, %,d Okta "
                + "apps switched off, %,d tenant settings, sync jobs and on-demand provisionings; all journaled with "
                + "their before-values.",
                w.cloud(), w.onPrem(), w.provisioning(), w.tenant()));
        say.line("played by the rehearsal, not the library: " + (result.runbook().equals("cloud-sync")
                ? "the cloud sync agent's first cycle (sync time and provisioning log)."
                : "the operator \"" + StepDriver.OPERATOR + "\" (manual steps, the review of the staging export), "
                        + "the Connect server's pending export (synthetic) and its first export cycle."));
        say.line("reports in " + dir.toAbsolutePath().normalize() + ":");
        say.line("  " + result.reportFiles().stream().map(p -> p.getFileName().toString())
                .collect(Collectors.joining(", ")));
        boolean staging = result.reportFiles().stream().anyMatch(p -> p.endsWith(RehearsalReports.PENDING_JSON));
        say.line("  open " + RehearsalReports.HTML + " in a browser: the validation as found, "
                + (staging ? "the staging export and " : "") + "the runbook's status.");
        if (result.failure() != null) {
            say.heading("Stopped: " + result.failure());
        } else {
            say.heading(result.passed() ? "The rehearsal ended clean." : "The rehearsal did not end clean.");
        }
    }

    private static String outcomes(Map<MatchOutcome, Long> counts) {
        StringBuilder text = new StringBuilder();
        for (MatchOutcome outcome : MatchOutcome.values()) {
            long n = counts.getOrDefault(outcome, 0L);
            if (n > 0) {
                text.append(text.length() == 0 ? "" : ", ").append(outcome).append(' ')
                        .append(String.format(Locale.ROOT, "%,d", n));
            }
        }
        return text.toString();
    }
}
