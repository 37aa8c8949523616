package io.github.camelcardsavr.client;

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

    ApiCall(String operation, String method, String path, byte[] body, String... headers) {
        this.operation = operation;
        this.method = method;
        this.path = path;
        this.body = body;
        this.headers = headers == null ? NO_HEADERS : headers;
    }

    String describe() {
        return operation + " " + method + " " + path;
    }

    @Override
    public String toString() {
        return describe();
    }
}
