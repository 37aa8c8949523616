package io.github.camelcardsavr.examples.springboot;

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
 * The packaged example jar run as {@code java -jar}, in a directory of its own, with an environment that holds no
 * {@code CARDSAVR_*} variable but the ones a test gives it. Output goes to files, so a chatty run cannot block on a
 * full pipe.
 */
final class JarProcess {

    /** A finished run. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    /** Only against a hung process: a run that works ends on its own within seconds. */
    private static final long HANG_GUARD_MINUTES = 5;

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private JarProcess(Process process, Path stdout, Path stderr) {
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

    static JarProcess start(Path workDir, Map<String, String> environment, List<String> systemProperties,
            List<String> arguments) throws IOException {
        Files.createDirectories(workDir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(systemProperties);
        command.add("-jar");
        command.add(jar().toAbsolutePath().toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CARDSAVR_"));
        builder.environment().putAll(environment);
        Path out = workDir.resolve("stdout.txt");
        Path err = workDir.resolve("stderr.txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        return new JarProcess(builder.start(), out, err);
    }

    Result awaitExit() throws IOException, InterruptedException {
        if (!process.waitFor(HANG_GUARD_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            fail("The example did not exit; stdout:\n" + read(stdout) + "\nstderr:\n" + read(stderr));
        }
        return new Result(process.exitValue(), read(stdout), read(stderr));
    }

    void destroy() {
        process.destroyForcibly();
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
