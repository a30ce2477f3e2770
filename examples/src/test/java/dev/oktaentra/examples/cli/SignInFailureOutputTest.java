package dev.oktaentra.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.graph.testing.FakeTokenEndpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refused sign-in costs the person one line on stderr: at the CLI's default log level azure-identity, MSAL and
 * their HTTP client log nothing of their own (they printed 21 lines of errors and stack fragments before the CLI's message). Runs
 * in a JVM of its own, because SLF4J Simple reads its levels once per JVM.
 */
class SignInFailureOutputTest {

    @TempDir
    Path dir;

    @Test
    void refusedSignIn_printsOneLineAndNoThirdPartyLog() throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SignInFailureMain.class.getName(), dir.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();

        List<String> lines = stderr.lines().toList();
        assertThat(lines).as(stderr).singleElement().asString()
                .startsWith("oktaentra verify: Signing in to Microsoft Entra ID with azure-identity credential")
                .contains(FakeTokenEndpoint.INVALID_SECRET);
    }
}
