package dev.oktaentra.examples.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The executable's logging: SLF4J Simple on stderr, WARN and up unless {@code --debug} (DEBUG) or {@code -D} says
 * otherwise; the HTTP stacks' wire and header loggers off whatever the flags, because they print request headers
 * and bodies, and with them the Okta API token ({@code Authorization: SSWS …}), bearer tokens and the token
 * requests' {@code client_secret} and signed {@code client_assertion}; and stderr passed through
 * {@link RedactingOutputStream}, for whatever a third-party logger still at work might print. The README's "What is
 * logged" section says what each level carries.
 */
final class Logging {

    /** SLF4J Simple's settings; the library logs through SLF4J and the jar carries SLF4J Simple. */
    static final String DEFAULT_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    private static final String LOGGER_LEVEL = "org.slf4j.simpleLogger.log.";
    private static final String LOG_FILE = "org.slf4j.simpleLogger.logFile";
    private static final String SHOW_THREAD = "org.slf4j.simpleLogger.showThreadName";
    private static final String SHORT_NAME = "org.slf4j.simpleLogger.showShortLogName";

    /**
     * Loggers kept off at every level: each prints HTTP headers or bodies. SLF4J Simple applies a logger's own
     * setting before the default level, so {@code --debug} cannot turn them on.
     */
    static final List<String> ALWAYS_OFF = List.of(
            // Apache HttpClient 5 (the Okta SDK's): every byte on the wire, then every header.
            "org.apache.hc.client5.http.wire", "org.apache.hc.client5.http.headers",
            // Apache HttpClient 4, should a library bring it in.
            "org.apache.http.wire", "org.apache.http.headers",
            // azure-core's request log (azure-identity's token requests): bodies at AZURE_HTTP_LOG_DETAIL_LEVEL=body.
            "com.azure.core.http.policy.HttpLoggingPolicy",
            // Netty and Reactor Netty (azure-identity's default HTTP client, should an application put it back in place
            // of the OkHttp one the Graph adapter uses): wiretap dumps and header logs.
            "reactor.netty", "io.netty",
            // OkHttp (the Graph SDK's, and azure-identity's through azure-core-http-okhttp, whose own loggers are
            // under com.azure): an HttpLoggingInterceptor logs headers.
            "okhttp3");

    /**
     * The sign-in stack under the Graph adapter: azure-identity and azure-core, MSAL. Each logs a failed sign-in as
     * errors of its own (21 lines for one unreachable authority when Netty was its client), which the adapter's one
     * {@code GraphSignInException} already says. They are off unless {@code --debug} or
     * {@code -Dorg.slf4j.simpleLogger.log.NAME} turns one on; their wire and header loggers stay off even then.
     */
    static final List<String> QUIET = List.of("com.azure", "com.microsoft.aad.msal4j");

    /** The {@link #QUIET} loggers this class turned off, so that {@link #debug()} turns on only those. */
    private static final Set<String> quietedHere = new HashSet<>();

    /** What {@link System#err} writes to once {@link #configure()} ran. */
    private static RedactingOutputStream libraries;

    private Logging() {
    }

    /**
     * Sets up logging for the executable; call before anything logs.
     *
     * @return stderr for the CLI's own messages and progress, redacted too
     */
    static PrintStream configure() {
        Charset charset = stderrCharset();
        PrintStream stderr = System.err;
        libraries = new RedactingOutputStream(stderr, charset, false);
        System.setErr(new PrintStream(libraries, true, charset));
        setIfAbsent(DEFAULT_LEVEL, "warn");
        setIfAbsent(LOG_FILE, "System.err");
        setIfAbsent(SHOW_THREAD, "false");
        setIfAbsent(SHORT_NAME, "true");
        for (String logger : QUIET) {
            if (System.getProperty(LOGGER_LEVEL + logger) == null) {
                System.setProperty(LOGGER_LEVEL + logger, "off");
                quietedHere.add(logger);
            }
        }
        keepWireLoggersOff();
        return new PrintStream(new RedactingOutputStream(stderr, charset, true), true, charset);
    }

    /** Shows what a library left on stderr without a line break; call before the process exits. */
    static void finish() {
        System.err.flush();
        if (libraries != null) {
            try {
                libraries.drain();
            } catch (IOException e) {
                // stderr is gone; nothing is left to show it on
            }
        }
    }

    /**
     * {@code --debug}: every logger but {@link #ALWAYS_OFF} at DEBUG. Takes effect when nothing has logged yet, which
     * is the case in the executable jar.
     */
    static void debug() {
        System.setProperty(DEFAULT_LEVEL, "debug");
        for (String logger : quietedHere) {
            System.setProperty(LOGGER_LEVEL + logger, "debug");
        }
        keepWireLoggersOff();
    }

    /** Over any {@code -D} setting too: a secret in the log is never what the person asked for. */
    private static void keepWireLoggersOff() {
        for (String logger : ALWAYS_OFF) {
            System.setProperty(LOGGER_LEVEL + logger, "off");
        }
    }

    private static Charset stderrCharset() {
        String name = System.getProperty("sun.stderr.encoding");
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
