package io.github.camelcardsavr.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelcardsavr.client.CardsavrException;
import io.github.camelcardsavr.client.CardsavrJson;
import io.github.camelcardsavr.client.ParsedList;
import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.model.CredentialRequest;
import io.github.camelcardsavr.state.CardsavrStateStore;
import io.github.camelcardsavr.state.JobRecord;
import io.github.camelcardsavr.testsupport.Fixtures;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Feeds the message parsers a fixed number of seeded random mutations of real CardSavr bodies (the recorded cardholder
 * stream) and checks that each one yields a model or a {@code CardsavrException} of reason {@code MALFORMED_BODY} whose
 * text quotes nothing of the body: never another exception, an {@link Error}, or a hang. Every model that comes out is
 * compared with what the mutated input holds, field by field ({@link ParsedContent}, an independent reading of the same
 * bytes); what the consumers parse (the batch parsers) must also carry each element's exact bytes as its source JSON,
 * and survive the state repository (stored and restored, the same content).
 * <p>
 * Reproduce a failure with {@code -Dreliability.fuzz.seed=<seed>} (the failure message names seed, iteration and the
 * mutated body in base64); {@code -Dreliability.fuzz.iterations} changes the number of mutations (the docs show the
 * default run).
 */
class MessageParserFuzzTest {

    static final long DEFAULT_SEED = 20_251_128L;
    static final int DEFAULT_ITERATIONS = 20_000;
    private static final long SEED = Long.getLong("reliability.fuzz.seed", DEFAULT_SEED);
    private static final int ITERATIONS = Integer.getInteger("reliability.fuzz.iterations", DEFAULT_ITERATIONS);
    /** Planted in every body: an exception text containing it would be quoting the body. */
    private static final String CANARY = "CANARYs3cr3t";

    private final Map<String, ParserStats> stats = new LinkedHashMap<>();

    @Test
    void parsersReturnTheInputsContentOrAMalformedBodyErrorForEveryMutation() throws Exception {
        List<byte[]> corpus = corpus();
        Random random = new Random(SEED);
        JsonMutator mutator = new JsonMutator(random, CANARY);
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            byte[] original = corpus.get(random.nextInt(corpus.size()));
            byte[] mutated = mutator.mutate(original, corpus.get(random.nextInt(corpus.size())));
            fuzzOnce(iteration, mutated);
        }

