package dev.oktaentra.core.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migration's memory and its only source of truth: an append-only JSON Lines file, one {@link JournalEntry} a
 * line, each written and forced to disk before the next, so that a crash loses at most the line being written.
 *
 * <p>The file is locked while open: a second run against the same journal fails at once. On open, a last line cut
 * short by a crash is dropped (the change it recorded is found again, already written, on resume); damage anywhere
 * else stops the open with the line number, because a journal that cannot be trusted must not drive writes.
 */
public final class Journal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private final Clock clock;
    private final FileChannel channel;
    private final FileLock lock;
    private final List<JournalEntry> entries;

    private Journal(Path file, Clock clock, FileChannel channel, FileLock lock, List<JournalEntry> entries) {
        this.file = file;
        this.clock = clock;
        this.channel = channel;
        this.lock = lock;
        this.entries = entries;
    }

    /**
     * Opens (or creates) a journal and locks it.
     *
     * @param file the JSON Lines file
     * @param clock the clock that stamps entries
     * @return the open journal; close it to release the lock
     * @throws JournalException when another run holds the lock, or the file is damaged
     */
    public static Journal open(Path file, Clock clock) {
        FileChannel channel = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new JournalException("The journal " + file + " is in use by another run; wait for it to end "
                        + "(two runs must never write the same directories at once)");
            }
            List<JournalEntry> entries = read(file, channel);
            channel.position(channel.size());
            return new Journal(file, clock, channel, lock, entries);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new JournalException("Cannot open the journal " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static List<JournalEntry> read(Path file, FileChannel channel) throws IOException {
        byte[] bytes = new byte[(int) channel.size()];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        channel.position(0);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
            // read the whole file
        }
        List<JournalEntry> entries = new ArrayList<>();
        int start = 0;
        int line = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                String text = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                entries.add(parse(file, text, line, entries.size() + 1));
                start = i + 1;
                line++;
            }
        }
        if (start < bytes.length) {
            LOG.warn("{}: dropping a last line cut short by an interrupted run ({} bytes); its change will be found "
                    + "again on resume", file, bytes.length - start);
            channel.truncate(start);
            channel.force(true);
        }
        return entries;
    }

    private static JournalEntry parse(Path file, String text, int line, long expectedSeq) {
        JournalEntry entry;
        try {
            entry = JSON.readValue(text, JournalEntry.class);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new JournalException("The journal " + file + " is damaged at line " + line + ": "
                    + e.getMessage().lines().findFirst().orElse("unreadable") + ". Restore it from a copy; do not "
                    + "edit it by hand", e);
        }
        if (entry.seq() != expectedSeq) {
            throw new JournalException("The journal " + file + " is damaged at line " + line + ": entry "
                    + entry.seq() + " where " + expectedSeq + " belongs");
        }
        return entry;
    }

    /**
     * Every entry so far, oldest first.
     *
     * @return an unmodifiable view
     */
    public List<JournalEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /**
     * The latest entry of a type for a step.
     *
     * @param step the step
     * @param type the type
     * @return the entry, or empty
     */
    public Optional<JournalEntry> last(String step, JournalEntry.Type type) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            JournalEntry e = entries.get(i);
            if (e.type() == type && step.equals(e.step())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a person confirmed the step since its latest plan.
     *
     * @param step the step
     * @return true when confirmed
     */
    public boolean confirmedSinceLastPlan(String step) {
        long planned = last(step, JournalEntry.Type.PLANNED).map(JournalEntry::seq).orElse(Long.MAX_VALUE);
        return last(step, JournalEntry.Type.OPERATOR_CONFIRMED).map(e -> e.seq() > planned).orElse(false);
    }

    /**
     * The journal's file.
     *
     * @return the path
     */
    public Path file() {
        return file;
    }

    /** Numbers, stamps, writes and forces one entry; returns it as recorded. */
    synchronized JournalEntry append(JournalEntry draft) {
        JournalEntry entry = draft.numbered(entries.size() + 1, clock.instant());
        try {
            byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new JournalException("Cannot write to the journal " + file + ": " + e.getMessage()
                    + ". Stop and check the disk before going on", e);
        }
        entries.add(entry);
        return entry;
    }

    /** Releases the lock. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            LOG.warn("{}: cannot release the lock: {}", file, e.getMessage());
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing after a failure that is already reported
            }
        }
    }
}
