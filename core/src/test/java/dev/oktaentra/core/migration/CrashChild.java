package dev.oktaentra.core.migration;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The process the crash test kills: it applies a recorded plan, either through the built-in {@link OnPremAttribute}
 * kind against a {@link FileDirectory} ({@code directory}) or through a kind of a user's own against a
 * {@link FileStore} ({@code kind}). Arguments: the work directory, the mode, then {@code plan} (record a plan, print
 * its id and checksum) or {@code apply ID CHECKSUM}. Both write their log to {@code directory.log}.
 */
public final class CrashChild {

    static final int CHANGES = 2_000;
    static final String STEP = "fill";

    private CrashChild() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        Path log = dir.resolve("directory.log");
        MigrationContext.Builder context = MigrationContext.builder()
                .options(MigrationOptions.defaults().withMaxWritesPerStep(CHANGES)).clock(Clock.systemUTC());
        Migration.Builder migration = Migration.builder().journal(dir.resolve("journal.jsonl"));
        if (args[1].equals("kind")) {
            FileStore store = FileStore.open(log);
            FileStoreKind kind = new FileStoreKind(store);
            migration.changeKind(kind).runbook(new Runbook("crash", List.of(step(store::get,
                    (target, now, wanted) -> kind.change(target, now, wanted, "crash test")))));
        } else {
            FileDirectory directory = FileDirectory.open(log);
            context.onPremWriter(directory);
            migration.runbook(new Runbook("crash", List.of(step(directory::get,
                    (target, now, wanted) -> OnPremAttribute.change(target, "mail", now, wanted, "crash test")))));
        }
        try (Migration run = migration.context(context.build()).open()) {
            if (args[2].equals("plan")) {
                Plan plan = run.plan(STEP);
                System.out.println(plan.id() + " " + plan.checksum());
            } else {
                ApplyResult result = run.apply(STEP, args[3], args[4]);
                System.out.println(result);
                System.exit(result.complete() ? 0 : 3);
            }
        }
    }

    /** How the step plans one change. */
    interface Planner {
        Change change(String target, String now, String wanted);
    }

    static MigrationStep step(java.util.function.Function<String, String> current, Planner planner) {
        return new BaseMigrationStep(STEP, "Fill every object", StepKind.AUTOMATED) {
            @Override
            public Plan plan(MigrationContext ctx) {
                List<Change> changes = new ArrayList<>();
                for (int i = 0; i < CHANGES; i++) {
                    String target = "CN=u" + i;
                    String wanted = "u" + i + "@contoso.com";
                    String now = current.apply(target);
                    if (!wanted.equals(now)) {
                        changes.add(planner.change(target, now, wanted));
                    }
                }
                return plan(ctx, changes, List.of());
            }
        };
    }
}
