package io.github.camelcardsavr.model;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.github.camelcardsavr.client.CardsavrJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-pass reader of a message's status object against the bean binding of {@link JobStatus} it replaces on the
 * hot path: the same fields, extras and coercions, and a failure wherever the binding fails.
 */
class JobStatusDeserializerTest {

    static Stream<String> statuses() {
        return Stream.of(
                "{}",
                "{\"status\":\"UPDATING\",\"percent_complete\":54.5,\"auth_percent_complete\":100,\"job_timeout\":855737,"
                + "\"status_message\":\"Updating\",\"termination_type\":\"BILLABLE\",\"termination_status_message\":\"ok\"}",
                "{\"status\":null,\"percent_complete\":null,\"job_timeout\":null}",
                "{\"percent_complete\":\"42.5\",\"auth_percent_complete\":\"7\",\"job_timeout\":\"1200\"}",
                "{\"percent_complete\":\"\",\"job_timeout\":\"\"}",
                "{\"percent_complete\":\" 3 \",\"job_timeout\":\" 12 \"}",
                "{\"job_timeout\":12.9,\"percent_complete\":5}",
                "{\"job_timeout\":-3,\"percent_complete\":-1e2}",
                "{\"status\":12,\"status_message\":true,\"termination_type\":1.5}",
                "{\"status\":\"AUTH\",\"custom\":{\"a\":[1,2,{\"b\":null}]},\"flag\":false,\"n\":3}",
                "{\"status\":\"AUTH\",\"status\":\"UPDATING\"}",
                "{\"percent_complete\":\"abc\"}",
                "{\"job_timeout\":\"abc\"}",
                "{\"job_timeout\":99999999999999999999999}",
                "{\"percent_complete\":true}",
                "{\"job_timeout\":false}",
                "{\"status\":{\"nested\":1}}",
                "{\"status\":[\"AUTH\"]}",
                "{\"percent_complete\":[1]}",
                "{\"job_timeout\":{}}");
    }

    @ParameterizedTest
    @MethodSource("statuses")
    void readsWhatTheBeanBindingReads(String json) {
        Object bound = outcome(() -> CardsavrJson.mapper().readValue(json, JobStatus.class));
        Object read = outcome(() -> CardsavrJson.parseMessage(
                ("{\"type\":\"job_status\",\"job_id\":1,\"message\":" + json + "}").getBytes()).getStatus());
        assertThat(read).as(json).isEqualTo(bound);
    }

    private interface Read {
        JobStatus get() throws Exception;
    }

    // the fields of the status, or "fails" (the messages differ: one names the message's path, one the status's)
    private static Object outcome(Read read) {
        JobStatus s;
        try {
            s = read.get();
        } catch (Exception e) {
            return "fails";
        }
        return List.of(Arrays.asList(s.getStatus(), s.getPercentComplete(), s.getAuthPercentComplete(),
                s.getJobTimeout(), s.getStatusMessage(), s.getTerminationType(), s.getTerminationStatusMessage()),
                s.getExtras());
    }
}
