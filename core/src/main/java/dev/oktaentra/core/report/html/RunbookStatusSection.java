package dev.oktaentra.core.report.html;

import dev.oktaentra.core.migration.StepInfo;
import dev.oktaentra.core.migration.StepStatus;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A runbook's status as the journal tells it: cards with how many steps stand where and how many changes were
 * planned, written and failed, and one table row per step with a status badge, its counts, when the journal last
 * recorded something for it and the last message worth reading.
 *
 * <pre>{@code
 * HtmlReport.builder("Runbook status").section(RunbookStatusSection.of("connect-server", migration.info()))
 *         .build().write(Path.of("runbook-status.html"));
 * }</pre>
 */
public final class RunbookStatusSection implements ReportSection {

    private static final String STYLE = """
            .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600;
              letter-spacing: .02em; background: var(--neutral-soft); color: var(--neutral); white-space: nowrap; }
            .badge.ok { background: var(--ok-soft); color: var(--ok); }
            .badge.info { background: var(--info-soft); color: var(--info); }
            .badge.attention { background: var(--attention-soft); color: var(--attention); }
            table.runbook { width: 100%; margin-top: 14px; }
            table.runbook .step-id { font-family: ui-monospace, "Cascadia Mono", Consolas, monospace; }
            table.runbook .step-title { color: var(--muted); display: block; }
            table.runbook tr.attention td:first-child { box-shadow: inset 3px 0 0 var(--attention); }
            """;

    private final String runbook;
    private final List<StepInfo> steps;

    private RunbookStatusSection(String runbook, List<StepInfo> steps) {
        this.runbook = runbook;
        this.steps = steps;
    }

    /**
     * The section for a runbook's status.
     *
     * @param runbookName the runbook's name, e.g. {@code connect-server}
     * @param steps {@code Migration.info()}, in runbook order
     * @return the section
     */
    public static RunbookStatusSection of(String runbookName, List<StepInfo> steps) {
        return new RunbookStatusSection(Objects.requireNonNull(runbookName, "runbookName"), List.copyOf(steps));
    }

    @Override
    public String id() {
        return "runbook-status";
    }

    @Override
    public String title() {
        return "Runbook status";
    }

    @Override
    public String style() {
        return STYLE;
    }

    /**
     * A CSS class for a status: {@code ok} when verified, {@code attention} when failed or waiting for a person,
     * {@code info} while in progress, {@code neutral} for pending and skipped steps.
     *
     * @param status the status
     * @return the class
     */
    static String tone(StepStatus status) {
        return switch (status) {
            case VERIFIED -> "ok";
            case FAILED, WAITING_FOR_OPERATOR -> "attention";
            case PLANNED, APPLIED -> "info";
            case PENDING, SKIPPED -> "neutral";
        };
    }

    @Override
    public void render(HtmlWriter html) {
        Map<StepStatus, Long> byStatus = new EnumMap<>(StepStatus.class);
        for (StepStatus status : StepStatus.values()) {
            byStatus.put(status, steps.stream().filter(s -> s.status() == status).count());
        }
        boolean failed = byStatus.get(StepStatus.FAILED) > 0;
        boolean waiting = byStatus.get(StepStatus.WAITING_FOR_OPERATOR) > 0;
        html.element("p", failed ? "A step has failed: read its message, repair or plan it again."
                        : waiting ? "A step waits for a person: do its instructions, then confirm it."
                        : "No step has failed and none waits for a person.",
                "class", failed || waiting ? "verdict attention" : "verdict ok", "id", "runbook-verdict");
        html.element("p", "Runbook " + runbook + ": " + steps.size() + " steps, each derived from the journal.",
                "class", "lead");
        html.open("div", "class", "cards");
        for (StepStatus status : StepStatus.values()) {
            Cards.card(html, label(status), byStatus.get(status), "status-" + status.name(), tone(status),
                    explain(status));
        }
        Cards.card(html, "Changes planned", steps.stream().mapToLong(StepInfo::planned).sum(), "planned", "info",
                "Changes in the latest plan of every step.");
        Cards.card(html, "Changes written", steps.stream().mapToLong(StepInfo::applied).sum(), "applied", "ok",
                "Changes of those plans the journal shows written.");
        Cards.card(html, "Changes failed", steps.stream().mapToLong(StepInfo::failed).sum(), "failed", "attention",
                "Changes that failed and are not repaired.");
        html.close("div");

        html.open("div", "class", "table-wrap").open("table", "class", "runbook", "id", "runbook-table")
                .open("thead").open("tr");
        for (String column : List.of("#", "Step", "Kind", "Status", "Planned", "Written", "Failed", "Last event",
                "Last message")) {
            html.element("th", column, "scope", "col", "class",
                    column.equals("Planned") || column.equals("Written") || column.equals("Failed") ? "num" : null);
        }
        html.close("tr").close("thead").open("tbody");
        for (int i = 0; i < steps.size(); i++) {
            StepInfo s = steps.get(i);
            html.open("tr", "data-step", s.stepId(), "data-status", s.status().name(), "class", tone(s.status()));
            html.element("td", i + 1, "class", "num");
            html.open("td").element("span", s.stepId(), "class", "step-id").text(" ")
                    .element("span", s.title(), "class", "step-title").close("td");
            html.element("td", s.kind().name());
            html.open("td").element("span", label(s.status()), "class", "badge " + tone(s.status()),
                    "title", explain(s.status())).close("td");
            html.element("td", s.planned(), "class", "num").element("td", s.applied(), "class", "num")
                    .element("td", s.failed(), "class", "num");
            html.element("td", s.lastEvent() == null ? "" : s.lastEvent().toString());
            html.element("td", s.message() == null ? "" : s.message());
            html.close("tr");
        }
        html.close("tbody").close("table").close("div");
    }

    private static String label(StepStatus status) {
        String words = status.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String explain(StepStatus status) {
        return switch (status) {
            case PENDING -> "Nothing recorded yet.";
            case PLANNED -> "A plan is recorded and waits for review and apply.";
            case APPLIED -> "The reviewed plan is written (or a manual step confirmed); verify it next.";
            case VERIFIED -> "The last verification passed.";
            case FAILED -> "A change failed, or the last verification did not pass.";
            case SKIPPED -> "Skipped on purpose, with a reason.";
            case WAITING_FOR_OPERATOR -> "A person must act and confirm.";
        };
    }
}
