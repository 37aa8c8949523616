package io.github.camelcardsavr.examples.quarkus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** One job's {@code <out>/<jobId>/<seq>-<status>.json} files, checked for the contract and read back. */
final class MessageFiles {

    private static final Pattern NAME = Pattern.compile("(\\d{4,})-([A-Za-z0-9_.-]+)\\.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageFiles() {
    }

    /**
     * The job's messages in sequence order, after checking that sequences run 1, 2, 3... without gaps, that each
     * file is the JSON of a message of this job, and that its name carries the message's status (or type).
     */
    static List<String> of(Path outDir, long jobId) throws IOException {
        Path dir = outDir.resolve(Long.toString(jobId));
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.sorted().toList();
        }
        assertThat(files).as("message files of job %d", jobId).isNotEmpty();
        for (int i = 0; i < files.size(); i++) {
            Matcher name = NAME.matcher(files.get(i).getFileName().toString());
            assertThat(name.matches()).as("file name %s", files.get(i)).isTrue();
            assertThat(Integer.parseInt(name.group(1))).as("sequence of %s", files.get(i)).isEqualTo(i + 1);
            JsonNode message = JSON.readTree(files.get(i).toFile());
            assertThat(message.path("job_id").asLong()).isEqualTo(jobId);
            // status messages are named by their status; the broadcast also carries e.g. tfa_request notices
            JsonNode status = message.path("message").path("status");
            assertThat(status.isMissingNode() ? message.path("type").asText() : status.asText())
                    .isEqualTo(name.group(2));
        }
        return files.stream().map(MessageFiles::read).toList();
    }

    static String terminationType(String messageJson) throws IOException {
        return JSON.readTree(messageJson).path("message").path("termination_type").asText(null);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
