/** Progress reporting for long operations: {@link dev.oktaentra.core.progress.ProgressListener}. */
package dev.oktaentra.core.progress;
