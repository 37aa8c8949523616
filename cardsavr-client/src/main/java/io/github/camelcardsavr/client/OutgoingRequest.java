package io.github.camelcardsavr.client;

/** A request ready for the wire: full path, headers as name/value pairs, and the exact body bytes (or null). */
final class OutgoingRequest {

    final String method;
    final String path;
    final String[] headers;
    final byte[] body;

    OutgoingRequest(String method, String path, String[] headers, byte[] body) {
        this.method = method;
        this.path = path;
        this.headers = headers;
        this.body = body;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
