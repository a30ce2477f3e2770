package dev.oktaentra.core.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads a page in a real headless Chromium (Debian's {@code chromium}) and returns the DOM after the page's scripts
 * ran, with every console message the page produced. Chromium's {@code --enable-logging=stderr} prints each console
 * message (log, warning, error, uncaught exception, CSP violation) as an {@code INFO:CONSOLE} line.
 */
public final class HeadlessChromium {

    private static final Pattern CONSOLE_LINE = Pattern.compile(".*:CONSOLE[:(].*");
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final long TIMEOUT_SECONDS = 90;

    private final Path executable;

    /** Set (to anything) to make a missing browser fail the test rather than skip it. */
    public static final String REQUIRE = "OKTAENTRA_REQUIRE_CHROMIUM";

    private HeadlessChromium(Path executable) {
        this.executable = executable;
    }

    /**
     * Finds Chromium on the PATH.
     *
     * @return the browser, or empty when none is installed
     */
    public static Optional<HeadlessChromium> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(s -> !s.isEmpty())
                .flatMap(dir -> NAMES.stream().map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst().map(HeadlessChromium::new);
    }

    /**
     * Chromium for a test: skips the test when it is not installed, except when the environment variable
     * {@value #REQUIRE} is set ({@code .ci/run} sets it when a browser is on the PATH), where a browser this cannot
     * find fails the test instead of skipping it.
     *
     * @return the browser
     */
    public static HeadlessChromium required() {
        Optional<HeadlessChromium> found = find();
        if (found.isEmpty() && System.getenv(REQUIRE) != null) {
            fail(REQUIRE + " is set but no Chromium was found on the PATH (looked for " + NAMES + ")");
        }
        assumeTrue(found.isPresent(), "Chromium is not installed; install Debian's chromium package to run this");
        return found.get();
    }

    /**
     * What a page load left behind.
     *
     * @param dom the DOM after the page's scripts ran
     * @param consoleMessages every console message the page produced, one line each
     * @param log Chromium's whole log, for a failure's message
     */
    public record PageLoad(String dom, List<String> consoleMessages, String log) {
    }

    /**
     * Loads a file and dumps its DOM.
     *
     * @param page the HTML file
     * @param workDir a folder for the throwaway profile and the output
     * @return the DOM and the console messages
     * @throws IOException when the files cannot be written or read
     * @throws InterruptedException when interrupted while waiting for the browser
     */
    public PageLoad load(Path page, Path workDir) throws IOException, InterruptedException {
        return load(page, workDir, 0);
    }

    /**
     * Loads a file, lets its timers run for a while of virtual time, and dumps its DOM.
     *
     * @param page the HTML file
     * @param workDir a folder for the throwaway profile and the output
     * @param virtualTimeMillis how long timers may run after loading; 0 dumps right after the load event
     * @return the DOM and the console messages
     * @throws IOException when the files cannot be written or read
     * @throws InterruptedException when interrupted while waiting for the browser
     */
    public PageLoad load(Path page, Path workDir, int virtualTimeMillis) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(workDir.resolve("chromium-profile"));
        Path dom = workDir.resolve("dom.html");
        Path log = workDir.resolve("chromium.log");
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-extensions", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--dump-dom"));
        if (virtualTimeMillis > 0) {
            command.add("--virtual-time-budget=" + virtualTimeMillis);
        }
        command.add(page.toUri().toString());
        Process process = new ProcessBuilder(command)
                .redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Chromium did not finish loading " + page + " in " + TIMEOUT_SECONDS
                    + " s; its log: " + log);
        }
        String logText = Files.readString(log, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("Chromium exited with " + process.exitValue() + ":\n" + logText);
        }
        List<String> console = logText.lines().filter(l -> CONSOLE_LINE.matcher(l).matches()).toList();
        return new PageLoad(Files.readString(dom, StandardCharsets.UTF_8), console, logText);
    }
}
