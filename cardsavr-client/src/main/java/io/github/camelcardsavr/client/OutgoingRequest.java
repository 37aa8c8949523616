package io.github.camelcardsavr.client;

import java.time.Duration;

/** A request ready for the wire: full path, headers as name/value pairs, and the exact body bytes (or null). */
final class OutgoingRequest {

    final String method;
    final String path;
    final String[] headers;
    final byte[] body;
    /** A response timeout of this request's own, or null for the client's. */
    final Duration responseTimeout;

    OutgoingRequest(String method, String path, String[] headers, byte[] body, Duration responseTimeout) {
        this.method = method;
        this.path = path;
        this.headers = headers;
        this.body = body;
        this.responseTimeout = responseTimeout;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
