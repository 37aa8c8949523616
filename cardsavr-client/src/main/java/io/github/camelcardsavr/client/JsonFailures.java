package io.github.camelcardsavr.client;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Turns Jackson failures into {@link CardsavrException}s whose text describes the problem and where it is,
 * but never repeats body content: Jackson's own messages quote offending tokens, which may be secrets.
 */
final class JsonFailures {

    private JsonFailures() {
    }

    static CardsavrException malformed(String what, Exception failure, int bodyLength) {
        return new CardsavrException(CardsavrException.Reason.MALFORMED_BODY, what + " " + describe(failure, bodyLength));
    }

    static CardsavrException malformed(String what, String problem) {
        return new CardsavrException(CardsavrException.Reason.MALFORMED_BODY, what + " " + problem);
    }

    static String describe(Exception failure, int bodyLength) {
        // Databind wraps low-level parser failures (truncation, syntax, limits) met inside a value.
        Throwable cause = failure.getCause();
        if (failure instanceof JsonMappingException && cause instanceof JsonProcessingException
                && !(cause instanceof JsonMappingException) && cause != failure) {
            return describe((Exception) cause, bodyLength);
        }
        if (failure instanceof StreamConstraintsException) {
            // Jackson's text here names only the limit that was exceeded, not content.
            return "exceeds a JSON parser limit: " + ((StreamConstraintsException) failure).getOriginalMessage();
        }
        if (failure instanceof JsonEOFException || (failure instanceof JsonParseException
                && isEndOfInput((JsonParseException) failure, bodyLength))) {
            return "is truncated JSON (unexpected end of input" + at(((JsonProcessingException) failure).getLocation()) + ")";
        }
        if (failure instanceof JsonParseException) {
            return "is not valid JSON (syntax error" + at(((JsonProcessingException) failure).getLocation()) + ")";
        }
        if (failure instanceof JsonMappingException) {
            JsonMappingException mapping = (JsonMappingException) failure;
            return "has an unexpected JSON shape at " + path(mapping) + at(mapping.getLocation());
        }
        if (failure instanceof DatabindException || failure instanceof JsonProcessingException) {
            return "is not readable JSON (" + failure.getClass().getSimpleName() + ")";
        }
        return "could not be read (" + failure.getClass().getSimpleName() + ")";
    }

    // Some end-of-input cases (e.g. right after a comma) come as plain parse errors; Jackson's wording for them
    // starts with this phrase and quotes nothing.
    private static boolean isEndOfInput(JsonParseException failure, int bodyLength) {
        String original = failure.getOriginalMessage();
        JsonLocation location = failure.getLocation();
        return original != null && original.startsWith("Unexpected end-of-input")
                && (location == null || location.getByteOffset() < 0 || location.getByteOffset() >= bodyLength);
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String path(JsonMappingException failure) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference reference : failure.getPath()) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
