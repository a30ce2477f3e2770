package dev.oktaentra.core.validation.internal.store;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deletes the temporary files of {@link Spill}s that are not closed. A spill registers its file here; the file is
 * deleted when the spill is closed, when the garbage collector finds the spill unreachable, or, for the files still
 * here, when the JVM exits. Only the files not yet deleted are held, so a long-running application that validates
 * again and again holds nothing for the validations it is done with, which {@link java.io.File#deleteOnExit()}, one
 * path kept per file until the JVM ends, would.
 *
 * <p>The exit deletion is one shutdown hook, added with the first spill. Like any shutdown hook it keeps this
 * library's class loader until the JVM ends; an application server that redeploys should close its reports, which
 * leaves the hook with nothing to do.
 */
final class SpillFiles {

    private static final Cleaner CLEANER = Cleaner.create();
    /** The files not deleted yet. */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static boolean hooked;

    private SpillFiles() {
    }

    /**
     * Registers a spill's file.
     *
     * @param owner the spill; its file is deleted once it is unreachable
     * @param file the file
     * @return what deletes the file now, once; {@link Spill#close()} calls it
     */
    static Cleaner.Cleanable register(Spill owner, Path file) {
        hookOnce();
        LIVE.add(file);
        return CLEANER.register(owner, new Deletion(file));
    }

    /** Whether a file is still held for deletion (for tests: a closed spill's file must not be). */
    static boolean held(Path file) {
        return LIVE.contains(file);
    }

    private static synchronized void hookOnce() {
        if (!hooked) {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(SpillFiles::deleteAll, "oktaentra-spill-files"));
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting already: closing or the cleaner deletes the file
            }
            hooked = true;
        }
    }

    private static void deleteAll() {
        for (Path file : LIVE) {
            delete(file);
        }
    }

    /** Deletes a file and forgets it; a file that cannot be deleted yet (open elsewhere) is kept for the exit. */
    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
            LIVE.remove(file);
        } catch (IOException | SecurityException e) {
            // kept in LIVE: the exit tries again
        }
    }

    /** The cleaning action: holds the path only, never the spill, or the spill would stay reachable. */
    private record Deletion(Path file) implements Runnable {
        @Override
        public void run() {
            delete(file);
        }
    }
}
