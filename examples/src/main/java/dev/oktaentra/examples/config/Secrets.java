package dev.oktaentra.examples.config;

import dev.oktaentra.core.settings.Secret;
import java.io.Console;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where the secrets a configuration names come from: an environment variable, or, when it is not set and a person is
 * at a terminal, a prompt that does not echo. Never the command line, never the configuration file.
 *
 * <pre>{@code
 * Secrets secrets = Secrets.system();                       // System.getenv, then System.console()
 * Secret password = secrets.secret("OKTAENTRA_LDAP_PASSWORD", "the LDAP password of svc-sync@contoso.com");
 * }</pre>
 */
public interface Secrets {

    /** What an environment variable's name may look like; anything else is probably a pasted secret. */
    Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    /**
     * Reads a secret.
     *
     * @param variable the environment variable that holds it, e.g. {@code OKTAENTRA_LDAP_PASSWORD}
     * @param what what it is, for the prompt and for errors, e.g. {@code the LDAP password of svc-sync@contoso.com}
     * @return the secret, never empty; the caller may {@link Secret#clear()} it once used
     * @throws ConfigFileException naming the variable (never a value) when the secret is not set and cannot be asked for
     */
    Secret secret(String variable, String what);

    /**
     * Asks a person for a secret without echoing it.
     */
    @FunctionalInterface
    interface Prompt {

        /**
         * Asks.
         *
         * @param message the question, ending in {@code ": "}
         * @return what was typed, or {@code null} when the input ended
         */
        char[] read(String message);
    }

    /**
     * The process environment, then the terminal ({@link Console#readPassword}) when there is one.
     *
     * @return the secrets of this process
     */
    static Secrets system() {
        return of(System::getenv, message -> {
            Console console = System.console();
            return console == null ? null : console.readPassword("%s", message);
        }, () -> System.console() != null);
    }

    /**
     * Secrets from a given environment and prompt, for tests and for tools that embed the CLI.
     *
     * @param environment looks a variable up; {@code null} when it is not set
     * @param prompt asks a person, or {@code null} when nobody can be asked
     * @return the secrets
     */
    static Secrets of(Function<String, String> environment, Prompt prompt) {
        return of(environment, prompt, () -> prompt != null);
    }

    private static Secrets of(Function<String, String> environment, Prompt prompt,
            java.util.function.BooleanSupplier canPrompt) {
        Objects.requireNonNull(environment, "environment");
        return (variable, what) -> EnvironmentSecrets.read(environment, prompt, canPrompt, variable, what);
    }
}
