package io.github.camelcardsavr.simulator.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

import io.github.camelcardsavr.simulator.internal.crypto.BodyEncryption;
import io.github.camelcardsavr.simulator.internal.crypto.RequestSignature;
import io.github.camelcardsavr.simulator.internal.state.Session;

/**
 * One API request as read off the wire, plus what authentication learned about it (session, response key,
 * decrypted body). Never logged as a whole: only method and path are safe to print.
 */
final class ApiRequest {

    /** Bodies of this API are small; anything larger is refused before it is parsed. */
    static final int MAX_BODY_BYTES = 1 << 20;

    final HttpExchange exchange;
    final String method;
    /** The URL-decoded path and query exactly as sent: what the signature covers. */
    final String signedPath;
    /** The path without trailing slashes: what routing and counting use. */
    final String path;
    final List<String> segments;
    final String rawBody;
    final boolean bodyTooLarge;
    final long startNanos = System.nanoTime();

    Session session;
    /** Key that signs (and, when {@link #encryptResponse}, encrypts) the response; null for plain responses. */
    byte[] responseKey;
    boolean encryptResponse;
    /** How a successful response is encrypted when {@link #encryptResponse}. */
    BodyEncryption.Scheme replyScheme = BodyEncryption.Scheme.GCM;
    /** The scheme the request body was encrypted in; null for a plain or empty body. */
    BodyEncryption.Scheme bodyScheme;
    /** The JSON body after decryption; empty when there was none. */
    Map<String, Object> body = Map.of();

    private ApiRequest(HttpExchange exchange, byte[] body, boolean bodyTooLarge) {
        this.exchange = exchange;
        this.method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
        URI uri = exchange.getRequestURI();
        String decodedPath = uri.getPath() == null ? "/" : uri.getPath();
        this.signedPath = uri.getQuery() == null ? decodedPath : decodedPath + "?" + uri.getQuery();
        this.path = normalise(decodedPath);
        this.segments = segments(path);
        this.rawBody = new String(body, StandardCharsets.UTF_8);
        this.bodyTooLarge = bodyTooLarge;
    }

    static ApiRequest read(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            // most requests are polls without a body: reading one with readNBytes would allocate its 8 KiB buffer
            // for each of them, and at thousands of polls a second that garbage set the collector's pace
            int first = in.read();
            if (first < 0) {
                return new ApiRequest(exchange, new byte[0], false);
            }
            byte[] rest = in.readNBytes(MAX_BODY_BYTES);
            boolean tooLarge = rest.length + 1 > MAX_BODY_BYTES;
            if (tooLarge) {
                return new ApiRequest(exchange, new byte[0], true);
            }
            byte[] body = new byte[rest.length + 1];
            body[0] = (byte) first;
            System.arraycopy(rest, 0, body, 1, rest.length);
            return new ApiRequest(exchange, body, false);
        }
    }

    String header(String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    boolean hasSignatureHeaders() {
        return header(RequestSignature.SIGNATURE_HEADER) != null
                || header(RequestSignature.AUTHORIZATION_HEADER) != null;
    }

    String describe() {
        return method + " " + path;
    }

    static String normalise(String path) {
        String normalised = path;
        while (normalised.length() > 1 && normalised.endsWith("/")) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        return normalised.isEmpty() ? "/" : normalised;
    }

    private static List<String> segments(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return List.copyOf(parts);
    }
}
