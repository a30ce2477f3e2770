/**
 * Machinery the public packages of core share: the limits every CSV read is held to ({@link
 * dev.oktaentra.core.internal.CsvLimits}). Not API: it may change in any release, and no public signature outside
 * this package mentions it.
 */
package dev.oktaentra.core.internal;
