package dev.oktaentra.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oktaentra.core.migration.Runbook;
import dev.oktaentra.core.migration.StepInfo;
import dev.oktaentra.core.migration.StepStatus;
import dev.oktaentra.core.report.html.HtmlReport;
import dev.oktaentra.core.report.html.RunbookStatusSection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code status}: every step of the runbook with where it stands, derived from the journal (Flyway's {@code info}),
 * and the command to run next. Reads only the journal, without locking or changing it: it works while another run
 * holds the journal, and a last line cut short by an interrupted run is reported and left for {@code apply} or
 * {@code repair} to drop.
 */
@Command(name = "status", sortOptions = false,
        description = {"Shows where every step of the runbook stands, and what to run next.",
            "Shows every step of the runbook and where it stands (PENDING, PLANNED, APPLIED, VERIFIED, "
                + "FAILED, SKIPPED, WAITING_FOR_OPERATOR), derived from the journal, with the counts of its latest "
                + "plan and the command to run next.",
            "Reads only the journal, without locking or changing it (it works while another command runs): no "
                + "directory is contacted and no secret is needed. A last line cut short by an interrupted run is "
                + "reported and left for apply or repair to drop."},
        footer = {"", "Exit code 1 when a step has FAILED.", "Example:",
            "  oktaentra status --config oktaentra.json --html runbook-status.html"})
final class StatusCommand extends MigrationCommand {

    static final String HTML = "runbook-status.html";

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the status as an HTML page.")
    Path html;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write " + HTML + " into this folder.")
    Path outDir;

    @Mixin
    JsonOption json;

    @Override
    Exit run() throws Exception {
        List<StepInfo> steps;
        Runbook runbook;
        Path journal;
        int entries;
        long torn;
        try (Session session = readOnly()) {
            steps = session.migration().info();
            runbook = session.migration().runbook();
            journal = session.migration().journal().file();
            entries = session.migration().journal().entries().size();
            torn = session.migration().journal().tornTailBytes();
        }
        List<Path> pages = writePages(runbook, steps);
        Optional<String> next = next(steps);
        if (json.enabled) {
            printJson(runbook, journal, torn, steps, next, pages);
        } else {
            printText(runbook, journal, entries, torn, steps, next, pages);
        }
        return steps.stream().anyMatch(s -> s.status() == StepStatus.FAILED) ? Exit.ATTENTION : Exit.CLEAN;
    }

    private List<Path> writePages(Runbook runbook, List<StepInfo> steps) throws Exception {
        List<Path> files = new ArrayList<>();
        if (html != null) {
            files.add(html);
        }
        if (outDir != null) {
            Files.createDirectories(outDir);
            files.add(outDir.resolve(HTML));
        }
        if (!files.isEmpty()) {
            HtmlReport page = HtmlReport.builder("Runbook status: " + runbook.name())
                    .subtitle("From the journal " + config().journal())
                    .section(RunbookStatusSection.of(runbook.name(), steps)).build();
            for (Path file : files) {
                page.write(file);
            }
        }
        return files;
    }

    /**
     * The command that moves the runbook on: for the first failed step if there is one (a failure comes first),
     * else for the first step that is neither verified nor skipped.
     */
    private Optional<String> next(List<StepInfo> steps) {
        List<StepInfo> order = new ArrayList<>(steps.stream().filter(s -> s.status() == StepStatus.FAILED).toList());
        order.addAll(steps);
        for (StepInfo s : order) {
            String command = switch (s.status()) {
                case VERIFIED, SKIPPED -> null;
                case PENDING -> suggest((s.kind() == dev.oktaentra.core.migration.StepKind.CHECK ? "verify "
                        : "plan ") + s.stepId());
                case PLANNED -> s.kind() == dev.oktaentra.core.migration.StepKind.CHECK
                        ? suggest("verify " + s.stepId())
                        : suggest("apply " + s.stepId() + " --plan-id " + s.planId() + " --checksum " + s.checksum())
                                + "   (after reviewing the plan)";
                case APPLIED -> suggest("verify " + s.stepId());
                case WAITING_FOR_OPERATOR -> suggest("confirm " + s.stepId()
                        + " --operator NAME --note 'what was done'") + "   (after doing the plan's instructions)";
                case FAILED -> s.failed() > 0 ? suggest("repair --operator NAME") + "   (then plan " + s.stepId()
                        + " again)" : suggest("plan " + s.stepId()) + "   (or fix what verify found, then verify "
                        + "again)";
            };
            if (command != null) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }

    private void printText(Runbook runbook, Path journal, int entries, long torn, List<StepInfo> steps,
            Optional<String> next, List<Path> pages) {
        out().println("Runbook " + runbook.name() + ", journal " + journal + " (" + TextTable.count(entries)
                + " entr" + (entries == 1 ? "y" : "ies") + ")");
        if (torn > 0) {
            out().println("Note: the journal's last line is cut short (" + TextTable.count(torn) + " bytes): a run "
                    + "was interrupted while writing it, or one is writing now. Left as it is; the next apply or "
                    + "repair drops it, and a change it recorded is found again, already written.");
        }
        out().println();
        TextTable table = TextTable.of(true, false, false, false, true, true, true, false)
                .row("#", "step", "kind", "status", "planned", "applied", "failed", "last event");
        for (int i = 0; i < steps.size(); i++) {
            StepInfo s = steps.get(i);
            table.row(i + 1, s.stepId(), s.kind(), s.status(), s.planned(), s.applied(), s.failed(),
                    s.lastEvent() == null ? "" : s.lastEvent().toString());
        }
        table.print(out(), "  ");
        for (StepInfo s : steps) {
            if (s.message() != null && !s.message().isBlank()) {
                out().println("  " + s.stepId() + ": " + s.message());
            }
        }
        out().println();
        out().println(next.map(c -> "Next: " + c).orElse("Every step is verified or skipped."));
        if (!pages.isEmpty()) {
            out().println("Status page: " + String.join(", ", pages.stream().map(Path::toString).toList()));
        }
    }

    private void printJson(Runbook runbook, Path journal, long torn, List<StepInfo> steps, Optional<String> next,
            List<Path> pages) throws Exception {
        ObjectNode root = JsonOption.mapper().createObjectNode();
        root.put("runbook", runbook.name());
        root.put("journal", journal.toAbsolutePath().normalize().toString());
        root.put("tornTailBytes", torn);
        ArrayNode list = root.putArray("steps");
        for (StepInfo s : steps) {
            list.addObject().put("step", s.stepId()).put("title", s.title()).put("kind", s.kind().name())
                    .put("status", s.status().name()).put("planId", s.planId()).put("checksum", s.checksum())
                    .put("planned", s.planned()).put("applied", s.applied()).put("failed", s.failed())
                    .put("lastEvent", s.lastEvent() == null ? null : s.lastEvent().toString())
                    .put("message", s.message());
        }
        root.put("next", next.orElse(null));
        ArrayNode files = root.putArray("reportFiles");
        pages.forEach(p -> files.add(p.toAbsolutePath().normalize().toString()));
        JsonOption.print(out(), root);
    }
}
