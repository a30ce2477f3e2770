package dev.oktaentra.core.validation;

import static dev.oktaentra.core.validation.Users.ad;
import static dev.oktaentra.core.validation.Users.entra;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.DirectoryException;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.match.MatchRule;
import dev.oktaentra.core.match.SourceAnchor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The two sides are read at once, the on-prem side keyed on a thread of its own: what that must not change (which
 * rule failures count) and what it must not leave behind when a side fails (threads, open streams).
 */
class ValidationConcurrencyTest {

    @Test
    void run_ignoresARuleThatFailsAfterTheHardMatchDecided() {
        MatchRule failsLate = MatchRule.named("failsLate", user -> {
            if (user instanceof OnPremUser) {
                throw new IllegalStateException("never reached");
            }
            return null;
        });
        List<MatchRule> rules = new ArrayList<>(MatchRule.entraConnectDefaults(SourceAnchor.objectGuid()));
        rules.add(failsLate);

        List<ValidationFinding> rows = findings(Validation.builder().rules(rules).build(),
                OnPremDirectory.of("ad", List.of(ad("jane").build())),
                CloudDirectory.of("entra", List.of(entra("jane").build())));

        assertThat(rows).singleElement().extracting(ValidationFinding::outcome).isEqualTo(MatchOutcome.MATCHED);
    }

    @Test
    void run_countsARuleFailureOnceTheMatchingReachesIt() {
        MatchRule failsOnPrem = MatchRule.named("failsOnPrem", user -> {
            if (user instanceof OnPremUser) {
                throw new IllegalStateException("no badge service");
            }
            return null;
        });
        List<MatchRule> rules = List.of(MatchRule.softMatchUserPrincipalName(), failsOnPrem);

        List<ValidationFinding> rows = findings(Validation.builder().rules(rules).build(),
                OnPremDirectory.of("ad", List.of(ad("jane").build())),
                CloudDirectory.of("entra", List.of(entra("jane").build())));

        ValidationFinding jane = rows.get(0);
        assertThat(jane.outcome()).isEqualTo(MatchOutcome.INVALID);
        assertThat(jane.note()).isEqualTo("match rule failsOnPrem failed on this object: no badge service");
        assertThat(jane.userPrincipalName()).isEqualTo("jane@contoso.com");
        assertThat(jane.location()).isEqualTo("CN=jane,OU=Staff,DC=contoso,DC=com");
    }

    @Test
    void run_rethrowsAnOnPremReadFailureAndLeavesNoReaderRunning() {
        AtomicBoolean closed = new AtomicBoolean();
        OnPremDirectory failing = directory(Stream.concat(Stream.of(ad("jane").build()).map(DirectoryRecord.Usable::new),
                Stream.<DirectoryRecord<OnPremUser>>generate(() -> {
                    throw new DirectoryException("LDAP server went away");
                })).onClose(() -> closed.set(true)));

        assertThatThrownBy(() -> Validation.builder().build().run(failing, cloud(20_000)))
                .isInstanceOf(DirectoryException.class).hasMessage("LDAP server went away");
        assertThat(closed).isTrue();
        assertNoReaderRunning();
    }

    @Test
    void run_rethrowsACloudReadFailureAndStopsTheOnPremReader() {
        AtomicBoolean closed = new AtomicBoolean();
        // An on-prem side without end: only stopping its reader ends the run.
        OnPremDirectory endless = directory(IntStream.iterate(0, i -> i + 1)
                .mapToObj(i -> (DirectoryRecord<OnPremUser>) new DirectoryRecord.Usable<>(ad("u" + i).build()))
                .onClose(() -> closed.set(true)));
        CloudDirectory failing = Directories.cloud("entra", () -> Stream.generate(() -> {
            throw new DirectoryException("Graph answered 503");
        }));

        assertThatThrownBy(() -> Validation.builder().build().run(endless, failing))
                .isInstanceOf(DirectoryException.class).hasMessage("Graph answered 503");
        assertThat(closed).isTrue();
        assertNoReaderRunning();
    }

    private static void assertNoReaderRunning() {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (readersRunning() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("oktaentra-"));
    }

    private static boolean readersRunning() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("oktaentra-"));
    }

    private static CloudDirectory cloud(int users) {
        List<CloudUser> list = IntStream.range(0, users).mapToObj(i -> entra("c" + i).build()).toList();
        return CloudDirectory.of("entra", list);
    }

    private static List<ValidationFinding> findings(Validation validation, OnPremDirectory onPrem,
            CloudDirectory cloud) {
        try (ValidationReport report = validation.run(onPrem, cloud);
                Stream<ValidationFinding> rows = report.findings()) {
            return rows.toList();
        }
    }

    private static OnPremDirectory directory(Stream<DirectoryRecord<OnPremUser>> records) {
        return Directories.onPrem("ad", () -> records);
    }
}
