package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.detect.AnchorCandidate;
import dev.oktaentra.core.detect.AnchorDetection;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.migration.BaseMigrationStep;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.StepKind;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.validation.EmptySide;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Phase 1: which on-prem attribute populated ImmutableID. Must be known before Okta is switched off; passes when
 * the anchor in use explains at least the configured share of cloud ImmutableIDs. Fails when either side yielded no
 * users ({@link EmptySide}), rather than reporting a coverage of 0% or a cloud without ImmutableIDs.
 */
final class DetectAnchorStep extends BaseMigrationStep {

    DetectAnchorStep() {
        super("detect-anchor", "Find the attribute Okta put into ImmutableID", StepKind.CHECK);
    }

    @Override
    public List<StepFinding> assess(MigrationContext ctx) {
        return verify(ctx).findings();
    }

    @Override
    public VerifyResult verify(MigrationContext ctx) {
        AnchorDetection detection = ctx.anchorDetection();
        List<StepFinding> findings = new ArrayList<>();
        findings.add(StepFinding.info(detection.describe()));
        Optional<String> empty = EmptySide.check(ctx.onPrem().map(d -> d.name()).orElse("?"),
                detection.onPremRecords(), ctx.cloud().map(d -> d.name()).orElse("?"), detection.cloudRecords());
        if (empty.isPresent()) {
            return EmptySides.failed(findings, empty.get());
        }
        if (detection.cloudAnchors() == 0) {
            findings.add(StepFinding.warning("No cloud user has an ImmutableID: Okta stamped none, so Entra Connect "
                    + "will soft-match or create every user."));
            return VerifyResult.passed(findings);
        }
        AnchorCandidate winner = detection.winner();
        double min = ctx.options().minAnchorCoverage();
        if (ctx.options().anchor() != null && !ctx.options().anchor().equals(winner.anchor())) {
            findings.add(StepFinding.error("The configured anchor is " + ctx.options().anchor().name() + " but "
                    + winner.anchor().name() + " explains more cloud ImmutableIDs; fix the configuration or find out "
                    + "why before going on."));
            return VerifyResult.failed(findings);
        }
        if (winner.coverage() < min) {
            findings.add(StepFinding.error(String.format(Locale.ROOT, "%s explains only %.1f%%, less than the "
                    + "%.1f%% required: Okta's mapping may have changed over time. Resolve the rest before the "
                    + "cutover.", winner.anchor().name(), winner.coverage() * 100, min * 100)));
            return VerifyResult.failed(findings);
        }
        findings.add(StepFinding.info("Install Entra Connect with the source anchor "
                + (SourceAnchor.OBJECT_GUID.equals(winner.anchor().name())
                        ? "mS-DS-ConsistencyGuid (Connect fills it from objectGUID, so the values stay equal)"
                        : winner.anchor().name()) + "."));
        return VerifyResult.passed(findings);
    }
}
