package io.github.camelcardsavr.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.camelcardsavr.client.CardsavrClient;
import io.github.camelcardsavr.client.CardsavrException;
import io.github.camelcardsavr.client.ParsedList;
import io.github.camelcardsavr.client.CardsavrJson;
import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.model.CredentialRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a misbehaving server can send: oversized and endless bodies, deep nesting, unexpected types, trickling replies.
 * Each gives a clear {@link CardsavrException} or the documented tolerant parse, in bounded time and memory.
 */
class ServerInputTest {

    private static final int CAP = 64 * 1024;
    private static final long JOB = 101;
    private static final String KEY = "scripted-access-key";

    private ScriptedCardsavrServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedCardsavrServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CardsavrClient client(int maxResponseBytes) {
        return CardsavrClient.create(server.unsignedClient().maxResponseBytes(maxResponseBytes).build());
    }

    @Test
    void bodyDeclaredLargerThanTheCapIsRejectedWithoutReadingIt() {
        server.reply(ScriptedCardsavrServer.json(arrayOfMessages(4 * CAP)));
        try (CardsavrClient client = client(CAP)) {
            CardsavrException e = failure(client.pollJobBroadcasts(JOB, KEY));
            assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.BODY_TOO_LARGE);
            assertThat(e.getMessage()).contains("pollJobBroadcasts").contains("bytes").doesNotContain("UPDATING");
        }
    }

    @Test
    void endlessBodyWithoutLengthIsCutAtTheCap() {
        server.reply(server.chunkedArray(-1));
        try (CardsavrClient client = client(CAP)) {
            CardsavrException e = failure(client.pollJobBroadcasts(JOB, KEY));
            assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.BODY_TOO_LARGE);
            assertThat(e.getMessage()).contains("exceeds " + CAP + " bytes");
        }
        // the client stopped reading near the cap; what the server got out is bounded by socket buffers
        assertThat(server.bytesWritten()).isLessThan(32L * 1024 * 1024);
    }

    @Test
    void defaultCapIsTenMebibytes() {
        server.reply(server.chunkedArray(11L * 1024 * 1024));
        try (CardsavrClient client = CardsavrClient.create(server.unsignedClient().build())) {
            assertThat(failure(client.pollJobBroadcasts(JOB, KEY)).getReason())
                    .isEqualTo(CardsavrException.Reason.BODY_TOO_LARGE);
            server.reply(server.chunkedArray(1024 * 1024));
            assertThat(value(client.pollJobBroadcasts(JOB, KEY))).hasSizeGreaterThan(10_000);
        }
    }

    @Test
    void deeplyNestedJsonIsAClearErrorNotAStackOverflow() {
        String arrays = "[{\"type\":\"job_status\",\"job_id\":1,\"x\":" + "[".repeat(100_000) + "]".repeat(100_000)
                        + "}]";
        String objects = "[{\"type\":\"job_status\",\"job_id\":1,\"x\":" + "{\"a\":".repeat(50_000) + "1"
                         + "}".repeat(50_000) + "}]";
        try (CardsavrClient client = client(CardsavrJson.MAX_NESTING_DEPTH * 1_000_000)) {
            for (String body : List.of(arrays, objects)) {
                server.reply(ScriptedCardsavrServer.json(body));
                CardsavrException e = failure(client.pollJobBroadcasts(JOB, KEY));
                assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.MALFORMED_BODY);
                assertThat(e.getMessage()).contains("nesting depth");
            }
            server.reply(ScriptedCardsavrServer.json("[" + "[".repeat(100_000) + "]".repeat(100_000) + "]"));
            assertThat(failure(client.pollJobBroadcasts(JOB, KEY)).getReason())
                    .isEqualTo(CardsavrException.Reason.MALFORMED_BODY);
        }
    }

    @Test
    void jobIdAsObjectIsRejectedNamingTheField() {
        server.reply(ScriptedCardsavrServer.json("[{\"type\":\"job_status\",\"job_id\":{\"id\":\"s3cr3t\"},"
                                                 + "\"message\":{\"status\":\"AUTH\"}}]"));
        try (CardsavrClient client = client(CAP)) {
            CardsavrException e = failure(client.pollJobBroadcasts(JOB, KEY));
            assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.MALFORMED_BODY);
            assertThat(e.getMessage()).contains("$[0].job_id").doesNotContain("s3cr3t");
        }
    }

    @Test
    void numericStringsAreReadTolerantlyAndOtherStringsAreRejected() {
        server.reply(ScriptedCardsavrServer.json("[{\"type\":\"job_status\",\"job_id\":\"1585\",\"message\":"
                                                 + "{\"status\":\"UPDATING\",\"percent_complete\":\"54.5\","
                                                 + "\"job_timeout\":\"855737\"}}]"));
        try (CardsavrClient client = client(CAP)) {
            CardsavrMessage message = value(client.pollJobBroadcasts(JOB, KEY)).get(0);
            assertThat(message.getJobId()).isEqualTo(1585L);
            assertThat(message.getStatus().getPercentComplete()).isEqualTo(54.5);
            assertThat(message.getStatus().getJobTimeout()).isEqualTo(855_737L);

            server.reply(ScriptedCardsavrServer.json("[{\"type\":\"job_status\",\"job_id\":7,\"message\":"
                                                     + "{\"status\":\"UPDATING\",\"percent_complete\":\"fifty\"}}]"));
            CardsavrException e = failure(client.pollJobBroadcasts(JOB, KEY));
            assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.MALFORMED_BODY);
            assertThat(e.getMessage()).contains("$[0].message.percent_complete").doesNotContain("fifty");
        }
    }

    @Test
    void unexpectedMessageAndAccountLinkShapesAreKeptOrRejectedClearly() {
        server.reply(ScriptedCardsavrServer.json("[{\"type\":\"job_status\",\"job_id\":7,\"message\":[1,2]},"
                                                 + "{\"type\":\"job_status\",\"job_id\":7,\"message\":42}]"));
        try (CardsavrClient client = client(CAP)) {
            List<CardsavrMessage> messages = value(client.pollJobBroadcasts(JOB, KEY));
            assertThat(messages.get(0).getStatus()).isNull();
            assertThat(messages.get(1).getMessageText()).isEqualTo("42");
            assertThat(CardsavrJson.toJson(messages.get(0))).contains("[1,2]");

            server.reply(ScriptedCardsavrServer.json("{\"type\":\"tfa\",\"job_id\":7,\"account_link\":\"username\"}"));
            CardsavrException e = failure(client.pollCredentialRequests(JOB));
            assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.MALFORMED_BODY);
            assertThat(e.getMessage()).contains("account_link");
        }
    }

    @Test
    void manyMessagesUnderTheCapParseInBoundedTime() {
        server.reply(ScriptedCardsavrServer.json(arrayOfMessages(4 * 1024 * 1024)));
        try (CardsavrClient client = client(8 * 1024 * 1024)) {
            assertThat(value(client.pollJobBroadcasts(JOB, KEY))).hasSizeGreaterThan(40_000);
        }
    }

    /**
     * A server that sends a byte just often enough never trips the response timeout, which is an inactivity timeout.
     * Expected: the call fails with TIMEOUT soon after responseTimeout. Seen: the call lasts as long as the server
     * likes (here 300 bytes at 100 ms = 30 s); a poll of that job stays in flight all that time.
     */
    @Test
    void tricklingReplyTimesOutInsteadOfHoldingThePollOpen() {
        server.reply(server.trickle("[" + " ".repeat(298) + "]", Duration.ofMillis(100)));
        try (CardsavrClient client = CardsavrClient.create(server.unsignedClient()
                .responseTimeout(Duration.ofMillis(500)).build())) {
            CompletableFuture<ParsedList<CardsavrMessage>> poll = client.pollJobBroadcasts(JOB, KEY);
            CardsavrException e = failure(poll, Duration.ofSeconds(5));
            assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.TIMEOUT);
        }
    }

    /**
     * {@code "account_link":[null]} parses, but the request's {@code toString()} (used by Camel's logging, tracing and
     * error messages) throws NullPointerException, and {@code getAccountLink()} hands the null to route code. Found by
     * {@link MessageParserFuzzTest}.
     */
    @Test
    void nullAccountLinkElementIsDroppedOrRejected() {
        List<CredentialRequest> requests = CardsavrJson.parseCredentialRequests(
                "[{\"type\":\"tfa\",\"job_id\":7,\"envelope_id\":\"e==\",\"account_link\":[null,{\"key_name\":\"tfa\"}]}]"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(requests.get(0).getAccountLink()).doesNotContainNull();
        assertThat(requests.get(0).toString()).contains("tfa");
    }

    private static String arrayOfMessages(int approximateBytes) {
        String element = "{\"type\":\"job_status\",\"job_id\":101,\"message\":{\"status\":\"UPDATING\",\"percent_complete\":54.5}}";
        StringBuilder body = new StringBuilder(approximateBytes + element.length() + 2).append('[');
        while (body.length() < approximateBytes) {
            body.append(element).append(',');
        }
        body.append(element).append(']');
        return body.toString();
    }

    static <T> T value(CompletableFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("call failed: " + e, e);
        }
    }

    static CardsavrException failure(CompletableFuture<?> future) {
        return failure(future, Duration.ofSeconds(30));
    }

    static CardsavrException failure(CompletableFuture<?> future, Duration within) {
        try {
            Object value = future.get(within.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("expected a failure, got " + value);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            assertThat(cause).isInstanceOf(CardsavrException.class);
            return (CardsavrException) cause;
        } catch (TimeoutException e) {
            throw new AssertionError("the call neither completed nor failed within " + within);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
