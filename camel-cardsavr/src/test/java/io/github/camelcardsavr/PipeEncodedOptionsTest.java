package io.github.camelcardsavr;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PipeEncodedOptionsTest {

    private static final String KEY = "+3OfHjlvBoLE4xlYgScwaYaS8/OwVHlpa5/Hjj+MSCY=";
    private final CamelContext context = new DefaultCamelContext();

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void optionsOfAnEndpointWhoseBaseUrlArrivedEncodedAreDecoded() {
        Map<String, Object> p = new HashMap<>(Map.of("baseUrl", encoded("https://api.acme.cardsavr.io"),
                "integratorKey", encoded(KEY), "password", encoded("p a+ss%/="), "jobId", encoded("101,102"),
                "delay", "20"));

        PipeEncodedOptions.decodeIfEncoded(context, p);

        assertThat(p).containsEntry("baseUrl", "https://api.acme.cardsavr.io").containsEntry("integratorKey", KEY)
                .containsEntry("password", "p a+ss%/=").containsEntry("jobId", "101,102").containsEntry("delay", "20");
    }

    @Test
    void valuesGivenUnencodedAreKept() {
        Map<String, Object> p = new HashMap<>(Map.of("baseUrl", "https://api.acme.cardsavr.io",
                "integratorKey", KEY, "password", "Summer%2024+"));

        PipeEncodedOptions.decodeIfEncoded(context, p);

        assertThat(p).containsEntry("integratorKey", KEY).containsEntry("password", "Summer%2024+");
    }

    @Test
    void anUnencodedValueBesideAnEncodedBaseUrlIsKept() {
        // e.g. the key from camel.kamelet.<name>.integratorKey, the base URL from the Pipe
        Map<String, Object> p = new HashMap<>(Map.of("baseUrl", encoded("http://127.0.0.1:8080"), "integratorKey", KEY));

        PipeEncodedOptions.decodeIfEncoded(context, p);

        assertThat(p).containsEntry("baseUrl", "http://127.0.0.1:8080").containsEntry("integratorKey", KEY);
    }

    @Test
    void placeholdersThatWereEncodedAreResolved() {
        Properties properties = new Properties();
        properties.put("cardsavr.integrator-key", KEY);
        properties.put("cardsavr.base-url", "https://api.acme.cardsavr.io");
        context.getPropertiesComponent().setInitialProperties(properties);
        Map<String, Object> p = new HashMap<>(Map.of("baseUrl", encoded("{{cardsavr.base-url}}"),
                "integratorKey", encoded("{{cardsavr.integrator-key}}")));

        PipeEncodedOptions.decodeIfEncoded(context, p);

        assertThat(p).containsEntry("baseUrl", "https://api.acme.cardsavr.io").containsEntry("integratorKey", KEY);
    }
}
