package io.github.camelcardsavr.model;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads a message's {@code message} member, which CardSavr sends as a status object or (older
 * {@code tfa_request} messages) as a plain string. Objects become {@link JobStatus}; strings stay strings;
 * other values are kept as read so that they are written back unchanged.
 */
final class MessagePayloadDeserializer extends StdDeserializer<Object> {

    private static final long serialVersionUID = 1L;

    MessagePayloadDeserializer() {
        super(Object.class);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT:
            case FIELD_NAME:
                return JobStatusDeserializer.readStatus(parser, context);
            case VALUE_STRING:
                return parser.getText();
            case START_ARRAY:
                return Extras.freezeValue(context.readValue(parser, List.class));
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return parser.getNumberValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            default:
                return context.handleUnexpectedToken(Object.class, parser);
        }
    }

    /** The text form of a payload that was not a status object, or null. */
    static String textOf(Object payload) {
        if (payload instanceof String || payload instanceof Number || payload instanceof Boolean) {
            return String.valueOf(payload);
        }
        return null;
    }
}
