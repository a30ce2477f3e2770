package dev.oktaentra.examples.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time of this JVM's own threads, by kind, from Linux's {@code /proc/self/task}: how much of a cold run the
 * JIT compilers and the garbage collector took. Threads that have ended are no longer listed; their time is in the
 * process's total only, so "the rest" is the total less the kinds counted here.
 */
final class ThreadCpu {

    /** Clock ticks of 1/100 s ({@code USER_HZ}), as in {@link TimedProcess#childrenCpu()}. */
    private static final double TICKS_PER_SECOND = 100;

    private ThreadCpu() {
    }

    /**
     * The CPU seconds of the JIT compilers (C1, C2) and of the collector's and VM's threads, as far as they are listed.
     *
     * @return seconds by kind, in a fixed order; empty where there is no {@code /proc}
     */
    static Map<String, Double> byKind() throws IOException {
        Map<String, Double> kinds = new LinkedHashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return kinds;
        }
        kinds.put("jit-c2", 0.0);
        kinds.put("jit-c1", 0.0);
        kinds.put("gc", 0.0);
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                String stat;
                try {
                    stat = Files.readString(thread.resolve("stat"), StandardCharsets.US_ASCII);
                } catch (NoSuchFileException e) {
                    continue;  // ended meanwhile
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                String kind = name.startsWith("C2 Compiler") ? "jit-c2"
                        : name.startsWith("C1 Compiler") ? "jit-c1"
                        : name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread") ? "gc"
                        : null;
                if (kind != null) {
                    kinds.merge(kind, seconds, Double::sum);
                }
            }
        }
        return kinds;
    }
}
