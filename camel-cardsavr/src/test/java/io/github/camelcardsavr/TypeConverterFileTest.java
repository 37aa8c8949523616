package io.github.camelcardsavr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Model bodies become JSON wherever Camel needs text or bytes: here straight to files, without a marshal step.
 */
class TypeConverterFileTest extends CardsavrTestSupport {

    @TempDir
    Path out;

    @Test
    void messagesAreWrittenToFilesAsJson() throws Exception {
        long jobId = createdJob(SimulatorSites.GOOD_EMAIL);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:jobStatus?delay=20&initialDelay=0&jobId=" + jobId)
                        .to("file:" + out + "?fileName=${header.CamelCardsavrJobId}/${exchangeId}.json")
                        .to("mock:written");
            }
        });
        long before = startWhenPolled(jobId);
        Path dir = out.resolve(String.valueOf(jobId));
        await().until(() -> job(jobId).isTerminated()
                            && getMockEndpoint("mock:written").getReceivedCounter() == published(jobId, before));
        assertThat(count(dir)).isEqualTo(published(jobId, before));

        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> written;
        try (Stream<Path> files = Files.list(dir)) {
            written = files.map(f -> {
                try {
                    return mapper.readTree(f.toFile());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(written).allSatisfy(node -> {
            assertThat(node.path("type").asText()).isEqualTo("job_status");
            assertThat(node.path("job_id").asLong()).isEqualTo(jobId);
            assertThat(node.path("message").path("status").asText()).isNotBlank();
        });
        assertThat(written).anySatisfy(node -> assertThat(node.path("message").path("termination_type").asText())
                .isEqualTo("BILLABLE"));
    }

    @Test
    void convertersCoverStringBytesAndStreams() throws Exception {
        CardsavrMessage message = CardsavrMessage.jobStatus(7, null);
        String json = context.getTypeConverter().mandatoryConvertTo(String.class, message);
        assertThat(new ObjectMapper().readTree(json).path("job_id").asLong()).isEqualTo(7);
        assertThat(context.getTypeConverter().mandatoryConvertTo(byte[].class, message)).isNotEmpty();
        assertThat(context.getTypeConverter().mandatoryConvertTo(java.io.InputStream.class, message).readAllBytes())
                .isNotEmpty();
        assertThat(context.getTypeConverter().tryConvertTo(String.class,
                io.github.camelcardsavr.model.Subscription.of(7, "secret-key"))).doesNotContain("secret-key");
    }

    private static long count(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).count();
        }
    }
}
