package io.github.camelcardsavr;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad producer input fails with a clear message before any HTTP call.
 */
class ProducerValidationTest extends CardsavrTestSupport {

    private void assertRejected(String uri, Object body, Map<String, Object> headers, String expected) {
        long before = admin().requestCount("/");
        assertThatThrownBy(() -> template.requestBodyAndHeaders(uri, body, headers))
                .isInstanceOf(CamelExecutionException.class)
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause().hasMessageContaining(expected);
        assertThat(admin().requestCount("/")).as("no HTTP call was made").isEqualTo(before);
    }

    private static Map<String, Object> headers(Object... kv) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put((String) kv[i], kv[i + 1]);
        }
        return map;
    }

    @Test
    void credentialResponseChecksItsInput() {
        assertRejected("cardsavr:credentialResponse", "1234",
                headers(CardsavrConstants.ENVELOPE_ID, "env", CardsavrConstants.MESSAGE_TYPE, "tfa"),
                "CamelCardsavrJobId");
        assertRejected("cardsavr:credentialResponse", "1234",
                headers(CardsavrConstants.JOB_ID, 101L, CardsavrConstants.MESSAGE_TYPE, "tfa"),
                "CamelCardsavrEnvelopeId");
        assertRejected("cardsavr:credentialResponse", " ",
                headers(CardsavrConstants.JOB_ID, 101L, CardsavrConstants.ENVELOPE_ID, "env",
                        CardsavrConstants.MESSAGE_TYPE, "tfa"),
                "message body is empty");
        assertRejected("cardsavr:credentialResponse", "1234",
                headers(CardsavrConstants.JOB_ID, 101L, CardsavrConstants.ENVELOPE_ID, "env\r\nX-Evil: 1",
                        CardsavrConstants.MESSAGE_TYPE, "tfa"),
                "CR or LF");
        assertRejected("cardsavr:credentialResponse", "1234",
                headers(CardsavrConstants.JOB_ID, "abc", CardsavrConstants.ENVELOPE_ID, "env",
                        CardsavrConstants.MESSAGE_TYPE, "tfa"),
                "numeric job id");
        assertRejected("cardsavr:credentialResponse", "1234",
                headers(CardsavrConstants.JOB_ID, 101L, CardsavrConstants.ENVELOPE_ID, "env"),
                "CamelCardsavrMessageType");
    }

    @Test
    void jobCredentialsChecksItsInput() {
        assertRejected("cardsavr:jobCredentials", Map.of(),
                headers(CardsavrConstants.JOB_ID, 101L, CardsavrConstants.ENVELOPE_ID, "env"), "empty");
        assertRejected("cardsavr:jobCredentials", "",
                headers(CardsavrConstants.JOB_ID, 101L, CardsavrConstants.ENVELOPE_ID, "env"), "TFA");
        assertRejected("cardsavr:jobCredentials", "1234", headers(CardsavrConstants.JOB_ID, 101L),
                "CamelCardsavrEnvelopeId");
        assertRejected("cardsavr:jobCredentials", "1234",
                headers(CardsavrConstants.JOB_ID, 101L, CardsavrConstants.ENVELOPE_ID, "a\nb"), "CR or LF");
        assertRejected("cardsavr:jobCredentials?jobId=1,2", "1234",
                headers(CardsavrConstants.ENVELOPE_ID, "env"), "several jobs");
    }

    @Test
    void secretsDoNotAppearInValidationMessages() {
        String secretCode = "987654";
        assertThatThrownBy(() -> template.requestBodyAndHeaders("cardsavr:jobCredentials", secretCode,
                headers(CardsavrConstants.JOB_ID, 101L, CardsavrConstants.ENVELOPE_ID, "x\r\n" + secretCode)))
                .rootCause().message().doesNotContain(secretCode);
    }
}
