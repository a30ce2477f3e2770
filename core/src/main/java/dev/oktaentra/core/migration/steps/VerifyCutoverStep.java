package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.migration.BaseMigrationStep;
import dev.oktaentra.core.migration.JournalEntry;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.MigrationException;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.StepKind;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.tenant.CloudSyncJob;
import dev.oktaentra.core.tenant.ProvisioningEvent;
import dev.oktaentra.core.tenant.ProvisioningFailure;
import dev.oktaentra.core.tenant.ProvisioningLogSummary;
import dev.oktaentra.core.tenant.TenantSync;
import dev.oktaentra.core.report.Counts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * After the cutover: nothing shows a failed match ({@link FailedMatches}: {@code onPremisesProvisioningErrors} and
 * quarantined addresses on users, groups and contacts, placeholder UPNs, synced users created since the matching
 * window opened), synchronisation has run since the switch, each cloud sync job's provisioning log shows no failure
 * that blocks the cutover (as {@link ProvisioningFailure} classifies them: matching failures and unknown codes, each
 * user named; agent failures are a warning), Okta's app made no change in Entra ID since the cutover
 * ({@link OktaWritesCheck}), and no anchor mismatch came back. A mismatch asks for
 * {@code remediate-anchors} to be planned again. Fails when either side yielded no users (no mismatch can be seen
 * against an empty side), and when the tenant port is missing or cannot read the tenant's objects: then no duplicate
 * can be seen either.
 *
 * <p>Entra ID never lets two objects share a UPN or proxy address, so the step no longer counts repeated values:
 * that count could never find anything.
 */
final class VerifyCutoverStep extends BaseMigrationStep {

    private final String cutoverStep;
    private final JournalEntry.Type cutoverEvent;

    VerifyCutoverStep(String cutoverStep, JournalEntry.Type cutoverEvent) {
        super("verify-cutover", "Verify the cutover", StepKind.CHECK);
        this.cutoverStep = cutoverStep;
        this.cutoverEvent = cutoverEvent;
    }

    @Override
    public List<StepFinding> assess(MigrationContext ctx) {
        return verify(ctx).findings();
    }

    @Override
    public VerifyResult verify(MigrationContext ctx) {
        List<StepFinding> findings = new ArrayList<>();
        Optional<Instant> cutover = ctx.journal().last(cutoverStep, cutoverEvent).map(JournalEntry::at);
        if (cutover.isEmpty()) {
            findings.add(StepFinding.error("The cutover (" + cutoverStep + ") is not recorded yet."));
            return VerifyResult.failed(findings);
        }
        Optional<String> empty = EmptySides.inValidation(ctx);
        if (empty.isPresent()) {
            return EmptySides.failed(findings, empty.get());
        }
        Optional<TenantSync> tenant = ctx.tenant();
        if (tenant.isEmpty()) {
            findings.add(StepFinding.error("verify-cutover needs the tenant port to read what a failed match leaves "
                    + "(onPremisesProvisioningErrors, placeholder UPNs, new users); this migration has none."));
        } else {
            failedMatches(ctx, tenant.get(), cutover.get(), findings);
            syncAndLogs(tenant.get(), cutover.get(), ctx.clock().instant(), findings);
        }
        findings.addAll(OktaWritesCheck.findings(ctx, cutover.get(), ctx.clock().instant()));
        long mismatches = ctx.validation().counts().get(MatchOutcome.ANCHOR_MISMATCH);
        String replan = null;
        if (mismatches > 0) {
            findings.add(StepFinding.error(Counts.of(mismatches, "anchor mismatch is back", "anchor mismatches are back")
                    + ": plan remediate-anchors again."));
            replan = "remediate-anchors";
        }
        boolean failed = findings.stream().anyMatch(f -> f.severity() == StepFinding.Severity.ERROR);
        return new VerifyResult(!failed, findings, replan);
    }

