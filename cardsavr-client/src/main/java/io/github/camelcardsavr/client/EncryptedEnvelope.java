package io.github.camelcardsavr.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.camelcardsavr.client.CardsavrJson;

/** Recognises the {@code {"encrypted_body":"..."}} wrapper and builds it for requests. */
final class EncryptedEnvelope {

    static final String FIELD = "encrypted_body";
    private static final byte[] EXACT_PREFIX = ("{\"" + FIELD + "\":\"").getBytes(StandardCharsets.US_ASCII);

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
        String exact = exactWrapper(body);
        if (exact != null) {
            return exact;
        }
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

    /**
     * The encrypted text of a wrapper written exactly as {@link #wrap} writes it (JSON.stringify's shape, and the
     * simulator's), read without a JSON parser because every signed reply passes here; null for any other shape,
     * which the parser then reads.
     */
    private static String exactWrapper(byte[] body) {
        int end = body.length - 2;
        if (end < EXACT_PREFIX.length || body[end] != '"' || body[end + 1] != '}') {
            return null;
        }
        for (int i = 0; i < EXACT_PREFIX.length; i++) {
            if (body[i] != EXACT_PREFIX[i]) {
                return null;
            }
        }
        for (int i = EXACT_PREFIX.length; i < end; i++) {
            byte b = body[i];
            // an escape, a quote or a non-ASCII byte needs real JSON decoding
            if (b == '\\' || b == '"' || b < 0x20) {
                return null;
            }
        }
        return new String(body, EXACT_PREFIX.length, end - EXACT_PREFIX.length, StandardCharsets.US_ASCII);
    }
}
