package io.github.camelcardsavr.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.camelcardsavr.model.ApiError;
import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.model.CredentialRequest;
import io.github.camelcardsavr.model.CredentialResponseReply;
import io.github.camelcardsavr.model.Extras;
import io.github.camelcardsavr.model.SessionLoginReply;
import io.github.camelcardsavr.model.Subscription;

/**
 * The one configured Jackson mapper of the component and the parsers for CardSavr bodies. Tolerant of unknown
 * fields (kept as extras), strict about syntax: malformed, truncated or over-nested JSON fails with a
 * {@link CardsavrException} of reason {@code MALFORMED_BODY} whose message never quotes the body.
 */
public final class CardsavrJson {

    /** Deeper documents are rejected instead of risking deep recursion; CardSavr bodies nest 3-4 levels. */
    public static final int MAX_NESTING_DEPTH = 64;

    private static final ObjectMapper MAPPER = createMapper();
    private static final ObjectWriter WRITER = MAPPER.writer();
    private static final ObjectReader MESSAGE = MAPPER.readerFor(CardsavrMessage.class);
    // The list-or-single readers run on a parser positioned by hand, which then checks for trailing content itself.
    private static final ObjectReader MESSAGE_IN_PARSER = MESSAGE.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectReader MESSAGES_IN_PARSER = MAPPER.readerFor(new TypeReference<List<CardsavrMessage>>() { })
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectReader REQUEST_IN_PARSER = MAPPER.readerFor(CredentialRequest.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectReader REQUESTS_IN_PARSER = MAPPER.readerFor(new TypeReference<List<CredentialRequest>>() { })
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectReader SUBSCRIPTION = MAPPER.readerFor(Subscription.class);
    private static final ObjectReader LOGIN_REPLY = MAPPER.readerFor(SessionLoginReply.class);
    private static final ObjectReader RESPONSE_REPLY = MAPPER.readerFor(CredentialResponseReply.class);
    private static final ObjectReader OBJECT = MAPPER.readerFor(new TypeReference<Map<String, Object>>() { });
    private static final ObjectReader ERROR = MAPPER.readerFor(ApiError.class);

    private CardsavrJson() {
    }

    private static ObjectMapper createMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        return JsonMapper.builder(factory)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }

    /** The shared mapper. Do not reconfigure it: it is used by every client in the JVM. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] toJsonBytes(Object value) {
        try {
            return WRITER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new CardsavrException(CardsavrException.Reason.INVALID_REQUEST,
                    "Cannot write " + typeName(value) + " as JSON (" + e.getClass().getSimpleName() + ")");
        }
    }

    public static String toJson(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new CardsavrException(CardsavrException.Reason.INVALID_REQUEST,
                    "Cannot write " + typeName(value) + " as JSON (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The JSON a route passes on: the server's own text when the message came from a reply, else its serialisation. */
    public static String jsonOf(CardsavrMessage message) {
        String source = message.getSourceJson();
        return source != null ? source : toJson(message);
    }

    /** {@link #jsonOf(CardsavrMessage)} as UTF-8. */
    public static byte[] jsonBytesOf(CardsavrMessage message) {
        byte[] source = message.getSourceJsonBytes();
        return source != null ? source : toJsonBytes(message);
    }

    /** The JSON a route passes on: the server's own text when the request came from a reply, else its serialisation. */
    public static String jsonOf(CredentialRequest request) {
        String source = request.getSourceJson();
        return source != null ? source : toJson(request);
    }

    /** {@link #jsonOf(CredentialRequest)} as UTF-8. */
    public static byte[] jsonBytesOf(CredentialRequest request) {
        byte[] source = request.getSourceJsonBytes();
        return source != null ? source : toJsonBytes(request);
    }

    /**
     * {@link #jsonOf(CardsavrMessage)} on one line, e.g. for a state repository that keeps one value per line: the
     * server's text as is unless it holds line breaks, which only insignificant whitespace can.
     */
    public static String compactJsonOf(CardsavrMessage message) {
        String json = jsonOf(message);
        if (json.indexOf('\n') < 0 && json.indexOf('\r') < 0) {
            return json;
        }
        try {
            return WRITER.writeValueAsString(MAPPER.readTree(json));
        } catch (IOException e) {
            throw JsonFailures.malformed("Message", e, json.length());
        }
    }

