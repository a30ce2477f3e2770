package dev.oktaentra.examples.config;

import dev.oktaentra.core.settings.Secret;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/** The rules of {@link Secrets}: a variable that is set wins; else a prompt, if anyone can be asked; else an error. */
final class EnvironmentSecrets {

    private EnvironmentSecrets() {
    }

    static Secret read(Function<String, String> environment, Secrets.Prompt prompt, BooleanSupplier canPrompt,
            String variable, String what) {
        if (variable == null || !Secrets.VARIABLE_NAME.matcher(variable).matches()) {
            throw new ConfigFileException("The name of the environment variable for " + what + " is not a variable name");
        }
        String value = environment.apply(variable);
        if (value != null && !value.isEmpty()) {
            return Secret.of(value);
        }
        String state = value == null ? "is not set" : "is set but empty";
        if (prompt == null || !canPrompt.getAsBoolean()) {
            throw new ConfigFileException("The environment variable " + variable + " (" + what + ") " + state
                    + ", and there is no terminal to ask on. Set it in the environment of this command; secrets are "
                    + "never read from the command line or the configuration file");
        }
        char[] typed = prompt.read(capitalise(what) + " (" + variable + " " + state + "): ");
        if (typed == null || typed.length == 0) {
            throw new ConfigFileException("Nothing was typed for " + what + " (" + variable + " " + state + ")");
        }
        try {
            return Secret.of(typed);
        } finally {
            Arrays.fill(typed, '\0');
        }
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
