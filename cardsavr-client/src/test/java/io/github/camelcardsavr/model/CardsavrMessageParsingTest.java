package io.github.camelcardsavr.model;

import io.github.camelcardsavr.client.CardsavrJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelcardsavr.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CardsavrMessageParsingTest {

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void recordedCardholderStreamParsesPollByPoll() throws IOException {
        JsonNode sample;
        sample = CardsavrJson.mapper().readTree(Fixtures.recordedCardholderStream());
        List<CardsavrMessage> all = new ArrayList<>();
        for (JsonNode poll : sample.get("polls")) {
            all.addAll(CardsavrJson.parseMessages(CardsavrJson.toJsonBytes(poll)));
        }

        assertThat(all).hasSize(58).allSatisfy(m -> assertThat(m.getJobId()).isEqualTo(4319L));
        CardsavrMessage tfa = all.stream().filter(m -> "tfa_request".equals(m.getType())).findFirst().orElseThrow();
        assertThat(tfa.getStatus()).isNull();
        assertThat(tfa.getMessageText()).isEqualTo("this is not used");
        assertThat(tfa.getEnvelopeId()).isEqualTo("bdNruAXhrc3jhLfmpD5naA==");
        assertThat(tfa.isJobStatus()).isFalse();
        assertThat(tfa.isTerminal()).isFalse();

        assertThat(all.get(2).getStatus().getPercentComplete()).isEqualTo(1.5);
        CardsavrMessage last = all.get(all.size() - 1);
        assertThat(last.isJobStatus()).isTrue();
        assertThat(last.isTerminal()).isTrue();
        assertThat(last.getStatus().getStatus()).isEqualTo("SUCCESSFUL");
        assertThat(last.getStatus().getTerminationType()).isEqualTo("BILLABLE");
        assertThat(last.getStatus().getTerminationStatusMessage()).isEqualTo("Successful");
        assertThat(last.getStatus().getJobTimeout()).isEqualTo(745908L);
        assertThat(all.stream().filter(CardsavrMessage::isTerminal)).containsExactly(last);
        assertThat(all.stream().filter(m -> m.getStatus() != null && m.getStatus().isPending()).count()).isEqualTo(1);
    }

    @Test
    void jobIdAsStringAndSeedCardholderExample() {
        List<CardsavrMessage> messages = CardsavrJson.parseMessages(json("[{\"job_id\":\"1585\",\"type\":\"job_status\","
                + "\"message\":{\"status\":\"AUTH\",\"job_timeout\":781440,\"percent_complete\":5}},"
                + "{\"job_id\":1586,\"type\":\"job_status\",\"message\":{\"status\":\"AUTH\",\"percent_complete\":5}}]"));
        assertThat(messages).extracting(CardsavrMessage::getJobId).containsExactly(1585L, 1586L);
        assertThat(messages.get(0).getStatus().getPercentComplete()).isEqualTo(5.0);
    }

    @Test
    void unknownFieldsAreKeptAndWrittenBack() throws IOException {
        String original = "{\"type\":\"job_status\",\"job_id\":7,\"message\":{\"status\":\"UPDATING\",\"percent_complete\":54.5,"
                + "\"auth_percent_complete\":100,\"job_timeout\":855737,\"status_message\":\"Updating\","
                + "\"new_status_field\":{\"deep\":[1,2]}},\"custom_data\":{\"order\":\"A-1\"},\"priority\":3}";
        CardsavrMessage message = CardsavrJson.parseMessages(json(original)).get(0);

        assertThat(message.getExtras()).containsEntry("priority", 3).containsKey("custom_data");
        assertThat(message.getStatus().getExtras()).containsKey("new_status_field");
        assertThat(message.getStatus().getAuthPercentComplete()).isEqualTo(100.0);
        assertThat(message.getStatus().getStatusMessage()).isEqualTo("Updating");

        JsonNode expected = CardsavrJson.mapper().readTree(original);
        JsonNode written = CardsavrJson.mapper().readTree(CardsavrJson.toJson(message));
        assertThat(written.get("custom_data")).isEqualTo(expected.get("custom_data"));
        assertThat(written.get("priority")).isEqualTo(expected.get("priority"));
        assertThat(written.get("message").get("new_status_field")).isEqualTo(expected.get("message").get("new_status_field"));
        assertThat(written.get("message").get("percent_complete").asDouble()).isEqualTo(54.5);
        assertThat(written.get("job_id").asLong()).isEqualTo(7L);
        assertThat(written.has("terminal")).as("derived getters are not serialised").isFalse();
        assertThat(written.has("extras")).isFalse();
    }

    @Test
    void modelIsImmutable() {
        CardsavrMessage message = CardsavrJson.parseMessages(json("[{\"type\":\"x\",\"job_id\":1,\"more\":{\"a\":[1]}}]")).get(0);
        assertThat(message.getExtras()).isUnmodifiable();
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) message.getExtras().get("more");
        assertThat(nested).isUnmodifiable();
        assertThat((List<?>) nested.get("a")).isUnmodifiable();
    }

    @Test
    void stringMessageIsKeptAsString() {
        CardsavrMessage message = CardsavrJson.parseMessage(json("{\"type\":\"tfa_request\",\"job_id\":\"9\",\"message\":\"hello\"}"));
        assertThat(message.getMessageText()).isEqualTo("hello");
        assertThat(message.getStatus()).isNull();
        assertThat(CardsavrJson.toJson(message)).contains("\"message\":\"hello\"");
    }

    @Test
    void percentCompleteOfHundredIsTerminalWithoutTerminationType() {
        CardsavrMessage message = CardsavrMessage.jobStatus(5, JobStatus.of("SUCCESSFUL", 100.0, null));
        assertThat(message.isTerminal()).isTrue();
        assertThat(CardsavrMessage.jobStatus(5, JobStatus.of("UPDATING", 99.5, null)).isTerminal()).isFalse();
        assertThat(CardsavrMessage.jobStatus(5, JobStatus.of("CANCELED", 12.0, "USER_DATA_FAILURE")).isTerminal()).isTrue();
    }

    @Test
    void emptyBodiesAndNullMeanNoMessages() {
        assertThat(CardsavrJson.parseMessages(new byte[0])).isEmpty();
        assertThat(CardsavrJson.parseMessages(json("  \n"))).isEmpty();
        assertThat(CardsavrJson.parseMessages(json("[]"))).isEmpty();
        assertThat(CardsavrJson.parseMessages(json("null"))).isEmpty();
        assertThat(CardsavrJson.parseMessages(json("[null,{\"type\":\"job_status\",\"job_id\":1}]"))).hasSize(1);
    }

    @Test
    void truncatedJsonIsAClearErrorNotAnEmptyList() {
        assertThatThrownBy(() -> CardsavrJson.parseMessages(json("[{\"type\":\"job_status\",\"job_id\":1,\"message\":{\"sta")))
                .isInstanceOfSatisfying(io.github.camelcardsavr.client.CardsavrException.class, e -> {
                    assertThat(e.getReason()).isEqualTo(io.github.camelcardsavr.client.CardsavrException.Reason.MALFORMED_BODY);
                    assertThat(e.getMessage()).contains("truncated").doesNotContain("sta");
                });
    }

    @Test
    void syntaxErrorsDoNotQuoteTheBody() {
        assertThatThrownBy(() -> CardsavrJson.parseMessages(json("[{\"type\":\"job_status\",\"job_id\":1}, topsecretvalue]")))
                .hasMessageContaining("not valid JSON")
                .hasMessageNotContaining("topsecretvalue");
        assertThatThrownBy(() -> CardsavrJson.parseMessages(json("[{\"type\":\"job_status\",\"job_id\":\"s3cr3t\"}]")))
                .hasMessageContaining("$[0].job_id")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void wrongShapesAreRejected() {
        assertThatThrownBy(() -> CardsavrJson.parseMessages(json("\"just a string\"")))
                .hasMessageContaining("neither a JSON array nor an object");
        assertThatThrownBy(() -> CardsavrJson.parseMessages(json("[1,2]"))).hasMessageContaining("unexpected JSON shape");
        assertThatThrownBy(() -> CardsavrJson.parseMessages(json("[] []"))).hasMessageContaining("trailing content");
        assertThatThrownBy(() -> CardsavrJson.parseSubscription(json("{\"access_key\":\"k\"} x")))
                .hasMessageContaining("Registration reply");
    }

    @Test
    void deeplyNestedJsonIsRejectedClearly() {
        String deep = "[{\"type\":\"job_status\",\"job_id\":1,\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}]";
        assertThatThrownBy(() -> CardsavrJson.parseMessages(json(deep)))
                .isInstanceOf(io.github.camelcardsavr.client.CardsavrException.class)
                .hasMessageContaining("nesting depth");
        String fine = "[{\"type\":\"job_status\",\"job_id\":1,\"x\":" + "[".repeat(40) + "]".repeat(40) + "}]";
        assertThat(CardsavrJson.parseMessages(json(fine))).hasSize(1);
    }

    @Test
    void toStringShowsNoFreeText() {
        CardsavrMessage message = CardsavrMessage.withText("tfa_request", 3, "env==", "private words");
        assertThat(message.toString()).contains("tfa_request", "3").doesNotContain("private words");
    }
}
