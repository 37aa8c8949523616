package io.github.camelcardsavr.examples.ha;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * One replica: {@code java -jar cardsavr-ha-example.jar} in a process of its own, with an environment holding no
 * {@code CARDSAVR_*} variable but the ones the test gives. Output goes to files, so a chatty replica never blocks on a
 * full pipe.
 */
final class ReplicaProcess {

    /** Only against a hung process: a replica that works ends on its own within seconds. */
    private static final long HANG_GUARD_MINUTES = 3;

    final String name;
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ReplicaProcess(String name, Process process, Path stdout, Path stderr) {
        this.name = name;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static Path jar() {
        String jar = System.getProperty("example.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            fail("System property example.jar must name the packaged example (failsafe sets it), was " + jar);
        }
        return Path.of(jar);
    }

    static ReplicaProcess start(String name, Path workDir, Map<String, String> environment) throws IOException {
        Path dir = workDir.resolve(name);
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // a replica is a small service: start fast, stay small, on a machine the test shares
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Xmx256m");
        command.add("-jar");
        command.add(jar().toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("CARDSAVR_"));
        builder.environment().putAll(environment);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        return new ReplicaProcess(name, builder.start(), out, err);
    }

    String stdout() {
        return read(stdout);
    }

    String output() {
        return "stdout of " + name + ":\n" + read(stdout) + "\nstderr of " + name + ":\n" + read(stderr);
    }

    /** True once this replica said it reads the cluster namespace. */
    boolean isActive() {
        List<String> lines = stdout().lines().filter(l -> l.contains(": this replica ")).toList();
        return !lines.isEmpty() && lines.get(lines.size() - 1).contains(" ACTIVE: ");
    }

    /** When this replica last said it became the active one, in epoch microseconds; 0 when it never did. */
    long activeSinceMicros() {
        List<String> lines = stdout().lines().filter(l -> l.contains(" ACTIVE: ")).toList();
        if (lines.isEmpty()) {
            return 0;
        }
        String last = lines.get(lines.size() - 1);
        java.time.Instant at = java.time.Instant.parse(last.substring(0, last.indexOf(' ')));
        return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
    }

    boolean saidStandby() {
        return stdout().contains(" STANDBY: ");
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no graceful stop, nothing flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGSTOP: frozen, as in a long GC pause or a stalled VM; it keeps its file lock. */
    void freeze() throws Exception {
        signal("STOP");
    }

    /** SIGCONT: goes on where it was frozen. */
    void thaw() throws Exception {
        signal("CONT");
    }

    private void signal(String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            fail("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /** SIGTERM: Camel Main shuts down gracefully. */
    void terminate() {
        process.destroy();
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(HANG_GUARD_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            fail(name + " did not exit\n" + output());
        }
        return process.exitValue();
    }

    void destroy() {
        process.destroyForcibly();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new IllegalStateException("Could not read " + file, e);
        }
    }
}
