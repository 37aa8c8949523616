package io.github.camelcardsavr.examples.quarkus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application run as a user runs it, {@code java -jar target/quarkus-app/quarkus-run.jar}, with an
 * environment of the test's choosing (no inherited {@code CARDSAVR_*} or {@code KAFKA_*} variables).
 */
final class ExampleProcess implements AutoCloseable {

    /** Only guards against a hung application; the runs themselves take well under a minute. */
    private static final long GUARD_MINUTES = 5;

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ExampleProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static ExampleProcess start(Path workDir, Map<String, String> env, List<String> jvmOptions) throws IOException {
        String jar = System.getProperty("cardsavr.example.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("System property cardsavr.example.jar must name the packaged application; "
                    + "run this test with mvn verify");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dsun.net.httpserver.nodelay=true");
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CARDSAVR_") || name.startsWith("KAFKA_"));
        builder.environment().putAll(env);
        Path out = workDir.resolve("stdout.txt");
        Path err = workDir.resolve("stderr.txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        return new ExampleProcess(builder.start(), out, err);
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(GUARD_MINUTES, TimeUnit.MINUTES)) {
            throw new AssertionError("The application did not exit within " + GUARD_MINUTES + " minutes; output:\n"
                    + stdout() + "\n" + stderr());
        }
        return process.exitValue();
    }

    String stdout() {
        return read(stdout);
    }

    String stderr() {
        return read(stderr);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
