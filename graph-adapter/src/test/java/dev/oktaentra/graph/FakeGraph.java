package dev.oktaentra.graph;

import dev.oktaentra.graph.testing.FakeGraphServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh {@link FakeGraphServer} for every test, closed after it even when the test fails, and the retry waits the
 * client recorded instead of sleeping. Register it on an instance field:
 *
 * <pre>{@code
 * @RegisterExtension
 * final FakeGraph graph = new FakeGraph();
 * }</pre>
 *
 * <p>JUnit calls {@link #beforeEach} before the class's own {@code @BeforeEach} methods and {@link #afterEach} after
 * its {@code @AfterEach} methods, so a test class can still seed the server or open a client there (and close that
 * client first).
 */
final class FakeGraph implements BeforeEachCallback, AfterEachCallback {

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private FakeGraphServer server;

    @Override
    public void beforeEach(ExtensionContext context) {
        sleeps.clear();
        server = FakeGraphServer.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        // null when start() itself failed: JUnit still calls this, and that failure is the one to report
        if (server != null) {
            try {
                server.close();
            } finally {
                server = null;
            }
        }
    }

    /** The server started for the running test. */
    FakeGraphServer server() {
        if (server == null) {
            throw new IllegalStateException("No fake Graph server outside a test: register FakeGraph with "
                    + "@RegisterExtension on an instance field and use it from a test or its @BeforeEach/@AfterEach");
        }
        return server;
    }

    /** The waits the retry policy of {@link #options()} asked for in the running test, in order. */
    List<Duration> sleeps() {
        return sleeps;
    }

    /** {@link Fixtures#options} for this server: the runbook's token, plain http, retries recorded in {@link #sleeps()}. */
    GraphSettings.Builder options() {
        return Fixtures.options(server(), sleeps);
    }
}
