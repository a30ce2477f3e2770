package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.migration.BaseMigrationStep;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.StepKind;
import dev.oktaentra.core.migration.VerifyResult;
import java.util.List;

/** Phase 4: read the staging server's pending export and tie every add, delete and attribute deletion to a cause. */
final class AnalyseStagingExportStep extends BaseMigrationStep {

    static final String EXPORT_COMMAND = "On the Connect server: csexport \"<tenant>.onmicrosoft.com - AAD\" "
            + "%TEMP%\\export.xml /f:x, then copy export.xml here and set MigrationOptions.withStagingExport.";

    AnalyseStagingExportStep() {
        super("analyse-staging-export", "Analyse the staging server's pending export", StepKind.CHECK);
    }

    @Override
    public Plan plan(MigrationContext ctx) {
        return ctx.options().stagingExport() == null ? plan(ctx, List.of(), List.of(EXPORT_COMMAND))
                : plan(ctx, List.of(), List.of());
    }

    @Override
    public VerifyResult verify(MigrationContext ctx) {
        if (ctx.options().stagingExport() == null) {
            return VerifyResult.failed(List.of(StepFinding.error("No staging export yet. " + EXPORT_COMMAND)));
        }
        return VerifyResult.failed(List.of(StepFinding.error("The staging export reader is not available in this "
                + "build.")));
    }
}