        FaultFigures.report("RELIABILITY fuzz knownDefect=emptyNamedFieldDropped count="
                            + ParsedContent.EMPTY_NAMED_FIELDS_DROPPED.get());
        for (ParserStats parser : stats.values()) {
            FaultFigures.report(String.format("RELIABILITY fuzz parser=%s seed=%d mutations=%d models=%d rejected=%d"
                              + " skippedElements=%d withoutContentCheck=%d syntaxErrorsAsElements=%d slowestMicros=%d",
                    parser.name, SEED, parser.mutations, parser.parsed, parser.rejected, parser.skippedElements,
                    parser.withoutContentCheck, parser.syntaxErrorsAsElements, parser.slowestNanos / 1000));
            assertThat(parser.mutations).as(parser.name + ": every mutation was fed").isEqualTo(ITERATIONS);
            // both outcomes must be well represented, or the mutations are too weak or too destructive to mean much
            assertThat(parser.parsed).as(parser.name + ": models").isGreaterThan(ITERATIONS / 20);
            assertThat(parser.rejected).as(parser.name + ": rejected").isGreaterThan(ITERATIONS / 20);
        }
        if (SEED == DEFAULT_SEED && ITERATIONS == DEFAULT_ITERATIONS) {
            stats.values().forEach(parser -> RowRecord.write("fuzz-" + parser.name, String.join("\t", "FUZZ",
                    "`" + parser.name + "`", String.valueOf(parser.mutations), String.valueOf(parser.parsed),
                    String.valueOf(parser.withoutContentCheck), String.valueOf(parser.skippedElements),
                    String.valueOf(parser.syntaxErrorsAsElements), String.valueOf(parser.rejected))));
        }
    }

    private void fuzzOnce(int iteration, byte[] mutated) {
        // only the content of inputs without a member named twice can be compared (see ParsedContent.hasUniqueNames);
        // the batch parsers' models are compared one by one, each with its own source
        boolean comparable = ParsedContent.hasUniqueNames(mutated);
        check(iteration, mutated, comparable, "parseMessages", CardsavrJson::parseMessages, list -> {
            List<JsonNode> elements = nonNullElements(mutated);
            assertThat(list).as("one message per non-null element").hasSameSizeAs(elements);
            for (int i = 0; i < list.size(); i++) {
                if (comparable) {
                    ParsedContent.message("$[" + i + "]", list.get(i), elements.get(i));
                }
                touch(list.get(i));
            }
            return 0;
        });
        check(iteration, mutated, comparable, "parseCredentialRequests", CardsavrJson::parseCredentialRequests, list -> {
            List<JsonNode> elements = nonNullElements(mutated);
            assertThat(list).as("one request per non-null element").hasSameSizeAs(elements);
            for (int i = 0; i < list.size(); i++) {
                if (comparable) {
                    ParsedContent.request("$[" + i + "]", list.get(i), elements.get(i));
                }
                touch(list.get(i));
            }
            return 0;
        });
        check(iteration, mutated, comparable, "parseMessage", CardsavrJson::parseMessage, m -> {
            if (comparable) {
                ParsedContent.message("$", m, ParsedContent.tree(mutated));
            }
            touch(m);
            return 0;
        });
        check(iteration, mutated, comparable, "parseMessageBatch", CardsavrJson::parseMessageBatch, batch -> {
            List<byte[]> sources = sourcesInOrder("parseMessageBatch", mutated, batch,
                    CardsavrMessage::getSourceJsonBytes);
            for (int i = 0; i < batch.size(); i++) {
                CardsavrMessage m = batch.get(i);
                if (ParsedContent.hasUniqueNames(sources.get(i))) {
                    ParsedContent.message("$[" + i + "]", m, ParsedContent.tree(sources.get(i)));
                }
                assertThat(m.getSourceJson()).isEqualTo(new String(sources.get(i), StandardCharsets.UTF_8));
                touch(m);
            }
            List<CardsavrMessage> restored = throughTheStateStore(batch);
            assertThat(restored).as("what the state repository gives back").hasSameSizeAs(batch);
            for (int i = 0; i < restored.size(); i++) {
                assertRestoredAsArrived("restored $[" + i + "]", batch.get(i), restored.get(i),
                        ParsedContent.hasUniqueNames(sources.get(i)));
            }
            return batch.malformed().size();
        });
        check(iteration, mutated, comparable, "parseCredentialRequestBatch", CardsavrJson::parseCredentialRequestBatch,
                batch -> {
            List<byte[]> sources = sourcesInOrder("parseCredentialRequestBatch", mutated, batch,
                    CredentialRequest::getSourceJsonBytes);
            for (int i = 0; i < batch.size(); i++) {
                CredentialRequest r = batch.get(i);
                if (ParsedContent.hasUniqueNames(sources.get(i))) {
                    ParsedContent.request("$[" + i + "]", r, ParsedContent.tree(sources.get(i)));
                }
                assertThat(r.getSourceJson()).isEqualTo(new String(sources.get(i), StandardCharsets.UTF_8));
                touch(r);
            }
            return batch.malformed().size();
        });
    }

    /** The element each model of a batch was read from (see {@link BatchSources}); counts the known deviation. */
    private <T> List<byte[]> sourcesInOrder(String parser, byte[] input, ParsedList<T> batch, Function<T, byte[]> source) {
        return BatchSources.of(input, batch, source, () -> stats.get(parser).syntaxErrorsAsElements++);
    }

    private static List<JsonNode> nonNullElements(byte[] input) {
        JsonNode root = ParsedContent.tree(input);
        List<JsonNode> elements = new ArrayList<>();
        if (root == null || root.isNull() || root.isMissingNode()) {
            return elements;
        }
        if (root.isArray()) {
            root.forEach(element -> {
                if (!element.isNull()) {
                    elements.add(element);
                }
            });
        } else {
            elements.add(root);
        }
        return elements;
    }

    /**
     * The store keeps the JSON text a route gets (the element's bytes read as UTF-8, where bytes that are not UTF-8
     * read as U+FFFD), on one line: as it arrived, unless it held line breaks, which only insignificant whitespace can
     * (then the same JSON, written compactly). The restored typed view shows that text.
     */
    private static void assertRestoredAsArrived(String at, CardsavrMessage arrived, CardsavrMessage restored,
            boolean comparable) {
        String text = arrived.getSourceJson();
        if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            assertThat(restored.getSourceJson()).as(at + ": the JSON text a route gets").isEqualTo(text);
        } else {
            assertThat(restored.getSourceJson()).as(at + ": on one line").doesNotContain("\n", "\r");
            assertThat(ParsedContent.tree(restored.getSourceJson().getBytes(StandardCharsets.UTF_8)))
                    .as(at + ": the same JSON").isEqualTo(ParsedContent.tree(text.getBytes(StandardCharsets.UTF_8)));
        }
        if (comparable) {
            ParsedContent.message(at, restored, ParsedContent.tree(text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Stores the messages as a consumer does when a job's buffer changes, and reads them back as a restart does. */
    private static List<CardsavrMessage> throughTheStateStore(List<CardsavrMessage> messages) {
        CardsavrStateStore store = CardsavrStateStore.of(new MemoryStateRepository(), "fuzz", null);
        store.write(1, JobRecord.of(null, false, messages));
        return store.readAll().get(1L).pending();
    }

    /**
     * Parses the body; a model goes to {@code verify}, which returns how many elements it reported as malformed; an
     * exception must be MALFORMED_BODY without a word of the body.
     */
    private <T> void check(int iteration, byte[] body, boolean comparable, String parser, Function<byte[], T> parse,
            ToIntFunction<T> verify) {
        ParserStats counts = stats.computeIfAbsent(parser, ParserStats::new);
        counts.mutations++;
        long started = System.nanoTime();
        T result;
        try {
            result = parse.apply(body);
        } catch (CardsavrException e) {
            counts.rejected++;
            if (e.getReason() != CardsavrException.Reason.MALFORMED_BODY) {
                fail(describe(parser, iteration, body) + ": reason " + e.getReason() + " instead of MALFORMED_BODY");
            }
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                fail(describe(parser, iteration, body) + ": an error without a message");
            }
            if (e.getMessage().contains(CANARY)) {
                fail(describe(parser, iteration, body) + ": the error text quotes the body: " + e.getMessage());
            }
            return;
        } catch (Throwable t) {
            throw new AssertionError(describe(parser, iteration, body) + ": undocumented " + t.getClass().getName(), t);
        } finally {
            counts.slowestNanos = Math.max(counts.slowestNanos, System.nanoTime() - started);
        }
        counts.parsed++;
        if (!comparable) {
            counts.withoutContentCheck++;
        }
        try {
            assertThat(result).as("a parser never returns null").isNotNull();
            counts.skippedElements += verify.applyAsInt(result);
        } catch (Throwable t) {
            throw new AssertionError(describe(parser, iteration, body) + ": the model does not show what the input"
                                     + " holds, or cannot be used or stored: " + t.getMessage(), t);
        }
    }

    /** What a route or the state store does with a model: every getter, toString, and the JSON form. */
    private static void touch(Object model) {
        if (model instanceof CardsavrMessage m) {
            m.getType();
            m.getJobId();
            m.getEnvelopeId();
            m.getMessageText();
            m.getExtras().size();
            m.isJobStatus();
            m.isTerminal();
            if (m.getStatus() != null) {
                m.getStatus().isPending();
                m.getStatus().getPercentComplete();
                m.getStatus().toString();
            }
        } else if (model instanceof CredentialRequest r) {
            r.getType();
            r.getEnvelopeId();
            r.getAccountLink().forEach(field -> {
                field.getKeyName();
                field.isSecret();
            });
            r.isTfa();
            r.getStatus();
            r.getMessageText();
        }
        // toString may show ids and statuses, which a mutation can fill with anything; it must just work
        assertThat(model.toString()).isNotBlank();
        CardsavrJson.toJson(model);
    }

    private static String describe(String parser, int iteration, byte[] body) {
        return parser + " at seed " + SEED + ", iteration " + iteration + ", body (base64) "
               + Base64.getEncoder().encodeToString(body);
    }

    /** Each poll of the recorded stream, each message alone, all of them in one array, and credential requests. */
    private static List<byte[]> corpus() throws IOException {
        JsonNode sample;
        sample = CardsavrJson.mapper().readTree(Fixtures.recordedCardholderStream());
        List<byte[]> corpus = new ArrayList<>();
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode poll : sample.get("polls")) {
            corpus.add(withCanary(poll));
            poll.forEach(message -> {
                all.add(message);
                corpus.add(withCanary(message));
            });
        }
        corpus.add(withCanary(CardsavrJson.mapper().valueToTree(all)));
        corpus.add(("[{\"type\":\"tfa\",\"job_id\":\"4319\",\"envelope_id\":\"bdNruAXhrc3jhLfmpD5naA==\",\"account_link\":"
                    + "[{\"key_name\":\"tfa\",\"label\":\"Code\",\"secret\":true}],\"message\":{\"status\":\"PENDING_TFA\","
                    + "\"percent_complete\":12.5,\"status_message\":\"" + CANARY + "\"}}]").getBytes(StandardCharsets.UTF_8));
        corpus.add(("{\"type\":\"initial_account_link\",\"job_id\":7,\"envelope_id\":\"e==\",\"account_link\":"
                    + "[{\"key_name\":\"username\",\"label\":\"User\",\"secret\":false},{\"key_name\":\"password\","
                    + "\"secret\":true,\"hint\":\"" + CANARY + "\"}]}").getBytes(StandardCharsets.UTF_8));
        return corpus;
    }

    private static byte[] withCanary(JsonNode node) {
        JsonNode copy = node.deepCopy();
        if (copy.isObject()) {
            ((ObjectNode) copy).put("note", CANARY);
        } else if (copy.isArray()) {
            copy.forEach(element -> {
                if (element.isObject()) {
                    ((ObjectNode) element).put("note", CANARY);
                }
            });
        }
        return CardsavrJson.toJsonBytes(copy);
    }

    private static final class ParserStats {
        final String name;
        int mutations;
        int parsed;
        int rejected;
        int skippedElements;
        int withoutContentCheck;
        int syntaxErrorsAsElements;
        long slowestNanos;

        ParserStats(String name) {
            this.name = name;
        }
    }
}
