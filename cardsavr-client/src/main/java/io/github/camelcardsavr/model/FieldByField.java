package io.github.camelcardsavr.model;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Reads one JSON object in a single pass over the parser, without an intermediate tree or the bean binding's property
 * buffer: the hot path of every consumer reads hundreds of messages per poll this way. A subclass takes the fields it
 * knows and builds the value; every other field is kept, in order, as an extra. A field of the wrong shape fails with
 * a mapping exception naming it, so the caller can skip just this element. One instance per object read.
 *
 * @param <T> what the object becomes
 */
abstract class FieldByField<T> {

    private final Class<T> type;

    FieldByField(Class<T> type) {
        this.type = type;
    }

    /**
     * Reads the value at the current token: its START_OBJECT, its first FIELD_NAME or its (empty) END_OBJECT.
     */
    @SuppressWarnings("unchecked")
    final T read(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            t = p.nextToken();
        } else if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT) {
            return (T) ctxt.handleUnexpectedToken(type, p);
        }
        Map<String, Object> extras = null;
        for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            try {
                if (!field(name, value, p, ctxt)) {
                    if (extras == null) {
                        extras = new LinkedHashMap<>();
                    }
                    extras.put(name, ctxt.readValue(p, Object.class));
                }
            } catch (JsonMappingException e) {
                // names the field in the reported path, e.g. $[1].job_id, as the bean binding did
                throw JsonMappingException.wrapWithPath(e, type, name);
            }
        }
        if (t != JsonToken.END_OBJECT) {
            return (T) ctxt.handleUnexpectedToken(type, p);
        }
        return build(extras);
    }

    /**
     * Takes the field whose value is the parser's current token.
     *
     * @return false when the field is not one of this type's own (it is kept as an extra)
     */
    abstract boolean field(String name, JsonToken value, JsonParser p, DeserializationContext ctxt) throws IOException;

    /** The value, from the fields taken and the extras (null when there were none). */
    abstract T build(Map<String, Object> extras);
}