    /** Status messages: a JSON array, a single object, an empty body or {@code null} (no messages). */
    public static List<CardsavrMessage> parseMessages(byte[] body) {
        return listOrSingle(body, MESSAGES_IN_PARSER, MESSAGE_IN_PARSER, "Message list");
    }

    /** Credential requests: a single object, an array, an empty body or {@code []}. */
    public static List<CredentialRequest> parseCredentialRequests(byte[] body) {
        return listOrSingle(body, REQUESTS_IN_PARSER, REQUEST_IN_PARSER, "Credential request list");
    }

    /**
     * Status messages, read element by element: like {@link #parseMessages(byte[])}, but an array element of
     * unexpected shape (e.g. {@code job_id} as an object) is skipped and reported in {@link ParsedList#malformed()}
     * instead of failing the whole list, so its well-formed neighbours are not lost. A body that is not JSON, is
     * truncated, too deep, has trailing content or is neither an array nor an object still fails as a whole.
     */
    public static ParsedList<CardsavrMessage> parseMessageBatch(byte[] body) {
        return elementwise(body, MESSAGE_IN_PARSER, CardsavrMessage::withSourceJson, "Message list");
    }

    /** Credential requests, read element by element like {@link #parseMessageBatch(byte[])}. */
    public static ParsedList<CredentialRequest> parseCredentialRequestBatch(byte[] body) {
        return elementwise(body, REQUEST_IN_PARSER, CredentialRequest::withSourceJson, "Credential request list");
    }

    public static CardsavrMessage parseMessage(byte[] body) {
        return object(body, MESSAGE, "Message");
    }

    public static Subscription parseSubscription(byte[] body) {
        return object(body, SUBSCRIPTION, "Registration reply");
    }

    public static SessionLoginReply parseLoginReply(byte[] body) {
        return object(body, LOGIN_REPLY, "Login reply");
    }

    public static CredentialResponseReply parseCredentialResponseReply(byte[] body) {
        return object(body, RESPONSE_REPLY, "Credential response reply");
    }

    /** A JSON object as an unmodifiable map; an empty body gives an empty map. */
    public static Map<String, Object> parseObject(byte[] body) {
        if (isBlank(body)) {
            return Map.of();
        }
        return Extras.freeze(object(body, OBJECT, "Response object"));
    }

    /** Any JSON document as a value of the given model or JDK type. */
    public static <T> T read(byte[] body, Class<T> type) {
        return object(body, MAPPER.readerFor(type), type.getSimpleName());
    }

    /** The most {@code _errors} entries kept from one error body; a server cannot make an error grow without bound. */
    public static final int MAX_ERRORS = 20;

    /**
     * The {@code _errors} entries of an error body: {@code {"_errors":[...]}} or an array of such objects, at most
     * {@value #MAX_ERRORS}, their texts made safe to print (see {@link ApiError}).
     * Lenient by design: the HTTP status is the error; an unreadable error body yields an empty list.
     */
    public static List<ApiError> parseErrors(byte[] body) {
        if (isBlank(body)) {
            return List.of();
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            return List.of();
        }
        List<ApiError> errors = new ArrayList<>();
        if (root != null && root.isArray()) {
            root.forEach(element -> collectErrors(element, errors));
        } else {
            collectErrors(root, errors);
        }
        return Collections.unmodifiableList(errors);
    }

    private static void collectErrors(JsonNode node, List<ApiError> into) {
        JsonNode entries = node == null ? null : node.get("_errors");
        if (entries == null) {
            return;
        }
        for (JsonNode entry : entries.isArray() ? entries : List.of(entries)) {
            if (into.size() >= MAX_ERRORS) {
                return;
            }
            if (entry.isTextual()) {
                into.add(ApiError.of(null, entry.asText(), null));
            } else if (entry.isObject()) {
                try {
                    into.add(ERROR.treeToValue(entry, ApiError.class));
                } catch (IOException e) {
                    into.add(ApiError.of(null, null, null));
                }
            }
        }
    }

