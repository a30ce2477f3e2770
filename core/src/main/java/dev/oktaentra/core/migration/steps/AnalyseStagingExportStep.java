package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.migration.BaseMigrationStep;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.StepKind;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.staging.Finding;
import dev.oktaentra.core.staging.FindingKind;
import dev.oktaentra.core.staging.PendingExportReport;
import dev.oktaentra.core.staging.PendingExportSummary;
import dev.oktaentra.core.validation.StagingPrediction;
import dev.oktaentra.core.report.Counts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Phase 4: read the staging server's pending export and tie every add, delete and attribute deletion to a cause,
 * through the validation's known users. Passes when nothing unexpected would be exported.
 */
final class AnalyseStagingExportStep extends BaseMigrationStep {

    static final String EXPORT_COMMAND = "On the Connect server: csexport \"<tenant>.onmicrosoft.com - AAD\" "
            + "%TEMP%\\export.xml /f:x, then copy export.xml here and set MigrationOptions.withStagingExport.";
    /** Findings listed one by one; the rest are counted. */
    private static final int LISTED = 20;

    AnalyseStagingExportStep() {
        super("analyse-staging-export", "Analyse the staging server's pending export", StepKind.CHECK);
    }

    @Override
    public Plan plan(MigrationContext ctx) {
        return ctx.options().stagingExport() == null ? plan(ctx, List.of(), List.of(EXPORT_COMMAND))
                : plan(ctx, List.of(), List.of());
    }

    @Override
    public List<StepFinding> assess(MigrationContext ctx) {
        return verify(ctx).findings();
    }

    @Override
    public VerifyResult verify(MigrationContext ctx) {
        if (ctx.options().stagingExport() == null) {
            return VerifyResult.failed(List.of(StepFinding.error("No staging export yet. " + EXPORT_COMMAND)));
        }
        Optional<String> empty = EmptySides.inValidation(ctx);
        if (empty.isPresent()) {
            // Joined to an empty side, every pending change would look unexplained, or an empty export clean.
            return EmptySides.failed(List.of(), empty.get());
        }
        PendingExportReport report = PendingExportReport.read(ctx.options().stagingExport(),
                ctx.validation().knownUsers());
        PendingExportSummary summary = report.summary();
        StagingPrediction predicted = ctx.validation().prediction();
        List<StepFinding> findings = new ArrayList<>();
        findings.add(StepFinding.info("Pending export: " + summary.toJson()));
        findings.add(StepFinding.info("Predicted from the validation: " + predicted.adds() + " adds, "
                + predicted.updates() + " updates, " + predicted.deletes() + " deletes, "
                + predicted.attributeDeletions() + " attribute deletions."));
        for (Finding finding : report.findings().subList(0, Math.min(LISTED, report.findings().size()))) {
            String text = finding.kind() + " " + (finding.userPrincipalName() != null ? finding.userPrincipalName()
                    : finding.csDn()) + ": " + finding.detail() + " " + finding.recommendedAction();
            findings.add(finding.kind() == FindingKind.ATTRIBUTE_DELETION ? StepFinding.warning(text)
                    : StepFinding.error(text));
        }
        if (report.findings().size() > LISTED) {
            findings.add(StepFinding.warning(Counts.of(report.findings().size() - LISTED, "more finding",
                    "more findings") + ": write the report "
                    + "with the CLI's staging-report command."));
        }
        if (summary.noBlockingFindings()) {
            return VerifyResult.passed(findings);
        }
        // Deletes of cloud users that no on-prem object explains are what the validation predicted for orphans
        // still marked synced; a person may review them and accept them by confirming. Nothing else is accepted.
        boolean onlyOrphanDeletes = report.findings().stream()
                .filter(f -> f.kind() != FindingKind.ATTRIBUTE_DELETION)
                .allMatch(f -> f.kind() == FindingKind.UNEXPECTED_DELETE && f.match() != null
                        && !f.match().user().presentOnPrem());
        if (onlyOrphanDeletes && summary.backfillCandidates() == 0 && summary.rejected() == 0) {
            if (ctx.journal().confirmedSinceLastPlan(id())) {
                findings.add(StepFinding.warning(Counts.of(summary.unexpectedDeletes(), "delete of a cloud user",
                        "deletes of cloud users") + " no on-prem object explains "
                        + (summary.unexpectedDeletes() == 1 ? "was" : "were") + " reviewed and accepted by the operator."));
                return VerifyResult.passed(findings);
            }
            findings.add(StepFinding.error(Counts.of(summary.unexpectedDeletes(), "delete of a cloud user",
                    "deletes of cloud users") + " no on-prem object explains (the validation predicted " + predicted.deletes() + "): review each, then confirm "
                    + "this step to accept them, or bring the objects back into scope."));
        }
        return VerifyResult.failed(findings);
    }
}
