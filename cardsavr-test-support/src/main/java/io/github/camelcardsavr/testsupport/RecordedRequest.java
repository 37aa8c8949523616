package io.github.camelcardsavr.testsupport;

import java.util.Map;

/**
 * A request as the {@link ScriptedCardsavrServer} understood it: header names in lower case, the body in plain text
 * (decrypted when it came encrypted).
 */
public record RecordedRequest(String method, String path, Map<String, String> headers, String body) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }
}
