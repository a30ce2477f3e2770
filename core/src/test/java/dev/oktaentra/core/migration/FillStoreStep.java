package dev.oktaentra.core.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A step that makes keys {@code k0}…{@code kN-1} of a {@link FileStore} hold {@code v<i>}, through a change kind. */
final class FillStoreStep extends BaseMigrationStep {

    private final FileStore store;
    private final ChangeKind kind;
    private final int keys;

    FillStoreStep(String id, FileStore store, ChangeKind kind, int keys) {
        super(id, "Fill the store", StepKind.AUTOMATED);
        this.store = store;
        this.kind = kind;
        this.keys = keys;
    }

    static String wanted(int i) {
        return "v" + i;
    }

    @Override
    public Plan plan(MigrationContext ctx) {
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            String now = store.get("k" + i);
            if (!wanted(i).equals(now)) {
                changes.add(Change.of(kind, "k" + i, "value", now, wanted(i), "fill k" + i));
            }
        }
        return plan(ctx, changes, List.of());
    }

    @Override
    public VerifyResult verify(MigrationContext ctx) {
        long wrong = 0;
        for (int i = 0; i < keys; i++) {
            wrong += Objects.equals(store.get("k" + i), wanted(i)) ? 0 : 1;
        }
        return wrong == 0 ? VerifyResult.passed(List.of(StepFinding.info("every key holds its value")))
                : VerifyResult.failed(List.of(StepFinding.error(wrong + " keys differ")));
    }
}
