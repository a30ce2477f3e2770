package dev.oktaentra.examples.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A child process timed from before it is started until it has exited: what a user waits for, and the CPU time it
 * used (every thread: the JIT compilers and the collector too). On a shared machine the wall-clock time of one
 * process says as much about the neighbours as about the process; its CPU time much less.
 *
 * @param seconds the wall-clock time
 * @param cpuSeconds the CPU time of the whole process, or -1 where the system does not say (see {@link #childrenCpu})
 * @param exitCode the process's exit code
 * @param stdout what it printed on standard output
 */
record TimedProcess(double seconds, double cpuSeconds, int exitCode, String stdout) {

    /** Linux counts {@code /proc} times in clock ticks of 1/100 s ({@code USER_HZ}) on every common platform. */
    private static final double TICKS_PER_SECOND = 100;
    private static final Path PROC_SELF_STAT = Path.of("/proc/self/stat");

    /** The {@code java} of this JVM, so that the children run on the JDK the benchmark runs on. */
    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /**
     * A command line of this JVM's {@code java} with the given arguments.
     *
     * @param args the JVM options, then the class or jar and its arguments
     * @return the command line
     */
    static List<String> java(String... args) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Runs a command to its end, alone (its CPU time is told apart from other children's only so); its standard
     * error goes to a file, since the CLI's progress lines would fill the console.
     *
     * @param command the command line
     * @param stderr where the child's standard error goes
     * @return the times, the exit code and the output
     */
    static synchronized TimedProcess run(List<String> command, Path stderr) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile(stderr.getParent(), "stdout", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            double cpu0 = childrenCpu();
            long t0 = System.nanoTime();
            Process process = builder.start();
            int exit = process.waitFor();
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = cpu0 < 0 ? -1 : childrenCpu() - cpu0;
            return new TimedProcess(seconds, cpu, exit, Files.readString(stdout, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
        }
    }

    /**
     * The CPU time of this process's children that have ended and been waited for: Linux adds a child's user and
     * system time to its parent's {@code cutime} and {@code cstime} when the parent reaps it. The JDK reaps a child
     * before {@link Process#waitFor} returns, so the difference over one run is that child's CPU time.
     *
     * @return seconds, or -1 where there is no {@code /proc}
     */
    static double childrenCpu() throws IOException {
        if (!Files.isReadable(PROC_SELF_STAT)) {
            return -1;
        }
        String stat = Files.readString(PROC_SELF_STAT, StandardCharsets.US_ASCII);
        // Fields from the state on (the third), after the command name in parentheses, which may hold spaces.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / TICKS_PER_SECOND;
    }

    /**
     * Fails unless the exit code is one of those allowed, with what the child wrote to standard error.
     *
     * @param stderr the file its standard error went to
     * @param allowed the acceptable exit codes
     * @return this
     */
    TimedProcess expectExit(Path stderr, int... allowed) throws IOException {
        for (int code : allowed) {
            if (exitCode == code) {
                return this;
            }
        }
        throw new IllegalStateException("The child exited with " + exitCode + ": " + stdout + "\n"
                + Files.readString(stderr, StandardCharsets.UTF_8));
    }
}
