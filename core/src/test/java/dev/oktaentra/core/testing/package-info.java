/**
 * Test helpers that core's tests and the examples' tests share, shipped in core's test-jar (never in the library).
 *
 * <p>{@link dev.oktaentra.core.testing.CsExportFile} writes small SYNTHETIC {@code csexport} files for the staging
 * reader; {@link dev.oktaentra.core.testing.HeadlessChromium} opens an HTML report in a real headless Chromium and
 * returns the DOM its scripts left and every console message, skipping the test without a browser unless
 * {@code OKTAENTRA_REQUIRE_CHROMIUM} is set.
 */
package dev.oktaentra.core.testing;
