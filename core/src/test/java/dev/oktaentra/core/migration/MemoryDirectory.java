package dev.oktaentra.core.migration;

import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.AttributeWrite;
import dev.oktaentra.core.directory.DirectoryWriter;
import dev.oktaentra.core.directory.WriteResult;
import dev.oktaentra.core.directory.WriteStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A directory in memory that writes compare-and-set, as the real writers do, and counts every real write.
 * {@link #failOn} makes chosen targets fail, to test failures and repair.
 */
final class MemoryDirectory implements DirectoryWriter {

    private final Map<String, AttributeValue> values = new LinkedHashMap<>();
    private final List<String> writes = new ArrayList<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final String attribute;
    private Runnable beforeNextWrite;

    MemoryDirectory(String attribute) {
        this.attribute = attribute;
    }

    MemoryDirectory put(String target, String value) {
        values.put(target, value == null ? null : AttributeValue.ofString(value));
        return this;
    }

    String get(String target) {
        AttributeValue value = values.get(target);
        return value == null ? null : value.asString();
    }

    Map<String, AttributeValue> values() {
        return values;
    }

    List<String> writes() {
        return writes;
    }

    void failOn(String target) {
        failing.add(target);
    }

    /** Runs once before the next batch is written, to play an admin editing a value meanwhile. */
    void beforeNextWrite(Runnable action) {
        this.beforeNextWrite = action;
    }

    void heal() {
        failing.clear();
    }

    @Override
    public synchronized List<WriteResult> write(List<AttributeWrite> batch) {
        if (beforeNextWrite != null) {
            Runnable action = beforeNextWrite;
            beforeNextWrite = null;
            action.run();
        }
        List<WriteResult> results = new ArrayList<>();
        for (AttributeWrite w : batch) {
            AttributeValue now = values.get(w.target());
            if (!w.attribute().equals(attribute)) {
                results.add(new WriteResult(w, WriteStatus.REFUSED, now, "only " + attribute));
            } else if (failing.contains(w.target())) {
                results.add(new WriteResult(w, WriteStatus.FAILED, now, "server busy"));
            } else if (Objects.equals(now, w.after())) {
                results.add(new WriteResult(w, WriteStatus.ALREADY_APPLIED, now, ""));
            } else if (!Objects.equals(now, w.before())) {
                results.add(new WriteResult(w, WriteStatus.CONFLICT, now, "changed underneath"));
            } else {
                values.put(w.target(), w.after());
                writes.add(w.target() + "=" + (w.after() == null ? null : w.after().asString()));
                results.add(new WriteResult(w, WriteStatus.APPLIED, now, ""));
            }
        }
        return results;
    }

    @Override
    public List<String> writableAttributes() {
        return List.of(attribute);
    }

    @Override
    public String name() {
        return "memory";
    }
}
