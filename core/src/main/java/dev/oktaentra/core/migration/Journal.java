package dev.oktaentra.core.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migration's memory and its only source of truth: an append-only JSON Lines file, one {@link JournalEntry} a
 * line, each written and forced to disk before the next, so that a crash loses at most the line being written.
 *
 * <p>{@link #open(Path, Clock)} is for runs that write: the file is locked while open, so a second writing run
 * against the same journal fails at once, and a last line cut short by a crash is dropped (the change it recorded is
 * found again, already written, on resume). {@link #read(Path)} is for looking only ({@code status}): it takes no
 * lock, creates nothing and changes nothing, so it works while another run holds the journal, and a torn last line
 * is left in place for the next writing run to drop, and counted ({@link #tornTailBytes()}).
 *
 * <p>Blank lines (an editor's trailing newline, Windows line ends) hold no entry and are skipped; a complete last
 * entry that lost only its line break is kept. Damage anywhere else stops the open with the line number, because a
 * journal that cannot be trusted must not drive writes.
 *
 * <p>Each change is recorded with the name of its {@link ChangeKind}; a journal is read with the kinds of the
 * migration that opens it ({@link ChangeKinds}), and a change of a kind it does not know stops the open with the
 * line number and the kind's name, never read as another kind. Lines written before kinds were named are read with
 * the kind their system and attribute imply.
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
    private final long tornTailBytes;

    private Journal(Path file, Clock clock, FileChannel channel, FileLock lock, Contents contents) {
        this.file = file;
        this.clock = clock;
        this.channel = channel;
        this.lock = lock;
        this.entries = contents.entries;
        this.tornTailBytes = contents.tornTail;
    }

    /** What a journal file holds: its entries, where the last complete line ends, and a torn tail's length. */
    private record Contents(List<JournalEntry> entries, long end, boolean lineBreakMissing, long tornTail) {
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
        return open(file, clock, ChangeKinds.builtIns());
    }

    /**
     * Opens (or creates) a journal that may hold changes of kinds of your own, and locks it.
     *
     * @param file the JSON Lines file
     * @param clock the clock that stamps entries
     * @param kinds the change kinds the journal's changes may have
     * @return the open journal; close it to release the lock
     * @throws JournalException when another run holds the lock, the file is damaged, or a change's kind is unknown
     */
    public static Journal open(Path file, Clock clock, ChangeKinds kinds) {
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
            Contents contents = parse(file, readAll(channel), reader(kinds));
            if (contents.tornTail > 0) {
                LOG.warn("{}: dropping a last line cut short by an interrupted run ({} bytes); its change will be "
                        + "found again on resume", file, contents.tornTail);
            }
            channel.truncate(contents.end);
            channel.position(contents.end);
            if (contents.lineBreakMissing) {
                writeFully(channel, new byte[] {'\n'});
            }
            if (contents.tornTail > 0 || contents.lineBreakMissing) {
                channel.force(true);
            }
            return new Journal(file, clock, channel, lock, contents);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new JournalException("Cannot open the journal " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /**
     * Reads a journal without writing to it: no lock, no file created, a torn last line left in place. For looking
     * only, e.g. {@code status} while another run may hold the journal; {@link #append} is refused.
     *
     * @param file the JSON Lines file; a missing file reads as an empty journal
     * @return a read-only snapshot; closing it releases nothing but is harmless
     * @throws JournalException when the file cannot be read or is damaged before its last line
     */
    public static Journal read(Path file) {
        return read(file, ChangeKinds.builtIns());
    }

    /**
     * Reads a journal that may hold changes of kinds of your own, without writing to it, as {@link #read(Path)}.
     *
     * @param file the JSON Lines file; a missing file reads as an empty journal
     * @param kinds the change kinds the journal's changes may have
     * @return a read-only snapshot
     * @throws JournalException when the file cannot be read, is damaged before its last line, or a change's kind is
     *         unknown
     */
    public static Journal read(Path file, ChangeKinds kinds) {
        Contents contents;
        try {
            contents = Files.exists(file) ? parse(file, Files.readAllBytes(file), reader(kinds))
                    : new Contents(new ArrayList<>(), 0, false, 0);
        } catch (IOException e) {
            throw new JournalException("Cannot read the journal " + file + ": " + e.getMessage(), e);
        }
        if (contents.tornTail > 0) {
            LOG.info("{}: the last line is cut short ({} bytes, an interrupted run, or one writing now); left in "
                    + "place for the next writing run to drop", file, contents.tornTail);
        }
        return new Journal(file, null, null, null, contents);
    }

    private static ObjectReader reader(ChangeKinds kinds) {
        return JSON.readerFor(JournalEntry.class).withAttribute(ChangeKinds.class, kinds);
    }

    private static byte[] readAll(FileChannel channel) throws IOException {
        byte[] bytes = new byte[(int) channel.size()];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        channel.position(0);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
            // read the whole file
        }
        return bytes;
    }

    /** Splits the file into entries; blank lines are skipped, a last line without a line break is judged apart. */
    private static Contents parse(Path file, byte[] bytes, ObjectReader reader) {
        List<JournalEntry> entries = new ArrayList<>();
        int start = 0;
        int line = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                String text = utf8(bytes, start, i - start);
                if (text == null) {
                    throw new JournalException("The journal " + file + " is damaged at line " + line + ": it is not "
                            + "UTF-8 text. Restore it from a copy; do not edit it by hand");
                }
                if (!text.isBlank()) {
                    entries.add(parse(file, reader, text, line, entries.size() + 1));
                }
                start = i + 1;
                line++;
            }
        }
        if (start == bytes.length) {
            return new Contents(entries, bytes.length, false, 0);
        }
        String tail = utf8(bytes, start, bytes.length - start);
        if (tail != null && tail.isBlank()) {
            return new Contents(entries, start, false, 0);
        }
        if (tail == null || !complete(reader, tail)) {  // a crash can cut a character's bytes short
            return new Contents(entries, start, false, bytes.length - start);
        }
        entries.add(parse(file, reader, tail, line, entries.size() + 1));
        return new Contents(entries, bytes.length, true, 0);
    }

    /**
     * The text of a line, or {@code null} when its bytes are not UTF-8: decoding them with replacement characters
     * would read a before-value other than the one written, and rollback would write that.
     */
    private static String utf8(byte[] bytes, int from, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, length)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Whether a last line is a whole entry (only its line break is missing). One that is whole but holds a change of
     * an unknown kind is whole too: it must stop the open, not be dropped as torn.
     */
    private static boolean complete(ObjectReader reader, String tail) {
        try {
            reader.readValue(tail);
            return true;
        } catch (JsonProcessingException | RuntimeException e) {
            return ChangeJson.UnknownKind.in(e) != null;
        }
    }

    private static JournalEntry parse(Path file, ObjectReader reader, String text, int line, long expectedSeq) {
        JournalEntry entry;
        try {
            entry = reader.readValue(text);
        } catch (JsonProcessingException | RuntimeException e) {
            ChangeJson.UnknownKind unknown = ChangeJson.UnknownKind.in(e);
            if (unknown != null) {
                throw new JournalException("The journal " + file + " cannot be read at line " + line + ": it holds "
                        + unknown.getMessage(), e);
            }
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
        return StepHistory.of(step, entries).confirmedSinceLatestPlan();
    }

    /**
     * Whether this journal was opened by {@link #read(Path)}, for looking only.
     *
     * @return true when appending is refused
     */
    public boolean readOnly() {
        return channel == null;
    }

    /**
     * The length of a last line cut short by an interrupted run: the bytes {@link #open(Path, Clock)} dropped, or
     * those {@link #read(Path)} left in place for the next writing run to drop.
     *
     * @return the bytes, 0 when the last line was whole
     */
    public long tornTailBytes() {
        return tornTailBytes;
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
        if (readOnly()) {
            throw new JournalException("The journal " + file + " was opened read-only, for looking (status); open it "
                    + "with Journal.open to write");
        }
        JournalEntry entry = draft.numbered(entries.size() + 1, clock.instant());
        try {
            // As bytes: Jackson's UTF-8 output keeps half a surrogate pair as a \\u escape, where String.getBytes
            // would write '?' in its place, and a before-value is what rollback writes back.
            byte[] json = JSON.writeValueAsBytes(entry);
            byte[] line = Arrays.copyOf(json, json.length + 1);
            line[json.length] = '\n';
            writeFully(channel, line);
            channel.force(false);
        } catch (IOException e) {
            throw new JournalException("Cannot write to the journal " + file + ": " + e.getMessage()
                    + ". Stop and check the disk before going on", e);
        }
        entries.add(entry);
        return entry;
    }

    private static void writeFully(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Releases the lock; nothing to release for a read-only journal. */
    @Override
    public void close() {
        if (readOnly()) {
            return;
        }
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
