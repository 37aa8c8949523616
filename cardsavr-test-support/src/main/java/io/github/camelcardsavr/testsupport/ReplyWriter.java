package io.github.camelcardsavr.testsupport;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.github.camelcardsavr.testsupport.ScriptedCardsavrServer.SignedReplies;

/**
 * Puts the {@link ScriptedCardsavrServer}'s replies on the wire: encrypted and signed as their key and the chosen
 * {@link SignedReplies} form say, or, when replaying, the last signed reply of the same call exactly as it went out.
 */
final class ReplyWriter {

    /** A reply as it went out; the signed ones are kept, because a replay must repeat them to the byte. */
    private record Sent(int status, Map<String, List<String>> headers, byte[] body, boolean chunked) {
    }

    private final SignedWire wire;
    private final Map<String, Sent> lastSigned = new ConcurrentHashMap<>();
    private final AtomicLong bytesWritten = new AtomicLong();
    private volatile SignedReplies form = SignedReplies.GCM;
    private volatile String fixedNonce;

    /** @param wire the signed side of the wire; null for an unsigned server */
    ReplyWriter(SignedWire wire) {
        this.wire = wire;
    }

    void form(SignedReplies form) {
        this.form = form;
    }

    void fixedNonce(String nonce) {
        this.fixedNonce = nonce;
    }

    long bytesWritten() {
        return bytesWritten.get();
    }

    /**
     * @param call the method and path the reply answers, which a replay repeats the reply of
     * @param key  the key the reply is signed with (and, when successful, encrypted with); null to send it plain
     */
    void send(HttpExchange exchange, String call, String path, ScriptedReply reply, byte[] key) throws IOException {
        SignedReplies form = this.form;
        Sent recorded = lastSigned.get(call);
        if (key != null && form == SignedReplies.REPLAYED && recorded != null) {
            write(exchange, recorded);
            return;
        }
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        reply.headers.forEach(headers::set);
        if (reply.isStreamed()) {
            exchange.sendResponseHeaders(reply.status, reply.streamLength);
            try (OutputStream out = counted(exchange.getResponseBody())) {
                reply.stream.writeTo(out);
            }
            return;
        }
        byte[] body = reply.body;
        if (key != null && reply.encryptable && reply.status < 400 && body.length > 0) {
            body = wire.seal(form, key, body);
        }
        Sent sent = new Sent(reply.status, Map.of(), body, reply.chunked);
        if (key != null && form != SignedReplies.WITHOUT_SIGNATURE) {
            wire.sign(headers, form == SignedReplies.WRONG_SIGNATURE ? SignedWire.strangerKey() : key, path, body,
                    fixedNonce);
            sent = new Sent(reply.status, copyOf(headers), body, reply.chunked);
            lastSigned.put(call, sent);
        }
        write(exchange, sent);
    }

    private void write(HttpExchange exchange, Sent sent) throws IOException {
        exchange.getResponseHeaders().putAll(sent.headers());
        byte[] body = sent.body();
        exchange.sendResponseHeaders(sent.status(), sent.chunked() ? 0 : body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = counted(exchange.getResponseBody())) {
                out.write(body);
            }
        }
    }

    private static Map<String, List<String>> copyOf(Headers headers) {
        Map<String, List<String>> copy = new HashMap<>();
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return Map.copyOf(copy);
    }

    private OutputStream counted(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                bytesWritten.incrementAndGet();
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
                bytesWritten.addAndGet(length);
            }
        };
    }
}
