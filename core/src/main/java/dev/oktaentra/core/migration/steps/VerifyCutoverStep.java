package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.migration.BaseMigrationStep;
import dev.oktaentra.core.migration.JournalEntry;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.StepKind;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.tenant.ProvisioningEvent;
import dev.oktaentra.core.tenant.ProvisioningFailure;
import dev.oktaentra.core.tenant.ProvisioningLogSummary;
import dev.oktaentra.core.tenant.TenantSync;
import dev.oktaentra.core.report.Counts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * After the cutover: no cloud user is duplicated by UPN or primary SMTP address, synchronisation has run since the
 * switch, the provisioning log shows no failure that blocks the cutover (as {@link ProvisioningFailure} classifies
 * them: matching failures and unknown codes; agent failures are a warning), Okta's app made no change in Entra ID
 * since the cutover ({@link OktaWritesCheck}), and no anchor mismatch came back. A
 * mismatch asks for {@code remediate-anchors} to be planned again. Fails when either side yielded no users: no
 * duplicate and no mismatch can be seen against an empty side.
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
        duplicates(ctx, cutover.get(), findings);
        ctx.tenant().ifPresent(tenant -> syncAndLogs(tenant, cutover.get(), ctx.clock().instant(), findings));
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

    private static void duplicates(MigrationContext ctx, Instant cutover, List<StepFinding> findings) {
        Map<String, Integer> upns = new HashMap<>();
        Map<String, Integer> smtps = new HashMap<>();
        long[] synced = {0, 0};
        try (Stream<CloudUser> users = MigrationContext.require(ctx.cloud(), "the cloud directory", "verify-cutover")
                .users()) {
            users.forEach(u -> {
                upns.merge(u.userPrincipalName().toLowerCase(Locale.ROOT), 1, Integer::sum);
                if (u.primarySmtpAddress() != null) {
                    smtps.merge(u.primarySmtpAddress().toLowerCase(Locale.ROOT), 1, Integer::sum);
                }
                synced[0]++;
                if (u.onPremisesLastSyncDateTime() != null && !u.onPremisesLastSyncDateTime().isBefore(cutover)) {
                    synced[1]++;
                }
            });
        }
        List<String> dupes = new ArrayList<>();
        upns.forEach((k, n) -> {
            if (n > 1) {
                dupes.add("UPN " + k + " x" + n);
            }
        });
        smtps.forEach((k, n) -> {
            if (n > 1) {
                dupes.add("SMTP " + k + " x" + n);
            }
        });
        if (dupes.isEmpty()) {
            findings.add(StepFinding.info("No duplicate UPN or primary SMTP address among "
                    + Counts.of(synced[0], "cloud user", "cloud users") + "."));
        } else {
            findings.add(StepFinding.error(Counts.of(dupes.size(), "duplicate", "duplicates") + ", e.g. " + dupes.stream().sorted().limit(5)
                    .toList() + ": the sync created users instead of matching them."));
        }
        findings.add(StepFinding.info(Counts.of(synced[1], "cloud user was", "cloud users were")
                + " written by the sync since the cutover."));
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
        ProvisioningLogSummary log = ProvisioningLogSummary.of(tenant.provisioningEvents(cutover, now, null));
        if (log.blockingCount() > 0) {
            findings.add(StepFinding.error(Counts.of(log.blockingCount(), "provisioning failure since the cutover "
                    + "blocks it", "provisioning failures since the cutover block it") + " (" + categories(log, true)
                    + "), e.g. " + log.blockingFailures().stream().limit(3).map(VerifyCutoverStep::example).toList()
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
        return e.sourceName() + ": " + (e.errorCode() == null ? "(no code)" : e.errorCode());
    }
}
