package dev.oktaentra.core.migration;

import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.AttributeWrite;
import dev.oktaentra.core.directory.DirectoryWriter;
import dev.oktaentra.core.directory.WriteResult;
import dev.oktaentra.core.directory.WriteStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A directory that survives the death of its process: every real write is one line {@code target<TAB>value} appended
 * (tab-separated) to a log and forced to disk, and the state is the replay of that log. Counting a target's lines counts how many
 * times it was written, which is what the crash test needs.
 */
final class FileDirectory implements DirectoryWriter {

    private final FileChannel log;
    private final Map<String, String> state;

    private FileDirectory(FileChannel log, Map<String, String> state) {
        this.log = log;
        this.state = state;
    }

    static FileDirectory open(Path file) {
        try {
            Map<String, String> state = replay(file);
            return new FileDirectory(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND), state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every complete line of the log, oldest first (a line cut short by a kill is not a write). */
    static List<String> writes(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
    }

    static Map<String, String> replay(Path file) throws IOException {
        Map<String, String> state = new HashMap<>();
        for (String line : writes(file)) {
            int tab = line.indexOf('\t');
            state.put(line.substring(0, tab), line.substring(tab + 1));
        }
        return state;
    }

    String get(String target) {
        return state.get(target);
    }

    @Override
    public List<WriteResult> write(List<AttributeWrite> writes) {
        List<WriteResult> results = new ArrayList<>();
        for (AttributeWrite w : writes) {
            String now = state.get(w.target());
            String before = w.before() == null ? null : w.before().asString();
            String after = w.after().asString();
            AttributeValue observed = now == null ? null : AttributeValue.ofString(now);
            if (after.equals(now)) {
                results.add(new WriteResult(w, WriteStatus.ALREADY_APPLIED, observed, ""));
            } else if (!Objects.equals(now, before)) {
                results.add(new WriteResult(w, WriteStatus.CONFLICT, observed, "changed"));
            } else {
                append(w.target() + "\t" + after + "\n");
                state.put(w.target(), after);
                results.add(new WriteResult(w, WriteStatus.APPLIED, observed, ""));
            }
        }
        return results;
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

    @Override
    public List<String> writableAttributes() {
        return List.of("mail");
    }

    @Override
    public String name() {
        return "file";
    }
}
