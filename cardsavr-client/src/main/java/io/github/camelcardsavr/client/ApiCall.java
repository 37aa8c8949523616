package io.github.camelcardsavr.client;

import java.time.Duration;

/**
 * One logical API call before encoding: which operation, method and path, the plain JSON body (or null) and
 * extra headers as name/value pairs. Its description names operation, method and path only, for messages and logs.
 */
final class ApiCall {

    private static final String[] NO_HEADERS = new String[0];

    final String operation;
    final String method;
    final String path;
    final byte[] body;
    final String[] headers;
    /** This call's response timeout, or null for the client's. */
    final Duration responseTimeout;

    ApiCall(String operation, String method, String path, byte[] body, String... headers) {
        this(operation, method, path, body, null, headers);
    }

    private ApiCall(String operation, String method, String path, byte[] body, Duration responseTimeout,
                    String... headers) {
        this.operation = operation;
        this.method = method;
        this.path = path;
        this.body = body;
        this.headers = headers == null ? NO_HEADERS : headers;
        this.responseTimeout = responseTimeout;
    }

    /** The same call with a response timeout of its own. */
    ApiCall withResponseTimeout(Duration timeout) {
        return new ApiCall(operation, method, path, body, timeout, headers);
    }

    String describe() {
        return operation + " " + method + " " + path;
    }

    @Override
    public String toString() {
        return describe();
    }
}
