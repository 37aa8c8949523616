package io.github.camelcardsavr.examples.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What the cardholder would type when a job asks: TFA codes, new credentials, security answers.
 * Keys are {@code <site>.<field>} with {@code default.<field>} as the fall-back, so one file serves
 * every site of the simulator and the unknown sites of a real instance. The values are secrets in
 * real life: nothing here logs or prints them.
 */
public final class AnswersFile {

    static final String DEFAULT_SITE = "default";

    private final Properties answers;
    private final String source;
    private final Path path;

    private AnswersFile(Properties answers, String source, Path path) {
        this.answers = answers;
        this.source = source;
        this.path = path;
    }

    public static AnswersFile fromClasspath(String resource) {
        try (InputStream in = AnswersFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("Answers file '" + resource + "' is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new AnswersFile(properties, "classpath:" + resource, null);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read answers file classpath:" + resource, e);
        }
    }

    public static AnswersFile fromPath(Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            return new AnswersFile(properties, path.toString(), path);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read answers file " + path, e);
        }
    }

    /** {@code <site>.<field>}, else {@code default.<field>}. */
    public Optional<String> answer(String site, String field) {
        String value = answers.getProperty(site + "." + field);
        if (value == null) {
            value = answers.getProperty(DEFAULT_SITE + "." + field);
        }
        return Optional.ofNullable(value);
    }

    /** The file the answers came from, when they came from a file a person can edit (not the classpath). */
    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    /** Where the answers came from, for messages that must not show the answers themselves. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "AnswersFile[" + source + ", " + answers.size() + " answers]";
    }
}
