package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.migration.BaseMigrationStep;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.MigrationOptions;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.StepKind;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.report.Counts;
import dev.oktaentra.core.staging.PendingExportReport;
import dev.oktaentra.core.staging.PendingExportSummary;
import dev.oktaentra.core.staging.ReviewedLeavers;
import dev.oktaentra.core.staging.ReviewedLeaversException;
import dev.oktaentra.core.staging.StagingChecks;
import dev.oktaentra.core.staging.StagingFinding;
import dev.oktaentra.core.staging.StagingFindingKind;
import dev.oktaentra.core.validation.StagingPrediction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Phase 4: read the staging server's pending export and tie every add, delete and attribute deletion to a cause,
 * through the validation's known users. Passes when nothing blocks leaving staging mode
 * ({@link PendingExportSummary#noBlockingFindings()}).
 *
 * <p>Deletes follow Microsoft's tutorial "Migrate Okta sync provisioning to Microsoft Entra Connect synchronization"
 * (https://learn.microsoft.com/entra/identity/enterprise-apps/migrate-okta-sync-provisioning, "Install Microsoft
 * Entra Connect in staging mode": "14. Verify no pending deletions in the export.", "21. Record objects pending
 * deletion and their on-premises values."): every pending delete fails the step unless it is a user listed in the
 * file of {@link MigrationOptions#reviewedLeavers()}; such a delete is listed as a warning, with the values it
 * records. Confirming the step accepts nothing: the review is the list, one object at a time. The export also fails
 * the step when it holds more deletes than {@link MigrationOptions#deletionThreshold()}, because Entra Connect would
 * stop the whole export ("Prevent accidental deletes",
 * https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-sync-feature-prevent-accidental-deletes).
 *
 * <p>Cloud users that no on-prem object explains (Okta's leftovers) are not deleted by a new Connect server: they
 * stay disconnectors in its connector space (see {@code dev.oktaentra.core.staging.PendingDeletes}); a delete in
 * the export comes from an object the server joined that has since left its scope.
 *
 * <p>With {@link MigrationOptions#removeRoleHolders()} on, {@code release-role-holders} removes the directory roles of
 * the role holders before the cutover: an add meeting a cloud user whose hard match only its roles block is then
 * listed as released by that step (an info), not counted as an unexpected add. Without the opt-in it stays one.
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
        StagingChecks checks;
        try {
            checks = checks(ctx.options());
        } catch (ReviewedLeaversException e) {
            return VerifyResult.failed(List.of(StepFinding.error(e.getMessage())));
        }
        PendingExportReport report = PendingExportReport.read(ctx.options().stagingExport(),
                ctx.validation().knownUsers(), checks);
        PendingExportSummary summary = report.summary();
        StagingPrediction predicted = ctx.validation().prediction();
        List<StepFinding> findings = new ArrayList<>();
        findings.add(StepFinding.info("Pending export: " + summary.toJson()));
        findings.add(StepFinding.info("Predicted from the validation: " + predicted.adds() + " adds, "
                + predicted.updates() + " updates, " + predicted.deletes() + " deletes, "
                + predicted.attributeDeletions() + " attribute deletions."));
        for (StagingFinding finding : report.findings().subList(0, Math.min(LISTED, report.findings().size()))) {
            String who = finding.userPrincipalName() != null ? finding.userPrincipalName()
                    : finding.csDn() != null ? finding.csDn() : "(the whole export)";
            String text = finding.kind() + " " + who + ": " + finding.detail() + " " + finding.recommendedAction();
            findings.add(finding.kind().blocksCutover() ? StepFinding.error(text)
                    : finding.kind() == StagingFindingKind.ROLE_HOLDER_RELEASED ? StepFinding.info(text)
                    : StepFinding.warning(text));
        }
        if (report.findings().size() > LISTED) {
            findings.add(StepFinding.warning(Counts.of(report.findings().size() - LISTED, "more finding",
                    "more findings") + ": write the report "
                    + "with the CLI's staging-report command."));
        }
        return summary.noBlockingFindings() ? VerifyResult.passed(findings) : VerifyResult.failed(findings);
    }

    private static StagingChecks checks(MigrationOptions options) {
        Path leavers = options.reviewedLeavers();
        // With the opt-in, release-role-holders removes the roles that alone block a hard match before the cutover.
        return StagingChecks.defaults().withDeletionThreshold(options.deletionThreshold())
                .withRoleHoldersReleased(options.removeRoleHolders())
                .withReviewedLeavers(leavers == null ? ReviewedLeavers.none() : ReviewedLeavers.read(leavers));
    }
}
