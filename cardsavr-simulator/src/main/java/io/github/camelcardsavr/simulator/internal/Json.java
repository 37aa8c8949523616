package io.github.camelcardsavr.simulator.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The simulator's one JSON mapper. Plain maps and lists keep the wire shapes visible in the code. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("Value could not be serialised to JSON: " + value.getClass().getName(), e);
        }
    }

    public static String writeString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("Value could not be serialised to JSON: " + value.getClass().getName(), e);
        }
    }

    /** Parses a JSON object; the exception names the problem but never quotes the input. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readObject(byte[] json) throws MalformedJsonException {
        try {
            Object value = MAPPER.readValue(json, Object.class);
            if (!(value instanceof Map)) {
                throw new MalformedJsonException("body must be a JSON object");
            }
            // Untyped binding always produces string-keyed maps, so the cast holds.
            return (Map<String, Object>) value;
        } catch (IOException e) {
            throw new MalformedJsonException("body is not valid JSON");
        }
    }

    /** Numbers that are whole are written as integers, as CardSavr does (15, not 15.0). */
    public static Number number(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? (Number) (long) value : (Number) value;
    }

    /** Joins already-serialised JSON values into an array without re-parsing them. */
    public static byte[] array(List<byte[]> elements) {
        int size = 2 + Math.max(0, elements.size() - 1);
        for (byte[] element : elements) {
            size += element.length;
        }
        byte[] out = new byte[size];
        int position = 0;
        out[position++] = '[';
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out[position++] = ',';
            }
            byte[] element = elements.get(i);
            System.arraycopy(element, 0, out, position, element.length);
            position += element.length;
        }
        out[position] = ']';
        return out;
    }

    /** A body that is not the expected JSON; the message is safe to return to the caller. */
    public static final class MalformedJsonException extends Exception {
        private static final long serialVersionUID = 1L;

        public MalformedJsonException(String message) {
            super(message);
        }
    }
}
