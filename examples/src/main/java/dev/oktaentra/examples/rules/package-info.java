/**
 * An example of a custom {@link dev.oktaentra.core.match.MatchRule}:
 * {@link dev.oktaentra.examples.rules.EmployeeIdRule} pairs users by employee number even when one system
 * zero-pads it and the other does not.
 */
package dev.oktaentra.examples.rules;
