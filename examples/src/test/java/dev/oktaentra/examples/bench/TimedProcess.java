package dev.oktaentra.examples.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A child process timed from before it is started until it has exited: what a user waits for.
 *
 * @param seconds the wall-clock time
 * @param cpuSeconds the CPU time of the whole process, or -1 when it did not say (see {@link CpuAtExitMain})
 * @param exitCode the process's exit code
 * @param stdout what it printed on standard output
 */
record TimedProcess(double seconds, double cpuSeconds, int exitCode, String stdout) {

    /** The {@code java} of this JVM, so that the children run on the JDK the benchmark runs on. */
    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /**
     * Runs a command to its end; its standard error goes to a file (the CLI's progress lines would fill the console).
     *
     * @param command the command line
     * @param stderr where the child's standard error goes
     * @return the time, the exit code and the output
     */
    static TimedProcess run(List<String> command, Path stderr) throws IOException, InterruptedException {
        return run(command, stderr, null);
    }

    /**
     * Runs a command to its end, and reads the CPU time it wrote when it ran under {@link CpuAtExitMain}.
     *
     * @param command the command line
     * @param stderr where the child's standard error goes
     * @param cpu the file the child writes its CPU time to, or {@code null}
     * @return the times, the exit code and the output
     */
    static TimedProcess run(List<String> command, Path stderr, Path cpu) throws IOException, InterruptedException {
        if (cpu != null) {
            Files.deleteIfExists(cpu);
        }
        Path stdout = Files.createTempFile(stderr.getParent(), "stdout", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            long t0 = System.nanoTime();
            Process process = builder.start();
            int exit = process.waitFor();
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = cpu != null && Files.isRegularFile(cpu)
                    ? Double.parseDouble(Files.readString(cpu, StandardCharsets.UTF_8).strip()) : -1;
            return new TimedProcess(seconds, cpuSeconds, exit, Files.readString(stdout, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
        }
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
