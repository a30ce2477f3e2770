package dev.oktaentra.examples.rehearsal;

import dev.oktaentra.core.migration.StepInfo;
import dev.oktaentra.core.migration.StepStatus;
import dev.oktaentra.examples.report.HtmlWriter;
import dev.oktaentra.examples.report.ReportSection;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Each step of the runbook and where it stands, from the journal, as a table. */
final class RunbookStatusSection implements ReportSection {

    private final String runbook;
    private final List<StepInfo> steps;
    private final String journalFile;

    RunbookStatusSection(String runbook, List<StepInfo> steps, String journalFile) {
        this.runbook = runbook;
        this.steps = List.copyOf(steps);
        this.journalFile = journalFile;
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
    public void render(HtmlWriter html) {
        long verified = steps.stream().filter(s -> s.status() == StepStatus.VERIFIED).count();
        boolean clean = verified == steps.size();
        html.element("p", "The " + runbook + " runbook: " + verified + " of " + steps.size() + " steps verified. "
                + "Every status is derived from the journal (" + journalFile + "), which records each plan, write, "
                + "confirmation and verification.", "class", "verdict " + (clean ? "ok" : "attention"));
        html.open("table", "class", "runbook-status").open("thead").open("tr")
                .element("th", "Step").element("th", "Kind").element("th", "Status")
                .element("th", "Planned", "class", "num").element("th", "Written", "class", "num")
                .element("th", "Failed", "class", "num").element("th", "Last event").element("th", "Note")
                .close("tr").close("thead").open("tbody");
        for (StepInfo step : steps) {
            html.open("tr", "class", step.status() == StepStatus.VERIFIED ? null : "attention")
                    .open("td").element("strong", step.stepId()).element("div", step.title(), "class", "hint")
                    .close("td")
                    .element("td", step.kind())
                    .element("td", step.status())
                    .element("td", step.planned(), "class", "num")
                    .element("td", step.applied(), "class", "num")
                    .element("td", step.failed(), "class", "num")
                    .element("td", step.lastEvent() == null ? null
                            : step.lastEvent().truncatedTo(ChronoUnit.SECONDS))
                    .element("td", step.message())
                    .close("tr");
        }
        html.close("tbody").close("table");
    }

    @Override
    public String style() {
        return "table.runbook-status td { vertical-align: top; }\n"
                + "table.runbook-status tr.attention td { color: #b3261e; }";
    }
}
