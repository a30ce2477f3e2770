/**
 * The configuration file the CLI's migration commands ({@code plan}, {@code apply}, {@code verify}, {@code status},
 * {@code rollback}, …) read: which runbook, where the journal is, how to reach Active Directory, Entra ID and Okta,
 * and the migration's options. {@link dev.oktaentra.examples.config.MigrationConfig#read(java.nio.file.Path)} reads
 * and checks it; {@link dev.oktaentra.examples.config.MigrationConfig#connect} opens the ports it names.
 *
 * <p>Secrets are never part of the file. It names environment variables ({@code "passwordEnv":
 * "OKTAENTRA_LDAP_PASSWORD"}) and {@link dev.oktaentra.examples.config.Secrets} reads them, or asks on the terminal
 * when a variable is not set; a key that looks like a secret ({@code password}, {@code clientSecret}, …) is refused
 * without repeating its value.
 */
package dev.oktaentra.examples.config;
