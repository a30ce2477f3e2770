package dev.oktaentra.core.migration;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The process the crash test kills: it applies a recorded plan against a {@link FileDirectory}. Arguments: the
 * work directory, then {@code plan} (record a plan, print its id and checksum) or {@code apply ID CHECKSUM}.
 */
public final class CrashChild {

    static final int CHANGES = 2_000;
    static final String STEP = "fill";

    private CrashChild() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        FileDirectory directory = FileDirectory.open(dir.resolve("directory.log"));
        MigrationContext context = MigrationContext.builder().onPremWriter(directory)
                .options(MigrationOptions.defaults().withMaxWritesPerStep(CHANGES)).clock(Clock.systemUTC()).build();
        try (Migration migration = Migration.configure().runbook(new Runbook("crash", List.of(step(directory))))
                .context(context).journal(dir.resolve("journal.jsonl")).open()) {
            if (args[1].equals("plan")) {
                Plan plan = migration.plan(STEP);
                System.out.println(plan.id() + " " + plan.checksum());
            } else {
                ApplyResult result = migration.apply(STEP, args[2], args[3]);
                System.out.println(result);
                System.exit(result.complete() ? 0 : 3);
            }
        }
    }

    static MigrationStep step(FileDirectory directory) {
        return new BaseMigrationStep(STEP, "Fill every object", StepKind.AUTOMATED) {
            @Override
            public Plan plan(MigrationContext ctx) {
                List<Change> changes = new ArrayList<>();
                for (int i = 0; i < CHANGES; i++) {
                    String target = "CN=u" + i;
                    String wanted = "u" + i + "@contoso.com";
                    String now = directory.get(target);
                    if (!wanted.equals(now)) {
                        changes.add(OnPremAttribute.change(target, "mail", now, wanted, "crash test"));
                    }
                }
                return plan(ctx, changes, List.of());
            }
        };
    }
}
