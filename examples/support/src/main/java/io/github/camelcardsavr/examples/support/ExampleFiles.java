package io.github.camelcardsavr.examples.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The two files settings every example reads from the environment, so any example can be pointed at a
 * real instance and a scratch directory without editing it: {@value #ANSWERS_FILE} (a properties file in
 * the answers.properties format) and {@value #OUT_DIR} (where message files go).
 */
public final class ExampleFiles {

    public static final String ANSWERS_FILE = "CARDSAVR_ANSWERS_FILE";
    public static final String OUT_DIR = "CARDSAVR_OUT_DIR";
    /** Set by each example's exec-maven-plugin configuration to the module's target/cardsavr-out. */
    static final String OUT_DIR_PROPERTY = "cardsavr.output-dir";
    static final String DEFAULT_OUT_DIR = "target/cardsavr-out";

    private ExampleFiles() {
    }

    /** The file {@value #ANSWERS_FILE} names, else the example's own {@code resource} on the classpath. */
    public static AnswersFile answers(Map<String, String> env, String resource) {
        String named = env.get(ANSWERS_FILE);
        if (named == null || named.isBlank()) {
            return AnswersFile.fromClasspath(resource);
        }
        Path path = Path.of(named.trim());
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new IllegalArgumentException(ANSWERS_FILE + " names " + path.toAbsolutePath()
                    + ", which is not a readable file");
        }
        return AnswersFile.fromPath(path);
    }

    /**
     * {@value #OUT_DIR}, else the {@code cardsavr.output-dir} system property (the module's target directory
     * under {@code mvn exec:java}), else {@code target/cardsavr-out}.
     */
    public static Path outputDir(Map<String, String> env) {
        String named = env.get(OUT_DIR);
        if (named != null && !named.isBlank()) {
            Path path = Path.of(named.trim());
            if (Files.exists(path) && !Files.isDirectory(path)) {
                throw new IllegalArgumentException(OUT_DIR + " names " + path.toAbsolutePath()
                        + ", which is not a directory");
            }
            return path;
        }
        return Path.of(System.getProperty(OUT_DIR_PROPERTY, DEFAULT_OUT_DIR));
    }
}
