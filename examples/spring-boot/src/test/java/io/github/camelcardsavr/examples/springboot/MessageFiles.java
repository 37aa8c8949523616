package io.github.camelcardsavr.examples.springboot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads and checks what the example wrote under its output directory. */
final class MessageFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageFiles() {
    }

    /** A job's files in name order, which is delivery order. */
    static List<Path> of(Path outDir, long jobId) {
        Path dir = outDir.resolve(Long.toString(jobId));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks one job's files: numbered from 1 without gaps, named after the status they hold (or the message type
     * for the credential requests without one that a job's broadcasts also carry), the job's messages as JSON with a percentage that
     * never goes back, the last one carrying the termination type.
     *
     * @return the messages, in order
     */
    static List<JsonNode> checkJob(Path outDir, long jobId, String expectedTermination) {
        List<Path> files = of(outDir, jobId);
        assertThat(files).as("files of job %d", jobId).isNotEmpty();
        List<JsonNode> messages = new ArrayList<>();
        double lastPercent = -1;
        for (int i = 0; i < files.size(); i++) {
            JsonNode message = json(files.get(i));
            assertThat(message.path("job_id").asLong()).isEqualTo(jobId);
            JsonNode status = message.path("message").path("status");
            String label = status.isTextual() ? status.asText() : message.path("type").asText();
            assertThat(files.get(i).getFileName().toString()).as("file %d of job %d", i + 1, jobId)
                    .isEqualTo(String.format("%04d-%s.json", i + 1, label));
            if (message.path("message").has("percent_complete")) {
                double percent = message.path("message").path("percent_complete").asDouble();
                assertThat(percent).as("percent of file %d of job %d", i + 1, jobId)
                        .isGreaterThanOrEqualTo(lastPercent);
                lastPercent = percent;
            }
            messages.add(message);
        }
        if (expectedTermination != null) {
            assertThat(messages.get(messages.size() - 1).path("message").path("termination_type").asText())
                    .isEqualTo(expectedTermination);
        }
        return messages;
    }
}
