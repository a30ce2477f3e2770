package dev.oktaentra.examples.rehearsal;

import com.unboundid.ldap.sdk.Entry;
import dev.oktaentra.core.OktaEntraException;
import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.match.BlockReason;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.migration.ApplyResult;
import dev.oktaentra.core.migration.Change;
import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationStep;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.ThresholdExceededException;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.report.Counts;
import dev.oktaentra.core.staging.PendingExportReport;
import dev.oktaentra.core.staging.PendingExportSummary;
import dev.oktaentra.core.staging.StagingFinding;
import dev.oktaentra.core.staging.StagingFindingKind;
import dev.oktaentra.core.tenant.TenantDomain;
import dev.oktaentra.core.validation.ValidationFinding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Takes one step of a runbook from plan to verification, as an operator would, and plays what the runbook leaves to
 * people and to servers outside the library: manual steps are confirmed as the operator {@value #OPERATOR}, the
 * Connect server's pending export and first export cycle and the cloud sync agent's first cycle are played by
 * stand-ins. Everything played is said in the output.
 */
final class StepDriver {

    /** The operator name the rehearsal confirms manual steps as. */
    static final String OPERATOR = "rehearsal";
    static final String VALIDATE = "validate-anchors";
    static final String REMEDIATE = "remediate-anchors";
    static final String LAST_REMEDIATION = "backfill-attributes";
    static final String STAGING = "analyse-staging-export";
    static final String INSTALL_CONNECT = "install-connect-staging";
    static final String LEAVE_STAGING = "leave-staging-mode";
    static final String ENABLE_CLOUD_SYNC = "enable-cloud-sync";
    static final String DISABLE_OKTA = "disable-okta-provisioning";
    static final String CLOUD_SYNC_OVERLAP = "check-cloud-sync-overlap";

    /** The group the played Connect server sees leave its scope during the staging period. */
    static final SyntheticStagingExport.LeftScope LEFT_SCOPE_GROUP = new SyntheticStagingExport.LeftScope("group",
            ImmutableId.ofObjectGuid(ObjectGuid.fromUuid(UUID.nameUUIDFromBytes(
                    "oktaentra rehearsal: Project Falcon".getBytes(StandardCharsets.UTF_8)))), "Project Falcon");

    /** The block reasons release-role-holders clears when the library may remove roles. */
    private static final java.util.Set<BlockReason> ROLE_REASONS = java.util.Set.of(BlockReason.ADMIN_ROLE,
            BlockReason.ELIGIBLE_ADMIN_ROLE);

    /** remediate-anchors' default instruction for users in a federated domain ({@code CloudFixes}). */
    private static final java.util.regex.Pattern CONVERT_FIRST = java.util.regex.Pattern.compile(
            "Convert (\\S+) to managed authentication first");

    private final Migration migration;
    private final EmbeddedEnvironment env;
    private final Narration say;
    private final Path exportFile;
    private final RehearsalReports reports;
    private boolean revalidate;
    private long stepStart;

    StepDriver(Migration migration, EmbeddedEnvironment env, Narration say, Path exportFile,
            RehearsalReports reports) {
        this.migration = migration;
        this.env = env;
        this.say = say;
        this.exportFile = exportFile;
        this.reports = reports;
    }

    /**
     * Plans, applies, confirms and verifies the step as its kind asks.
     *
     * @throws StepFailure with the reason when the step does not end verified
     */
    void run(MigrationStep step) {
        stepStart = System.nanoTime();
        try {
            switch (step.kind()) {
                case CHECK -> check(step.id());
                case AUTOMATED -> automated(step.id());
                case MANUAL -> manual(step.id());
                default -> throw new IllegalStateException(step.kind().name());
            }
            if (step.id().equals(LAST_REMEDIATION) && revalidate) {
                VerifyResult again = migration.verify(VALIDATE);
                require(VALIDATE, again);
                say.step(VALIDATE, "VERIFIED, again after remediation" + took() + ": " + firstInfo(again));
            }
        } catch (ThresholdExceededException e) {
            throw new StepFailure(step.id(), e.getMessage(), true);
        } catch (OktaEntraException e) {
            throw new StepFailure(step.id(), e.getMessage());
        }
    }

    private void check(String id) {
        if (id.equals(STAGING)) {
            analyseStaging();
            return;
        }
        if (id.equals(CLOUD_SYNC_OVERLAP)) {
            retireCloudSyncTrial();
            return;
        }
        VerifyResult result = migration.verify(id);
        if (result.passed()) {
            say.step(id, "VERIFIED" + took() + ": " + firstInfo(result));
            return;
        }
        Map<MatchOutcome, Long> counts = migration.context().validation().counts();
        boolean remediable = id.equals(VALIDATE) && counts.get(MatchOutcome.AMBIGUOUS) == 0
                && counts.get(MatchOutcome.DUPLICATE_ANCHOR) == 0 && counts.get(MatchOutcome.INVALID) == 0;
        if (!remediable) {
            throw failure(id, result);
        }
        revalidate = true;
        say.step(id, "FAILED, as expected before remediation" + took() + ": " + errors(result));
        say.more("the next steps fix it; " + VALIDATE + " is verified again after " + LAST_REMEDIATION);
    }

    private void automated(String id) {
        Plan plan = migration.plan(id);
        if (id.equals(DISABLE_OKTA)) {
            acknowledgeDeprovisioning(plan);
        }
        List<ValidationFinding> blocked = id.equals(REMEDIATE) ? blockedHardMatches() : List.of();
        applyAll(id, plan);
        if (!plan.instructions().isEmpty()) {
            plan.instructions().forEach(i -> say.more("instruction: " + i));
            migration.confirm(id, OPERATOR, "Played by the rehearsal: " + plan.instructions().size()
                    + " instruction(s) followed");
        }
        List<Change> written = new ArrayList<>(plan.changes());
        if (id.equals(REMEDIATE)) {
            clearForTheMatchingWindow(blocked);
            List<String> converted = convertFederatedDomains(plan);
            if (!converted.isEmpty()) {
                // "Convert the domain to managed first, then plan this step again": the fixes it held back. The
                // validation read the domains once; it reads them again.
                migration.context().refresh();
                Plan again = migration.plan(id);
                applyAll(id, again);
                written.addAll(again.changes());
                say.more("planned again after the conversion: " + (again.isEmpty() ? "nothing to write"
                        : describe(again.changes())));
            }
        }
        if (id.equals(LAST_REMEDIATION)) {
            addLostAliases();
        }
        String played = "";
        if (id.equals(ENABLE_CLOUD_SYNC)) {
            // What the on-demand sample did, user by user, as the journal recorded it (each is a real provisioning).
            migration.journal().entries().stream().filter(e -> id.equals(e.step())
                    && e.type() == dev.oktaentra.core.migration.JournalEntry.Type.CHANGE_APPLIED && e.change() != null
                    && e.change().kind() == dev.oktaentra.core.migration.OnDemandProvisioningKind.KIND)
                    .forEach(e -> say.more("provisioned on demand before the jobs start: " + e.message()));
            int logged = new CloudSyncAgentStandIn(env).firstCycle(env.cloud().tenantSync().cloudSyncJobs(),
                    Instant.now());
            played = "; played: the agent's first cycle (" + logged + " provisioning log entries)";
        }
        VerifyResult verified = migration.verify(id);
        require(id, verified);
        say.step(id, (written.isEmpty() ? "nothing to write" : "wrote " + describe(written)) + played
                + " -> VERIFIED" + took());
    }

    private void applyAll(String id, Plan plan) {
        ApplyResult applied = plan.isEmpty() ? null : migration.apply(plan);
        if (applied != null && !applied.complete()) {
            ApplyResult.Failure first = applied.failures().isEmpty() ? null : applied.failures().get(0);
            throw new StepFailure(id, applied.failures().size() + " of " + plan.changes().size() + " changes were "
                    + "not written" + (first == null ? " (stopped on a conflict)" : ", e.g. " + first.change().target()
                    + ": " + first.status() + " " + first.message()));
        }
    }

    /**
     * Plays the operator following remediate-anchors' default instruction for users in a domain federated to Okta:
     * the domain is converted to managed authentication, as Microsoft's tutorial for migrating Okta federation
     * describes (https://learn.microsoft.com/entra/identity/enterprise-apps/migrate-okta-federation), so that their
     * ImmutableIDs may change; the step is then planned again.
     *
     * @return the domains converted, none when the plan asked for no conversion
     */
    private List<String> convertFederatedDomains(Plan plan) {
        List<String> domains = new ArrayList<>();
        for (String instruction : plan.instructions()) {
            java.util.regex.Matcher m = CONVERT_FIRST.matcher(instruction);
            if (m.find()) {
                String domain = m.group(1);
                env.graph().addDomain(TenantDomain.managed(domain));
                domains.add(domain);
                say.more("played: operator \"" + OPERATOR + "\" converts " + domain + " from federation with Okta "
                        + "to managed authentication (password hash sync or pass-through), as the instruction says");
            }
        }
        return domains;
    }

    private void manual(String id) {
        Plan plan = migration.plan(id);
        String what = switch (id) {
            case INSTALL_CONNECT -> "Entra Connect " + ConnectServerStandIn.VERSION + " installed in staging "
                    + "mode by a Hybrid Identity Administrator, source anchor "
                    + ConnectServerStandIn.WIZARD_ANCHOR.name();
            case LEAVE_STAGING -> "staging mode left";
            default -> "the instructions followed";
        };
        migration.confirm(id, OPERATOR, "Played by the rehearsal: " + what);
        if (id.equals(LEAVE_STAGING)) {
            int taken = new ConnectServerStandIn(env).firstExportCycle(Instant.now());
            what += "; the first export cycle took over " + taken + " cloud users";
        }
        VerifyResult verified = migration.verify(id);
        require(id, verified);
        say.step(id, "MANUAL, " + plan.instructions().size() + " instructions; played: " + what + ", confirmed as "
                + "operator \"" + OPERATOR + "\" -> VERIFIED" + took());
    }

    /**
     * The EMEA Office 365 app has "Deactivate Users" on: applying the plan must be refused until the operator has
     * read what unassigning would do and acknowledged it; the played operator then confirms the plan.
     */
    private void acknowledgeDeprovisioning(Plan plan) {
        String warning = plan.instructions().stream().filter(i -> i.contains(") deprovisions users")).findFirst()
                .orElseThrow(() -> new StepFailure(DISABLE_OKTA, "the plan does not warn that the EMEA app "
                        + "deprovisions users on unassignment"));
        try {
            migration.apply(plan);
            throw new StepFailure(DISABLE_OKTA, "apply switched Okta off without the operator acknowledging that an "
                    + "app deprovisions users");
        } catch (dev.oktaentra.core.migration.MigrationException refused) {
            say.more("refused, as it must: " + Narration.shorten(refused.getMessage()));
        }
        say.more("planted: " + Narration.shorten(warning));
        migration.confirm(DISABLE_OKTA, OPERATOR, "Played by the rehearsal: read the deprovisioning warning; no user "
                + "or group is unassigned from the EMEA app and the app stays active");
        say.more("played: operator \"" + OPERATOR + "\" acknowledges the plan; apply again");
    }

    /**
     * The Connect scenario plants a paused cloud sync configuration a trial left for the AD domain: the check must
     * stop on it, naming its jobs; the played operator deletes the configuration as the instruction says (each job
     * through Graph, as the portal does) and the check must then pass. With no cloud sync in the tenant it just
     * passes.
     */
    private void retireCloudSyncTrial() {
        Plan plan = migration.plan(CLOUD_SYNC_OVERLAP);
        VerifyResult first = migration.verify(CLOUD_SYNC_OVERLAP);
        if (first.passed()) {
            say.step(CLOUD_SYNC_OVERLAP, "VERIFIED" + took() + ": " + firstInfo(first));
            return;
        }
        List<dev.oktaentra.core.tenant.CloudSyncJob> named = env.cloud().tenantSync().cloudSyncJobs().stream()
                .filter(j -> plan.instructions().stream().anyMatch(i -> i.contains(j.jobId()))).toList();
        if (named.isEmpty()) {
            throw failure(CLOUD_SYNC_OVERLAP, first);
        }
        String domains = named.stream().map(dev.oktaentra.core.tenant.CloudSyncJob::servicePrincipalName).distinct()
                .collect(Collectors.joining(", "));
        String errors = errors(first);
        say.step(CLOUD_SYNC_OVERLAP, "FAILED, as it must" + took() + ": the cloud sync jobs " + named.stream()
                .filter(j -> errors.contains(j.jobId())).map(j -> j.templateId() + " (" + j.status() + ")")
                .collect(Collectors.joining(", ")) + " of " + domains + " named");
        plan.instructions().forEach(i -> say.more("instruction: " + i));
        new CloudSyncPortal(env).deleteConfiguration(named);
        say.more("played: operator \"" + OPERATOR + "\" deletes the cloud sync configuration of " + domains + " in "
                + "the Entra admin center, as the instruction says (" + named.size() + " jobs deleted through Graph: "
                + named.stream().map(dev.oktaentra.core.tenant.CloudSyncJob::templateId)
                        .collect(Collectors.joining(", ")) + ")");
        VerifyResult again = migration.verify(CLOUD_SYNC_OVERLAP);
        require(CLOUD_SYNC_OVERLAP, again);
        say.step(CLOUD_SYNC_OVERLAP, "VERIFIED after the deletion" + took() + ": " + firstInfo(again));
    }

    /**
     * Plays the server's pending export and checks it. The server is played with one group it joined that left its
     * scope during the staging period (its OU unselected in the wizard by mistake): the check must fail on that
     * delete, which no review of leavers accepts; the operator re-selects the OU and the next export must pass. Cloud
     * users still marked synced that no on-prem user explains are not in the export: the server keeps them as
     * disconnectors, neither updated nor deleted (left behind), and the output says how many.
     */
    private void analyseStaging() {
        ConnectServerStandIn server = new ConnectServerStandIn(env);
        SyntheticStagingExport.Contents exported = server.exportPending(exportFile, List.of(LEFT_SCOPE_GROUP));
        say.step(STAGING, "played: the Connect server's pending export, a synthetic csexport file ("
                + Counts.of(exported.adds(), "add", "adds") + ", " + Counts.of(exported.deletes(), "delete", "deletes")
                + "); " + Counts.of(exported.leftBehind(), "cloud user still marked synced that no on-prem user "
                + "explains is", "cloud users still marked synced that no on-prem user explains are") + " left behind "
                + "as disconnectors, not deleted");
        say.more("played: during the staging period the group '" + LEFT_SCOPE_GROUP.displayName() + "' left the "
                + "server's scope (its OU was unselected in the wizard)");
        VerifyResult first = migration.verify(STAGING);
        List<StagingFinding> blocking = read().findings().stream().filter(f -> f.kind().blocksCutover()).toList();
        boolean onlyTheGroup = blocking.size() == 1 && blocking.get(0).kind() == StagingFindingKind.UNEXPECTED_DELETE
                && LEFT_SCOPE_GROUP.anchor().equals(blocking.get(0).sourceAnchor());
        if (first.passed()) {
            throw new StepFailure(STAGING, "the delete of group '" + LEFT_SCOPE_GROUP.displayName() + "' did not "
                    + "stop the check");
        }
        if (!onlyTheGroup) {
            throw failure(STAGING, first);
        }
        String fixed = "The first export held a delete of the group '" + LEFT_SCOPE_GROUP.displayName() + "', which "
                + "left the server's scope during the staging period: an unexpected delete, which no review of "
                + "leavers accepts (only users can be leavers). The rehearsal's operator re-selected its OU in the "
                + "Connect wizard, and the export was taken again.";
        say.more("FAILED, as it must: 1 unexpected delete of group '" + LEFT_SCOPE_GROUP.displayName() + "' (only "
                + "users can be reviewed as leavers)");
        say.more("played: operator \"" + OPERATOR + "\" re-selects the group's OU in the Connect wizard; the "
                + "server's next export no longer deletes it");
        exported = server.exportPending(exportFile, List.of());
        require(STAGING, migration.verify(STAGING));
        // Written now and let go: the report holds every object of the export.
        PendingExportReport staging = read();
        staging.findings().stream().filter(f -> f.kind() == StagingFindingKind.ROLE_HOLDER_RELEASED)
                .forEach(f -> say.more("expected: the add of " + f.userPrincipalName() + " meets a hard match only "
                        + "a directory role blocks; release-role-holders removes it before the cutover"));
        reports.staging(staging, exportFile, fixed, exported.leftBehind());
        PendingExportSummary sum = staging.summary();
        say.more(String.format(Locale.ROOT, "VERIFIED" + took() + ": adds %,d, updates %,d, deletes %,d, attribute "
                + "deletions %,d; unexpected adds %,d, unexpected deletes %,d, back-fill candidates %,d; deletion "
                + "threshold %,d of %,d", sum.adds(), sum.updates(), sum.deletes(), sum.attributeDeletions(),
                sum.unexpectedAdds(), sum.unexpectedDeletes(), sum.backfillCandidates(),
                sum.deletionThreshold().deletes(), sum.deletionThreshold().limit()));
    }

    private List<ValidationFinding> blockedHardMatches() {
        try (Stream<ValidationFinding> findings = migration.context().validation().findings()) {
            // The soft-matched admin too: remediate-anchors says to remove its role for the matching window, and
            // hard-match-soft-matches, which comes after, makes it a hard match Entra ID would block for that role.
            return findings.filter(f -> f.outcome() == MatchOutcome.HARD_MATCH_BLOCKED
                    || f.outcome() == MatchOutcome.SOFT_MATCH_ONLY && f.holdsAdminRole()).toList();
        }
    }

    /**
     * Plays the operator following remediate-anchors' instructions for the hard matches Entra ID blocks, as
     * Microsoft's recovery table says ("Temporarily remove the role, complete the hard match, then reassign it"):
     * the role or the eligibility removed, isCloudManaged set to false. A user only its roles block is left to
     * release-role-holders when the options opt in to the library's removal (the rehearsal does), which
     * restore-role-holders then undoes; the operator gives back nothing else.
     */
    private void clearForTheMatchingWindow(List<ValidationFinding> blocked) {
        // With the opt-in, release-role-holders removes the roles itself inside the matching window (journaled) and
        // restore-role-holders assigns them again; the staging analysis lists such users as released by it.
        boolean libraryReleases = migration.context().options().removeRoleHolders();
        for (ValidationFinding f : blocked) {
            if (libraryReleases && !f.blockReasons().isEmpty() && ROLE_REASONS.containsAll(f.blockReasons())
                    || libraryReleases && f.blockReasons().isEmpty() && f.holdsAdminRole()) {
                say.more("left to release-role-holders: the role of " + f.cloudUserPrincipalName() + " "
                        + (f.blockReasons().isEmpty() ? "[ADMIN_ROLE]" : f.blockReasons()) + " is removed by the "
                        + "library for the matching window and restored after the cutover");
                continue;
            }
            List<String> done = new ArrayList<>();
            CloudUser user = env.graph().user(f.cloudId()).orElseThrow();
            if (f.holdsAdminRole() || f.blockReasons().contains(BlockReason.ADMIN_ROLE)) {
                env.graph().removeDirectoryRoles(f.cloudId());
                done.add("its directory role removed");
            }
            if (f.blockReasons().contains(BlockReason.ELIGIBLE_ADMIN_ROLE)) {
                env.graph().removeEligibilities(f.cloudId());
                done.add("the role eligibility removed");
            }
            if (f.blockReasons().contains(BlockReason.CLOUD_MANAGED)) {
                done.add("isCloudManaged set to false");
            }
            env.graph().replaceUser(user.toBuilder().holdsAdminRole(false).eligibleForAdminRole(false)
                    .cloudManaged(null).build());
            say.more("played: operator \"" + OPERATOR + "\" clears what blocks the hard match of "
                    + f.cloudUserPrincipalName() + " " + f.blockReasons() + " for the matching window: "
                    + String.join(", ", done));
        }
    }

    /**
     * Plays the operator following backfill-attributes' instructions for aliases the takeover would remove: each is
     * added to the on-prem proxyAddresses (the cloud's primary address stays primary where on-prem has none).
     */
    private void addLostAliases() {
        try (Stream<ValidationFinding> findings = migration.context().validation().findings()) {
            findings.forEach(f -> f.attributeChanges().stream()
                    .filter(c -> c.attribute().equals("proxyAddresses") && !c.lost().isEmpty()).forEach(c -> {
                        Entry entry = env.activeDirectory().entry(f.distinguishedName());
                        List<String> values = new ArrayList<>();
                        String[] current = entry.getAttributeValues("proxyAddresses");
                        if (current != null) {
                            values.addAll(List.of(current));
                        }
                        boolean hasPrimary = values.stream().anyMatch(v -> v.startsWith("SMTP:"));
                        for (String lost : c.lost()) {
                            values.add(hasPrimary && lost.startsWith("SMTP:") ? "smtp:" + lost.substring(5) : lost);
                        }
                        env.activeDirectory().replace(f.distinguishedName(), "proxyAddresses",
                                values.toArray(String[]::new));
                        say.more("played: operator \"" + OPERATOR + "\" adds " + String.join(", ", c.lost())
                                + " to the on-prem proxyAddresses of " + f.userPrincipalName());
                    }));
        }
        migration.context().refresh();
    }

    private String took() {
        return " (" + Rehearsal.seconds(stepStart) + ")";
    }

    private PendingExportReport read() {
        // The checks the step makes: with the opt-in, role-only blocks are released by release-role-holders.
        return PendingExportReport.read(exportFile, migration.context().validation().knownUsers(),
                dev.oktaentra.core.staging.StagingChecks.defaults().withRoleHoldersReleased(
                        migration.context().options().removeRoleHolders()));
    }

    private void require(String id, VerifyResult result) {
        if (!result.passed()) {
            throw failure(id, result);
        }
    }

    private static StepFailure failure(String id, VerifyResult result) {
        return new StepFailure(id, "verification failed: " + errors(result));
    }

    private static String errors(VerifyResult result) {
        List<String> errors = result.findings().stream().filter(f -> f.severity() == StepFinding.Severity.ERROR)
                .map(StepFinding::message).toList();
        return errors.isEmpty() ? "(no error finding)" : String.join(" ", errors);
    }

    private static String firstInfo(VerifyResult result) {
        return result.findings().stream().filter(f -> f.severity() == StepFinding.Severity.INFO)
                .map(StepFinding::message).findFirst().map(Narration::shorten).orElse("");
    }

    /** {@code 40 onPremisesImmutableId (CLOUD), 2 provisioning (PROVISIONING)}. */
    static String describe(List<Change> changes) {
        Map<String, Long> counts = changes.stream().collect(Collectors.groupingBy(
                c -> c.attribute() + " (" + c.system() + ")", LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream().map(e -> String.format(Locale.ROOT, "%,d %s", e.getValue(), e.getKey()))
                .collect(Collectors.joining(", "));
    }

    /** A step that did not end verified, and why. */
    static final class StepFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String stepId;
        private final boolean overWriteLimit;

        StepFailure(String stepId, String reason) {
            this(stepId, reason, false);
        }

        StepFailure(String stepId, String reason, boolean overWriteLimit) {
            super(reason);
            this.stepId = stepId;
            this.overWriteLimit = overWriteLimit;
        }

        String stepId() {
            return stepId;
        }

        /** Whether the step's plan wrote more than the write limit allows. */
        boolean overWriteLimit() {
            return overWriteLimit;
        }
    }
}
