package io.github.camelcardsavr.model;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
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
        return new MessageFields().read(p, ctxt);
    }

    private static final class MessageFields extends FieldByField<CardsavrMessage> {

        private String type;
        private Long jobId;
        private String envelopeId;
        private Object payload;

        MessageFields() {
            super(CardsavrMessage.class);
        }

        @Override
        boolean field(String name, JsonToken value, JsonParser p, DeserializationContext ctxt) throws IOException {
            switch (name) {
                case "type" -> type = JsonScalars.text(p, ctxt, value);
                case "job_id" -> jobId = JsonScalars.wholeNumber(p, ctxt, value, "job_id");
                case "envelope_id" -> envelopeId = JsonScalars.text(p, ctxt, value);
                case "message" -> payload = value == JsonToken.VALUE_NULL ? null : PAYLOAD.deserialize(p, ctxt);
                default -> {
                    return false;
                }
            }
            return true;
        }

        @Override
        CardsavrMessage build(Map<String, Object> extras) {
            return new CardsavrMessage(type, jobId, envelopeId, payload, extras);
        }
    }
}
