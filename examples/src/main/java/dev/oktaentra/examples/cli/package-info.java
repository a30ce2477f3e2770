/**
 * The {@code oktaentra} command-line tool: {@link dev.oktaentra.examples.cli.Main} and one class per command.
 *
 * <p>Commands print their results on stdout (a table for people, or JSON with {@code --json}) and everything else
 * (errors, progress, library warnings) on stderr. Exit codes: 0 clean, 1 findings that need attention, 2 a usage or
 * input error, 3 an unexpected failure. Every command shares the error handling of its base class, so a new command
 * is one class registered in {@link dev.oktaentra.examples.cli.Main}.
 */
package dev.oktaentra.examples.cli;
