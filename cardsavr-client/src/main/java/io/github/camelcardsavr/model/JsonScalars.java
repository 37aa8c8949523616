package io.github.camelcardsavr.model;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationContext;

/**
 * Scalar fields read straight off the parser by the hand-written deserializers of the hot path, accepting what
 * Jackson's bean binding of the same types accepts (numbers as numeric strings, scalars as text) and failing through
 * the context otherwise, so the caller's error names the field.
 */
final class JsonScalars {

    private JsonScalars() {
    }

    static String text(JsonParser p, DeserializationContext ctxt, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value.isScalarValue()) {
            return p.getText();
        }
        return (String) ctxt.handleUnexpectedToken(String.class, p);
    }

    /** A whole number; a fractional one is truncated, a numeric string parsed, an empty one null. */
    static Long wholeNumber(JsonParser p, DeserializationContext ctxt, JsonToken value, String field)
            throws IOException {
        switch (value) {
            case VALUE_NULL:
                return null;
            case VALUE_NUMBER_INT:
                try {
                    return p.getLongValue();
                } catch (InputCoercionException e) {
                    return (Long) ctxt.handleWeirdNumberValue(Long.class, p.getNumberValue(), field + " out of range");
                }
            case VALUE_NUMBER_FLOAT:
                return (long) p.getDoubleValue();
            case VALUE_STRING:
                String text = p.getText().trim();
                if (text.isEmpty()) {
                    return null;
                }
                try {
                    return Long.parseLong(text);
                } catch (NumberFormatException e) {
                    return (Long) ctxt.handleWeirdStringValue(Long.class, text, field + " is not a number");
                }
            default:
                return (Long) ctxt.handleUnexpectedToken(Long.class, p);
        }
    }

    /** A number with or without a fraction; a numeric string parsed, an empty one null. */
    static Double fraction(JsonParser p, DeserializationContext ctxt, JsonToken value, String field)
            throws IOException {
        switch (value) {
            case VALUE_NULL:
                return null;
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_STRING:
                String text = p.getText().trim();
                if (text.isEmpty()) {
                    return null;
                }
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    return (Double) ctxt.handleWeirdStringValue(Double.class, text, field + " is not a number");
                }
            default:
                return (Double) ctxt.handleUnexpectedToken(Double.class, p);
        }
    }
}
