package io.github.camelcardsavr.reliability;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camelcardsavr.CardsavrConstants;
import io.github.camelcardsavr.client.CardsavrException;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad producer input fails with a clear exception before any HTTP call: the simulator's request counters (login
 * included) must not move, and the exception text must not repeat the value that was refused.
 */
class ProducerInputAbuseTest {

    private static final String SECRET_CODE = "908172";
    private static final long JOB = 101;

    private ReliabilityHarness h;
    private ProducerTemplate template;

    /** A POJO without JSON or text form (no converter; Object.toString is all Camel could use). */
    static final class Opaque {
    }

    @BeforeEach
    void start() throws Exception {
        h = new ReliabilityHarness();
        CamelContext context = h.startContext(null, config -> { }, new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:jobStatus?dynamicJobs=true&delay=20&initialDelay=0&exceptionHandler=#relHandler")
                        .routeId(ReliabilityHarness.ROUTE_ID).to("mock:status");
            }
        });
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private void assertRefusedBeforeAnyCall(String uri, Object body, Map<String, Object> headers, String expected) {
        long before = h.admin().requestCount("/");
        assertThatThrownBy(() -> template.requestBodyAndHeaders(uri, body, headers))
                .rootCause()
                .satisfies(e -> assertThat(e).isInstanceOfAny(IllegalArgumentException.class, CardsavrException.class))
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET_CODE));
        assertThat(h.admin().requestCount("/")).as(uri + " " + expected + ": nothing was sent").isEqualTo(before);
    }

    private static Map<String, Object> headers(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @Test
    void missingIdsAreRefused() {
        assertRefusedBeforeAnyCall("cardsavr:credentialResponse", SECRET_CODE,
                headers(CardsavrConstants.JOB_ID, JOB, CardsavrConstants.MESSAGE_TYPE, "tfa"), "CamelCardsavrEnvelopeId");
        assertRefusedBeforeAnyCall("cardsavr:credentialResponse", SECRET_CODE,
                headers(CardsavrConstants.ENVELOPE_ID, "env==", CardsavrConstants.MESSAGE_TYPE, "tfa"), "CamelCardsavrJobId");
        assertRefusedBeforeAnyCall("cardsavr:jobCredentials", SECRET_CODE, headers(CardsavrConstants.JOB_ID, JOB),
                "CamelCardsavrEnvelopeId");
        assertRefusedBeforeAnyCall("cardsavr:jobCredentials", SECRET_CODE, headers(CardsavrConstants.ENVELOPE_ID, "env=="),
                "CamelCardsavrJobId");
        assertRefusedBeforeAnyCall("cardsavr:subscribe", null, headers(), "CamelCardsavrJobId");
        for (Object bad : List.of("abc", "-1", 0L, " ", "1e3")) {
            assertRefusedBeforeAnyCall("cardsavr:subscribe", null, headers(CardsavrConstants.JOB_ID, bad), "job id");
        }
    }

    @Test
    void emptyMessagesAreRefused() {
        Map<String, Object> request = headers(CardsavrConstants.JOB_ID, JOB, CardsavrConstants.ENVELOPE_ID, "env==",
                CardsavrConstants.MESSAGE_TYPE, "tfa");
        for (Object empty : new Object[] { null, "", "   ", new byte[0] }) {
            assertRefusedBeforeAnyCall("cardsavr:credentialResponse", empty, request, "body is empty");
            assertRefusedBeforeAnyCall("cardsavr:jobCredentials", empty, request, "TFA code");
        }
        assertRefusedBeforeAnyCall("cardsavr:jobCredentials", Map.of(), request, "empty");
        Map<String, Object> nullValue = new HashMap<>();
        nullValue.put("password", null);
        assertRefusedBeforeAnyCall("cardsavr:jobCredentials", nullValue, request, "null");
        assertRefusedBeforeAnyCall("cardsavr:jobCredentials", Map.of(" ", SECRET_CODE), request, "empty key");
    }

    @Test
    void lineBreaksInHeaderValuesAreRefused() {
        assertRefusedBeforeAnyCall("cardsavr:jobCredentials", SECRET_CODE, headers(CardsavrConstants.JOB_ID, JOB,
                CardsavrConstants.ENVELOPE_ID, "env==\r\nX-Injected: " + SECRET_CODE), "CR or LF");
        assertRefusedBeforeAnyCall("cardsavr:jobCredentials", SECRET_CODE, headers(CardsavrConstants.JOB_ID, JOB,
                CardsavrConstants.ENVELOPE_ID, "env==\n" + SECRET_CODE), "CR or LF");
        assertRefusedBeforeAnyCall("cardsavr:credentialResponse", SECRET_CODE, headers(CardsavrConstants.JOB_ID, JOB,
                CardsavrConstants.ENVELOPE_ID, "env==", CardsavrConstants.MESSAGE_TYPE, "tfa\r\nX: 1"), "CR or LF");
        assertRefusedBeforeAnyCall("cardsavr:credentialResponse", SECRET_CODE, headers(CardsavrConstants.JOB_ID, JOB,
                CardsavrConstants.ENVELOPE_ID, "env==", CardsavrConstants.CREDENTIAL_TYPE, "tfa\rX"), "CR or LF");
    }

    /**
     * An access key handed to a running jobStatus consumer becomes an HTTP header of every poll of that job. Expected: the
     * producer refuses a key with CR/LF. Seen: it is accepted and only the HTTP client refuses the header later, on the
     * consumer's thread, as a poll failure.
     */
    @Test
    void lineBreaksInAHandedOverAccessKeyAreRefused() {
        assertRefusedBeforeAnyCall("cardsavr:jobStatus", null, headers(CardsavrConstants.JOB_ID, JOB,
                CardsavrConstants.ACCESS_KEY, "key\r\nX-Injected: 1"), "CR or LF");
    }

    /**
     * A body that is neither text, a number nor a Map has no meaningful answer form. Expected: refused. Seen: Camel's
     * fallback converter turns it into {@code Object.toString()} text ("...Opaque@1a2b3c") and the producer posts that
     * as the TFA code or credential answer.
     */
    @Test
    void bodiesWithoutATextOrJsonFormAreRefused() {
        Map<String, Object> request = headers(CardsavrConstants.JOB_ID, JOB, CardsavrConstants.ENVELOPE_ID, "env==",
                CardsavrConstants.MESSAGE_TYPE, "tfa");
        assertRefusedBeforeAnyCall("cardsavr:credentialResponse", new Opaque(), request, "body");
        assertRefusedBeforeAnyCall("cardsavr:jobCredentials", new Opaque(), request, "body");
        assertRefusedBeforeAnyCall("cardsavr:jobCredentials", Map.of("password", new Opaque()), request, "password");
    }
}
