package io.github.camelcardsavr.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The recorded material every module tests against, kept once: a real job's poll-by-poll cardholder stream from
 * Strivve's documentation, and a webhook signed by a real CardSavr server.
 */
public final class Fixtures {

    /** Resource path of the recorded cardholder stream: an array of polls, each an array of messages. */
    public static final String RECORDED_CARDHOLDER_STREAM = "/cardsavr/recorded-cardholder-stream.json";

    /** Resource path of the webhook vector: the body a real server signed (see PROTOCOL.md for key and nonce). */
    public static final String WEBHOOK_VECTOR = "/cardsavr/webhook-vector.json";

    private Fixtures() {
    }

    public static byte[] recordedCardholderStream() {
        return read(RECORDED_CARDHOLDER_STREAM);
    }

    public static byte[] webhookVector() {
        return read(WEBHOOK_VECTOR);
    }

    private static byte[] read(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Test fixture " + resource + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Reading test fixture " + resource + " failed", e);
        }
    }
}
