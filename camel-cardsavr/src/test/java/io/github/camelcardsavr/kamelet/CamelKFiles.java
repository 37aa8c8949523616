package io.github.camelcardsavr.kamelet;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The YAML files docs/camel-k.md shows, read from where the page links them: the tests run these, not copies.
 */
final class CamelKFiles {

    static final Path DIR = Path.of("..", "docs", "camel-k");
    static final Path PAGE = Path.of("..", "docs", "camel-k.md");

    private CamelKFiles() {
    }

    static String text(String file) throws IOException {
        return Files.readString(DIR.resolve(file), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String file) throws IOException {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text(file));
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Map<String, Object> node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                throw new AssertionError("No " + String.join(".", path) + " in the YAML");
            }
            current = map.get(key);
        }
        return (T) current;
    }

    /** The properties file the Secret holds, which the mount trait turns into Camel properties. */
    static Properties secretProperties() throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(at(yaml("cardsavr-credentials.secret.yaml"), "stringData", "cardsavr.properties")));
        return p;
    }

    /** The values the Secret would hold for this simulator, under the Secret's own keys. */
    static Properties secretValuesFor(KameletFixture f) throws IOException {
        Properties secret = secretProperties();
        Map<String, String> values = Map.of(
                "cardsavr.base-url", f.simulator.getBaseUrl(),
                "cardsavr.integrator-name", f.simulator.getIntegratorName(),
                "cardsavr.integrator-key", KameletFixture.INTEGRATOR_KEY,
                "cardsavr.username", KameletFixture.USERNAME,
                "cardsavr.password", KameletFixture.PASSWORD);
        if (!secret.stringPropertyNames().equals(values.keySet())) {
            throw new AssertionError("The Secret holds " + secret.stringPropertyNames() + ", the tests know "
                                     + values.keySet());
        }
        Properties p = new Properties();
        p.putAll(values);
        return p;
    }

    static List<String> list(Map<String, Object> node, String... path) {
        return at(node, path);
    }
}
