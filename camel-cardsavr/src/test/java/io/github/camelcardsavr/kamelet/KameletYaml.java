package io.github.camelcardsavr.kamelet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Writes the YAML a user would write to use a kamelet, one way per {@link HandOver}: a Pipe, a route naming
 * {@code kamelet:<name>/<id>} with Camel K's application properties, or a route with endpoint parameters.
 */
final class KameletYaml {

    private final HandOver handOver;
    private final Properties applicationProperties;

    KameletYaml(HandOver handOver, Properties applicationProperties) {
        this.handOver = handOver;
        this.applicationProperties = applicationProperties;
    }

    /** A source kamelet whose messages go to {@code target}, through {@code steps} (endpoint URIs). */
    String sourceTo(String kamelet, Map<String, String> properties, List<String> steps, String target) {
        if (handOver == HandOver.PIPE) {
            return pipe(kamelet, properties, steps, "    uri: " + quote(target) + "\n");
        }
        return "- route:\n"
               + "    id: " + kamelet + "-route\n"
               + "    from:\n"
               + endpoint(kamelet, "source", properties, "      ")
               + "      steps:\n"
               + steps.stream().map(s -> "        - to: " + quote(s) + "\n").collect(Collectors.joining())
               + "        - to: " + quote(target) + "\n";
    }

    /** A source kamelet, a constant answer and a sink kamelet, then {@code replies} (routes only). */
    String sourceAnswerSink(String source, Map<String, String> sourceProperties, String answer, String sink,
            Map<String, String> sinkProperties, String requests, String replies) {
        if (handOver == HandOver.PIPE) {
            // a Pipe has no EIPs: the language component sets the answer as a step
            String sinkNode = "    ref:\n"
                              + "      kind: Kamelet\n"
                              + "      apiVersion: camel.apache.org/v1\n"
                              + "      name: " + sink + "\n"
                              + properties("    ", sinkProperties);
            return pipe(source, sourceProperties, List.of(requests, "language:constant:" + answer), sinkNode);
        }
        return "- route:\n"
               + "    id: " + source + "-route\n"
               + "    from:\n"
               + endpoint(source, "source", sourceProperties, "      ")
               + "      steps:\n"
               + "        - to: " + quote(requests) + "\n"
               + "        - setBody:\n"
               + "            constant: " + quote(answer) + "\n"
               + "        - to:\n"
               + endpoint(sink, "sink", sinkProperties, "            ")
               + "        - to: " + quote(replies) + "\n";
    }

    private String pipe(String source, Map<String, String> sourceProperties, List<String> steps, String sinkNode) {
        return "apiVersion: camel.apache.org/v1\n"
               + "kind: Pipe\n"
               + "metadata:\n"
               + "  name: " + source + "-pipe\n"
               + "spec:\n"
               + "  source:\n"
               + "    ref:\n"
               + "      kind: Kamelet\n"
               + "      apiVersion: camel.apache.org/v1\n"
               + "      name: " + source + "\n"
               + properties("    ", sourceProperties)
               + (steps.isEmpty() ? "" : "  steps:\n"
                                         + steps.stream().map(s -> "    - uri: " + quote(s) + "\n")
                                                 .collect(Collectors.joining()))
               + "  sink:\n"
               + sinkNode;
    }

    private String endpoint(String kamelet, String id, Map<String, String> properties, String indent) {
        if (handOver == HandOver.APPLICATION_PROPERTIES) {
            properties.forEach((k, v) -> applicationProperties.put("camel.kamelet." + kamelet + "." + id + "." + k, v));
            return indent + "uri: " + quote("kamelet:" + kamelet + "/" + id) + "\n";
        }
        return indent + "uri: " + quote("kamelet:" + kamelet) + "\n" + parameters(indent, properties);
    }

    private static String properties(String indent, Map<String, String> values) {
        return indent + "properties:\n" + entries(indent + "  ", values);
    }

    private static String parameters(String indent, Map<String, String> values) {
        return indent + "parameters:\n" + entries(indent + "  ", values);
    }

    private static String entries(String indent, Map<String, String> values) {
        return new LinkedHashMap<>(values).entrySet().stream()
                .map(e -> indent + e.getKey() + ": " + quote(e.getValue()) + "\n")
                .collect(Collectors.joining());
    }

    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