    private static <T> List<T> listOrSingle(byte[] body, ObjectReader listReader, ObjectReader singleReader, String what) {
        if (isBlank(body)) {
            return List.of();
        }
        try (JsonParser parser = MAPPER.createParser(body)) {
            JsonToken first = parser.nextToken();
            List<T> result;
            if (first == JsonToken.VALUE_NULL) {
                result = List.of();
            } else if (first == JsonToken.START_ARRAY) {
                List<T> list = listReader.readValue(parser);
                list.removeIf(Objects::isNull);
                result = Collections.unmodifiableList(list);
            } else if (first == JsonToken.START_OBJECT) {
                result = List.of(singleReader.<T>readValue(parser));
            } else {
                throw JsonFailures.malformed(what, "is neither a JSON array nor an object");
            }
            if (parser.nextToken() != null) {
                throw JsonFailures.malformed(what, "has trailing content after the JSON value");
            }
            return result;
        } catch (IOException e) {
            throw JsonFailures.malformed(what, e, body.length);
        }
    }

    private static <T> ParsedList<T> elementwise(byte[] body, ObjectReader elementReader,
                                                 BiFunction<T, byte[], T> withSource, String what) {
        if (isBlank(body)) {
            return ParsedList.empty();
        }
        try (JsonParser parser = MAPPER.createParser(body)) {
            JsonToken first = parser.nextToken();
            ParsedList<T> result;
            if (first == JsonToken.VALUE_NULL) {
                result = ParsedList.empty();
            } else if (first == JsonToken.START_ARRAY) {
                JsonStreamContext array = parser.getParsingContext();
                List<T> good = new ArrayList<>();
                List<CardsavrException> bad = new ArrayList<>();
                int index = 0;
                JsonToken token;
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (token == null) {
                        throw JsonFailures.malformed(what, "is truncated JSON (unexpected end of input)");
                    }
                    if (token != JsonToken.VALUE_NULL) {
                        readElement(parser, body, elementReader, withSource, good, bad, what, index, array);
                    }
                    index++;
                }
                result = new ParsedList<>(good, bad);
            } else if (first == JsonToken.START_OBJECT) {
                List<T> one = new ArrayList<>(1);
                List<CardsavrException> bad = new ArrayList<>(0);
                readElement(parser, body, elementReader, withSource, one, bad, what, 0, parser.getParsingContext().getParent());
                if (!bad.isEmpty()) {
                    throw bad.get(0);
                }
                result = new ParsedList<>(one, List.of());
            } else {
                throw JsonFailures.malformed(what, "is neither a JSON array nor an object");
            }
            if (parser.nextToken() != null) {
                throw JsonFailures.malformed(what, "has trailing content after the JSON value");
            }
            return result;
        } catch (IOException e) {
            throw JsonFailures.malformed(what, e, body.length);
        }
    }

    /**
     * Binds the element at the parser's current token in one pass and keeps the exact bytes it spans. An element of
     * the wrong shape is recorded and skipped up to the end of that element; syntax errors, truncation and nesting
     * limits still fail the whole body (they are not mapping exceptions).
     */
    private static <T> void readElement(JsonParser parser, byte[] body, ObjectReader reader,
                                        BiFunction<T, byte[], T> withSource, List<T> good,
                                        List<CardsavrException> bad, String what, int index,
                                        JsonStreamContext container) throws IOException {
        int start = (int) parser.currentTokenLocation().getByteOffset();
        try {
            T value = reader.readValue(parser);
            if (value != null) {
                int end = (int) parser.currentLocation().getByteOffset();
                good.add(start >= 0 && end > start ? withSource.apply(value, Arrays.copyOfRange(body, start, end)) : value);
            }
        } catch (JsonMappingException e) {
            e.prependPath(new Object(), index);
            bad.add(JsonFailures.malformed(what + " element " + index, e, body.length));
            while (parser.getParsingContext() != container) {
                if (parser.nextToken() == null) {
                    throw JsonFailures.malformed(what, "is truncated JSON (unexpected end of input)");
                }
            }
        }
    }

    private static <T> T object(byte[] body, ObjectReader reader, String what) {
        if (isBlank(body)) {
            throw JsonFailures.malformed(what, "is empty");
        }
        try {
            T value = reader.readValue(body);
            if (value == null) {
                throw JsonFailures.malformed(what, "is JSON null");
            }
            return value;
        } catch (IOException e) {
            throw JsonFailures.malformed(what, e, body.length);
        }
    }

    private static boolean isBlank(byte[] body) {
        if (body == null) {
            return true;
        }
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
