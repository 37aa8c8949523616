package io.github.camelcardsavr.model;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads a {@link CardsavrMessage} in one pass over the parser, without an intermediate tree: status polls can carry
 * hundreds of messages and this is the hot path of every consumer. Accepts what the bean binding accepted:
 * {@code job_id} as a number (fractional ones truncated) or a numeric string, scalars for text fields, unknown fields
 * kept as extras. Anything else fails with a mapping exception that names the field, so the caller can skip just this
 * element.
 */
final class CardsavrMessageDeserializer extends StdDeserializer<CardsavrMessage> {

    private static final long serialVersionUID = 1L;

    private static final MessagePayloadDeserializer PAYLOAD = new MessagePayloadDeserializer();

    CardsavrMessageDeserializer() {
        super(CardsavrMessage.class);
    }

    @Override
    public CardsavrMessage deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            t = p.nextToken();
        } else if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT) {
            return (CardsavrMessage) ctxt.handleUnexpectedToken(CardsavrMessage.class, p);
        }
        String type = null;
        Long jobId = null;
        String envelopeId = null;
        Object payload = null;
        Map<String, Object> extras = null;
        for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            try {
                switch (name) {
                    case "type" -> type = JsonScalars.text(p, ctxt, value);
                    case "job_id" -> jobId = JsonScalars.wholeNumber(p, ctxt, value, "job_id");
                    case "envelope_id" -> envelopeId = JsonScalars.text(p, ctxt, value);
                    case "message" -> payload = value == JsonToken.VALUE_NULL ? null : PAYLOAD.deserialize(p, ctxt);
                    default -> {
                        if (extras == null) {
                            extras = new LinkedHashMap<>();
                        }
                        extras.put(name, ctxt.readValue(p, Object.class));
                    }
                }
            } catch (JsonMappingException e) {
                // names the field in the reported path, e.g. $[1].job_id, as the bean binding did
                throw JsonMappingException.wrapWithPath(e, CardsavrMessage.class, name);
            }
        }
        if (t != JsonToken.END_OBJECT) {
            return (CardsavrMessage) ctxt.handleUnexpectedToken(CardsavrMessage.class, p);
        }
        return new CardsavrMessage(type, jobId, envelopeId, payload, extras);
    }
}
