package io.github.camelcardsavr.client;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.camelcardsavr.client.CardsavrJson;

/** Recognises the {@code {"encrypted_body":"..."}} wrapper and builds it for requests. */
final class EncryptedEnvelope {

    static final String FIELD = "encrypted_body";

    private EncryptedEnvelope() {
    }

    /** The wrapper JSON for an encrypted body; base64 and '$' need no JSON escaping. */
    static String wrap(String encrypted) {
        return "{\"" + FIELD + "\":\"" + encrypted + "\"}";
    }

    /**
     * The encrypted text when the body is a wrapper object, else null. A body that is not even JSON is left
     * to the model parser, which reports it precisely.
     */
    static String extract(byte[] body) {
        int first = 0;
        while (first < body.length && Character.isWhitespace(body[first])) {
            first++;
        }
        if (first == body.length || body[first] != '{') {
            return null;
        }
        try (JsonParser parser = CardsavrJson.mapper().createParser(body)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (FIELD.equals(name)) {
                    if (value != JsonToken.VALUE_STRING) {
                        throw new CardsavrException(CardsavrException.Reason.UNDECRYPTABLE_BODY,
                                "Response member encrypted_body is not a string");
                    }
                    return parser.getText();
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
