package io.github.camelcardsavr.examples.springboot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the example follows and where it delivers, {@code cardsavr.example.*} in application.properties, where the
 * {@code CARDSAVR_*} environment variables are mapped onto them.
 *
 * @param jobIds      CARDSAVR_JOB_IDS: the jobs to follow, a comma list
 * @param answersFile CARDSAVR_ANSWERS_FILE: answers to credential requests; blank for none
 * @param outDir      CARDSAVR_OUT_DIR: message files go to {@code <outDir>/<jobId>/<seq>-<status>.json}
 * @param pollDelay   how often the consumers poll
 * @param timeout     give up when the jobs have not all terminated by then; zero waits for ever
 * @param queue       the JMS queue every status message goes to
 */
@ConfigurationProperties("cardsavr.example")
public record ExampleProperties(String jobIds, String answersFile, Path outDir, Duration pollDelay, Duration timeout,
        String queue) {

    /** The job ids, checked, in the given order. */
    public List<Long> followedJobIds() {
        if (jobIds == null || jobIds.isBlank()) {
            throw new IllegalArgumentException("Set CARDSAVR_JOB_IDS to the jobs to follow, e.g. CARDSAVR_JOB_IDS=123,124"
                                               + " (without CARDSAVR_BASE_URL the example runs its own simulator)");
        }
        List<Long> ids = new ArrayList<>();
        for (String part : jobIds.split(",")) {
            String id = part.strip();
            if (!id.matches("[1-9][0-9]{0,17}")) {
                throw new IllegalArgumentException("CARDSAVR_JOB_IDS must be a comma list of job ids; '" + id
                                                   + "' is not one");
            }
            ids.add(Long.parseLong(id));
        }
        return List.copyOf(ids);
    }

    /** The answers file, if one is set; a set but unreadable one is an error, not a reason to answer nothing. */
    public Optional<Path> answers() {
        if (answersFile == null || answersFile.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(answersFile.strip());
        if (!Files.isReadable(path) || Files.isDirectory(path)) {
            throw new IllegalArgumentException("CARDSAVR_ANSWERS_FILE=" + path + " is not a readable file");
        }
        return Optional.of(path);
    }

    /** The consumer options that apply {@link #pollDelay}. */
    public String pollOptions() {
        return "delay=" + pollDelay.toMillis() + "&initialDelay=0";
    }
}
