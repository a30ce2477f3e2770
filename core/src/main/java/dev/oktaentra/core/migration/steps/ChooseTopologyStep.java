package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.migration.BaseMigrationStep;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.StepKind;
import dev.oktaentra.core.migration.Topology;
import dev.oktaentra.core.migration.TopologyAdvice;
import dev.oktaentra.core.migration.TopologyAdvisor;
import dev.oktaentra.core.migration.VerifyResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Phase 0: a Connect server or cloud sync, from the stated needs ({@link TopologyAdvisor} cites the source of each
 * rule); fails when this runbook is the wrong one, or when the advice names a blocker for it (a provisioning agent
 * planned on an Okta agent's server, a group too large for either engine).
 */
final class ChooseTopologyStep extends BaseMigrationStep {

    private final Topology runbookTopology;

    ChooseTopologyStep(Topology runbookTopology) {
        super("choose-topology", "Choose a Connect server or cloud sync", StepKind.CHECK);
        this.runbookTopology = runbookTopology;
    }

    @Override
    public List<StepFinding> assess(MigrationContext ctx) {
        return verify(ctx).findings();
    }

    @Override
    public VerifyResult verify(MigrationContext ctx) {
        if (ctx.options().topology() == null) {
            return VerifyResult.failed(List.of(StepFinding.error("State the needs first (MigrationOptions"
                    + ".withTopology): device sync or hybrid join, pass-through authentication, writeback, and the "
                    + "number of objects.")));
        }
        TopologyAdvice advice = TopologyAdvisor.advise(ctx.options().topology());
        List<StepFinding> findings = new ArrayList<>();
        advice.reasons().forEach(r -> findings.add(StepFinding.info(r)));
        if (advice.topology() == runbookTopology) {
            advice.blockers().forEach(b -> findings.add(StepFinding.error(b)));
            if (!advice.blockers().isEmpty()) {
                return VerifyResult.failed(findings);
            }
            findings.add(StepFinding.info("This runbook (" + runbookTopology + ") fits."));
            return VerifyResult.passed(findings);
        }
        if (runbookTopology == Topology.CONNECT_SERVER) {
            findings.add(StepFinding.warning("Cloud sync would suffice; a Connect server works too but needs a server "
                    + "to run and patch."));
            return VerifyResult.passed(findings);
        }
        findings.add(StepFinding.error("These needs require a Connect server: use the connect-server runbook."));
        return VerifyResult.failed(findings);
    }
}
