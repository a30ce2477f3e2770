/**
 * The embedded rehearsal: a whole tenant on loopback and a migration runbook run against it from dry run to
 * verified cutover.
 *
 * <p>{@link dev.oktaentra.examples.rehearsal.EmbeddedEnvironment} starts the adapters' test fakes (an in-memory
 * Active Directory, a Graph stand-in and an Okta stand-in), seeds them from a
 * {@link dev.oktaentra.examples.rehearsal.Scenario} with the trouble real tenants have (recorded in a
 * {@link dev.oktaentra.examples.rehearsal.SeededTenant}) and connects the real adapters to them.
 * {@link dev.oktaentra.examples.rehearsal.Rehearsal} runs a runbook on it, playing the parts the runbook leaves to
 * people and to servers outside the library, writes the reports and returns a
 * {@link dev.oktaentra.examples.rehearsal.RehearsalResult}. {@link dev.oktaentra.examples.rehearsal.CliConfiguration}
 * writes a configuration file with which the CLI's runbook commands drive a running environment. The CLI's
 * {@code rehearse} command and the JShell script {@code rehearsal.jsh} are built on these.
 */
package dev.oktaentra.examples.rehearsal;
