package dev.oktaentra.examples.cli;

import dev.oktaentra.examples.config.Secrets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top of the command tree. Its {@code --help}, {@code --version} and {@code --debug} are inherited by every
 * command, so that {@code oktaentra validate --help} and {@code oktaentra --debug validate …} both work.
 */
@Command(name = "oktaentra", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = OktaEntraCommand.Version.class, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Checks and converts the anchors that tie on-premises users to Entra ID users, before "
                + "provisioning moves from Okta's Office 365 app to Entra Connect."},
        footer = {"", "Exit codes: 0 clean, 1 findings that need attention, 2 usage or input error, "
                + "3 unexpected failure.", "Run 'oktaentra COMMAND --help' for a command's options."})
final class OktaEntraCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Show stack traces and the library's debug log (on stderr).")
    boolean debug;

    /** Where the migration commands read secrets; tests and embedding tools replace it through {@link Main}. */
    Secrets secrets = Secrets.system();

    @Override
    public Integer call() {
        // No command named: show what there is, and say it is a usage error.
        spec.commandLine().usage(spec.commandLine().getErr());
        return Exit.INPUT_ERROR.code();
    }

    /** The version from the jar's manifest; "development" when run from classes. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = OktaEntraCommand.class.getPackage().getImplementationVersion();
            return new String[] {"oktaentra " + (version == null ? "development build" : version),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
