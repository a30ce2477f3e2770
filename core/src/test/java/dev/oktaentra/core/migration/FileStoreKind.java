package dev.oktaentra.core.migration;

import java.util.List;
import java.util.Objects;

/**
 * A change kind of a user's own, as the tests register it: a value of a key in a {@link FileStore}. This one class is
 * all it takes; nothing in core names it. It writes compare-and-set one change at a time, reads a key back to settle
 * a lost answer, and is undone by writing the before-value back (the default inverse).
 */
final class FileStoreKind implements ChangeKind {

    static final String NAME = "fileStore";

    private final FileStore store;

    FileStoreKind(FileStore store) {
        this.store = store;
    }

    Change change(String key, String before, String after, String reason) {
        return Change.of(this, key, "value", before, after, reason);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TargetSystem system() {
        return TargetSystem.ON_PREM;
    }

    @Override
    public List<ChangeResult> apply(MigrationContext ctx, String step, List<Change> group) {
        return group.stream().map(this::apply).toList();
    }

    private ChangeResult apply(Change change) {
        String now = store.get(change.target());
        if (Objects.equals(now, change.after())) {
            return ChangeResult.alreadyApplied(change, now);
        }
        if (!Objects.equals(now, change.before())) {
            return ChangeResult.conflict(change, now, change.target() + " holds " + now);
        }
        store.put(change.target(), change.after());
        return ChangeResult.applied(change, now);
    }

    @Override
    public ReadBack read(MigrationContext ctx, String step, Change change) {
        return ReadBack.of(store.get(change.target()));
    }

    @Override
    public String toString() {
        return NAME;
    }
}
