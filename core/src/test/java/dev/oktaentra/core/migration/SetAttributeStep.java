package dev.oktaentra.core.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A step that makes every object of a {@link MemoryDirectory} hold one value: enough to exercise the engine. */
final class SetAttributeStep extends BaseMigrationStep {

    private final MemoryDirectory directory;
    private final String attribute;
    private final String wanted;

    SetAttributeStep(String id, MemoryDirectory directory, String attribute, String wanted) {
        super(id, "Set " + attribute + " to " + wanted, StepKind.AUTOMATED);
        this.directory = directory;
        this.attribute = attribute;
        this.wanted = wanted;
    }

    @Override
    public Plan plan(MigrationContext ctx) {
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, ?> e : directory.values().entrySet()) {
            String now = directory.get(e.getKey());
            if (!wanted.equals(now)) {
                changes.add(OnPremAttribute.change(e.getKey(), attribute, now, wanted, "test"));
            }
        }
        return plan(ctx, changes, List.of());
    }

    @Override
    public VerifyResult verify(MigrationContext ctx) {
        long wrong = directory.values().keySet().stream().filter(t -> !wanted.equals(directory.get(t))).count();
        return wrong == 0 ? VerifyResult.passed(List.of(StepFinding.info("all set")))
                : VerifyResult.failed(List.of(StepFinding.error(wrong + " objects differ")));
    }
}
