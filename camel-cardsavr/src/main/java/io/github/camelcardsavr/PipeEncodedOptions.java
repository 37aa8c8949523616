package io.github.camelcardsavr;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;

/**
 * Undoes the URL encoding that Camel's YAML DSL (4.17, as Camel JBang runs it) applies to the properties of a Pipe
 * before they reach a kamelet (CAMEL-23594): the kamelet template then hands this component {@code https%3A%2F%2F...}
 * as baseUrl and {@code %2B} where the user wrote {@code +} in an integrator key or password. Camel K hands the same
 * properties unencoded, as application properties, so the kamelets cannot undo it themselves.
 * <p>
 * The tell-tale is the baseUrl: a usable one always holds {@code ://} and a URL encoder always escapes {@code :}, so a
 * baseUrl without {@code :} but with a percent escape arrived encoded, and so did the endpoint's other options. Only
 * values a URL encoder could have produced are decoded (a base64 key holding {@code /} or {@code =}, for example, was
 * not encoded and is kept); property placeholders that were encoded with them are resolved after decoding.
 */
final class PipeEncodedOptions {

    private static final String BASE_URL = "baseUrl";

    // what java.net.URLEncoder emits: unreserved characters, '+' for a space, and %XX escapes
    private static final Pattern URL_ENCODER_OUTPUT = Pattern.compile("(?:[A-Za-z0-9.*_+-]|%[0-9A-Fa-f]{2})*");

    private PipeEncodedOptions() {
    }

    /** Decodes, in place, the option values of an endpoint whose baseUrl arrived URL-encoded. */
    static void decodeIfEncoded(CamelContext context, Map<String, Object> parameters) {
        if (!(parameters.get(BASE_URL) instanceof String baseUrl) || !isEncodedUrl(baseUrl)) {
            return;
        }
        parameters.replaceAll((name, value) -> value instanceof String s && couldBeEncoded(s)
                ? resolvePlaceholders(context, URLDecoder.decode(s, StandardCharsets.UTF_8))
                : value);
    }

    static boolean isEncodedUrl(String value) {
        return value.indexOf(':') < 0 && value.indexOf('%') >= 0 && couldBeEncoded(value);
    }

    private static boolean couldBeEncoded(String value) {
        return URL_ENCODER_OUTPUT.matcher(value).matches();
    }

    private static String resolvePlaceholders(CamelContext context, String value) {
        return value.contains("{{") ? context.resolvePropertyPlaceholders(value) : value;
    }
}