    /**
     * The failed matches since the matching window opened: its last {@code open-matching-window} apply in the
     * journal, else the cutover itself (a window opened outside the runbook is not recorded).
     */
    private static void failedMatches(MigrationContext ctx, TenantSync tenant, Instant cutover,
            List<StepFinding> findings) {
        Instant opened = ctx.journal().last(MatchingWindowStep.OPEN_ID, JournalEntry.Type.STEP_APPLIED)
                .map(JournalEntry::at).filter(at -> at.isBefore(cutover)).orElse(cutover);
        ReviewedNewUsers reviewed;
        try {
            reviewed = ctx.options().reviewedNewUsers() == null ? ReviewedNewUsers.none()
                    : ReviewedNewUsers.read(ctx.options().reviewedNewUsers());
        } catch (MigrationException e) {
            findings.add(StepFinding.error(e.getMessage()));
            return;
        }
        try {
            FailedMatches.check(tenant, opened, reviewed, findings);
        } catch (UnsupportedOperationException e) {
            findings.add(StepFinding.error("Cannot see duplicates: " + e.getMessage()));
        }
    }

    private static void syncAndLogs(TenantSync tenant, Instant cutover, Instant now, List<StepFinding> findings) {
        Instant last = tenant.state().onPremisesLastSyncDateTime();
        if (last == null || last.isBefore(cutover)) {
            findings.add(StepFinding.error("The tenant's last sync (" + last + ") is not after the cutover ("
                    + cutover + "): synchronisation is not running."));
        } else {
            findings.add(StepFinding.info("Last sync " + last + ", after the cutover."));
        }
        if (tenant.cloudSyncJobs().isEmpty()) {
            return;
        }
        List<ProvisioningEvent> events = new ArrayList<>();
        for (CloudSyncJob job : tenant.cloudSyncJobs()) {
            try (Stream<ProvisioningEvent> log = tenant.provisioningEvents(cutover, now, job.jobId())) {
                log.forEach(events::add);
            }
        }
        ProvisioningLogSummary log = ProvisioningLogSummary.of(events.stream());
        if (log.blockingCount() > 0) {
            findings.add(StepFinding.error(Counts.of(log.blockingCount(), "provisioning failure since the cutover "
                    + "blocks it", "provisioning failures since the cutover block it") + " (" + categories(log, true)
                    + "): " + log.blockingFailures().stream().limit(FailedMatches.LISTED)
                            .map(VerifyCutoverStep::example).toList()
                    + ": fix these users (duplicate values, ImmutableIDs) and restart the job."));
        } else {
            findings.add(StepFinding.info("The provisioning log shows no match failure since the cutover."));
        }
        long service = log.failures(ProvisioningFailure.AGENT_OR_SERVICE);
        if (service > 0) {
            findings.add(StepFinding.warning(Counts.of(service, "provisioning failure", "provisioning failures")
                    + " of the sync agent or service since the cutover, codes "
                    + log.failuresByErrorCode().keySet().stream().filter(c -> ProvisioningFailure.ofCode(c)
                            == ProvisioningFailure.AGENT_OR_SERVICE).toList()
                    + ": check the provisioning agents; the sync time above says whether sync runs."));
        }
    }

    /** E.g. {@code uniqueness violation: 2, unknown code: 1}: what {@link ProvisioningFailure} made of the log. */
    private static String categories(ProvisioningLogSummary log, boolean blocking) {
        List<String> parts = new ArrayList<>();
        log.failuresByCategory().forEach((category, n) -> {
            if (category.blocksCutover() == blocking) {
                parts.add(category.label() + ": " + n);
            }
        });
        return String.join(", ", parts);
    }

    private static String example(ProvisioningEvent e) {
        return e.sourceName() + ": " + (e.errorCode() == null ? "(no code)" : e.errorCode())
                + (e.targetName() == null ? "" : " (cloud " + e.targetName() + ")");
    }
}
