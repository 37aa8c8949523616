package io.github.camelcardsavr.simulator.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import io.github.camelcardsavr.simulator.internal.crypto.BodyEncryption;
import io.github.camelcardsavr.simulator.internal.crypto.RequestSignature;

/**
 * Puts a response on the wire: encrypts successful bodies of signed sessions in the session's scheme (GCM or
 * CBC), signs every response that has a key (errors included, unencrypted), then applies the
 * response-spoiling faults.
 */
final class ResponseWriter {

    private final WireSecurity security;
    private final FaultState faults;
    private final RequestCounter counter;

    ResponseWriter(WireSecurity security, FaultState faults, RequestCounter counter) {
        this.security = security;
        this.faults = faults;
        this.counter = counter;
    }

    void write(ApiRequest request, ApiResponse response, FaultPlan plan) throws IOException {
        boolean success = !response.isError();
        byte[] plain = response.json();
        boolean spoiled = false;
        // the channel was drained; the reply arrives truncated and what it carried stays taken
        boolean spoiledAfterDrain = response.status() == 200 && response.rollback() != null
                                    && response.json().length > 2 && faults.spoilsDrainingReply(request.path);
        if (success && (plan.malformedJson || spoiledAfterDrain)) {
            plain = Arrays.copyOf(plain, Math.max(1, plain.length / 2));
            spoiled = true;
        }
        String wire;
        if (success && request.encryptResponse && request.responseKey != null) {
            String encrypted = BodyEncryption.encrypt(request.replyScheme, request.responseKey, plain);
            wire = envelope(plan.undecryptable ? corrupt(encrypted) : encrypted);
            spoiled |= plan.undecryptable;
            counter.recordEncryptedReply(request.replyScheme);
        } else if (success && plan.undecryptable) {
            wire = envelope(corrupt(BodyEncryption.encryptGcm(randomKey(), plain)));
            spoiled = true;
        } else {
            wire = new String(plain, StandardCharsets.UTF_8);
        }
        byte[] bytes = wire.getBytes(StandardCharsets.UTF_8);
        Headers headers = request.exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        response.headers().forEach(headers::set);
        if (request.responseKey != null || plan.badSignature) {
            byte[] key = request.responseKey != null ? request.responseKey : randomKey();
            String nonce = Long.toString(System.currentTimeMillis());
            String signature = RequestSignature.sign(key, request.signedPath, security.authorization(), nonce, bytes);
            if (plan.badSignature) {
                signature = RequestSignature.sign(randomKey(), request.signedPath, security.authorization(), nonce, bytes);
                spoiled |= request.responseKey != null;
            }
            headers.set(RequestSignature.AUTHORIZATION_HEADER, security.authorization());
            headers.set(RequestSignature.NONCE_HEADER, nonce);
            headers.set(RequestSignature.SIGNATURE_HEADER, signature);
        }
        if (response.status() == 200 && response.rollback() != null && response.json().length > 2
            && faults.cutsDrainingReply(request.path)) {
            // the channel was drained; the connection goes before a byte of the reply does
            throw new SimulatedConnectionDrop("connection dropped after the drain by the cutDrainingReplies fault");
        }
        spoiled |= plan.drop;
        if (spoiled && !faults.isConsumeOnFault() && !spoiledAfterDrain && response.rollback() != null) {
            // The client cannot use this response, so what it carried is put back for the next poll.
            response.rollback().run();
        }
        if (plan.drop) {
            dropMidResponse(request.exchange, response.status(), bytes);
        }
        send(request.exchange, response.status(), bytes);
    }

    /** {@code {"encrypted_body":"..."}} as JSON.stringify writes it; base64 and '$' need no escaping. */
    private static String envelope(String encryptedBody) {
        return "{\"encrypted_body\":\"" + encryptedBody + "\"}";
    }

    static void send(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        if (bytes.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Sends the headers and half the body, then throws: the JDK server closes the connection when a handler
     * fails, so the client sees a response cut off mid-body. Must run on the server's handler thread.
     */
    private static void dropMidResponse(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        exchange.sendResponseHeaders(status, bytes.length);
        OutputStream out = exchange.getResponseBody();
        out.write(bytes, 0, bytes.length / 2);
        out.flush();
        throw new SimulatedConnectionDrop();
    }

    /**
     * Spoils the ciphertext so that it cannot be decrypted, while the signature (made afterwards) still
     * matches. GCM: one flipped byte fails the tag check. CBC has no tag and a flipped byte would decrypt to
     * garbage, so one byte is cut off: a length that is no multiple of the block size never decrypts.
     */
    private static String corrupt(String encryptedBody) {
        String[] parts = encryptedBody.split("\\$", -1);
        byte[] ciphertext = Base64.getDecoder().decode(parts[0]);
        if (BodyEncryption.schemeOf(encryptedBody) == BodyEncryption.Scheme.CBC) {
            ciphertext = Arrays.copyOf(ciphertext, ciphertext.length - 1);
        } else {
            ciphertext[0] ^= 0x5A;
        }
        parts[0] = Base64.getEncoder().encodeToString(ciphertext);
        return String.join("$", parts);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        ThreadLocalRandom.current().nextBytes(key);
        return key;
    }

    /** The deliberate failure that makes the JDK server drop a connection. */
    static final class SimulatedConnectionDrop extends IOException {
        private static final long serialVersionUID = 1L;

        SimulatedConnectionDrop() {
            this("connection dropped mid-response by the dropConnections fault");
        }

        SimulatedConnectionDrop(String message) {
            super(message);
        }
    }
}
