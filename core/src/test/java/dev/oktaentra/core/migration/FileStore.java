package dev.oktaentra.core.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * A key-value store that survives the death of its process, as a user's own system might be: every write is one
 * line appended to a log and forced to disk ({@code key<TAB>=value}, or {@code key<TAB>-} when cleared), and the
 * state is the replay of the log. {@link FileDirectory#writes(Path)} reads the log's lines.
 */
final class FileStore {

    private final FileChannel log;
    private final Map<String, String> state;
    private int lostAnswers;
    private int refusals;

    private FileStore(FileChannel log, Map<String, String> state) {
        this.log = log;
        this.state = state;
    }

    static FileStore open(Path file) {
        try {
            Map<String, String> state = replay(file);
            return new FileStore(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND), state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> replay(Path file) throws IOException {
        Map<String, String> state = new HashMap<>();
        for (String line : FileDirectory.writes(file)) {
            int tab = line.indexOf('\t');
            String value = line.substring(tab + 1);
            state.put(line.substring(0, tab), value.startsWith("=") ? value.substring(1) : null);
        }
        return state;
    }

    synchronized String get(String key) {
        return state.get(key);
    }

    /** Writes a value ({@code null} clears it); see {@link #refuse} and {@link #loseAnswers} for failures. */
    synchronized void put(String key, String value) {
        if (refusals > 0) {
            refusals--;
            throw new IllegalStateException("the store is read-only for maintenance");
        }
        append(key + "\t" + (value == null ? "-" : "=" + value) + "\n");
        state.put(key, value);
        if (lostAnswers > 0) {
            lostAnswers--;
            throw new IllegalStateException("the store's answer was lost after the write");
        }
    }

    /** The next writes throw before they take effect. */
    synchronized void refuse(int count) {
        refusals = count;
    }

    /** The next writes take effect and then throw, as a write whose answer is lost. */
    synchronized void loseAnswers(int count) {
        lostAnswers = count;
    }

    private void append(String line) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                log.write(bytes);
            }
            log.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
