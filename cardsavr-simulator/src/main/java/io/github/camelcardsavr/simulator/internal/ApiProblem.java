package io.github.camelcardsavr.simulator.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request the simulator refuses, carried to the HTTP layer as a status plus one CardSavr
 * {@code _errors} entry. Messages name the problem but never contain secrets or request bodies.
 */
public final class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String name;
    private final String property;
    private final Map<String, String> headers;

    public ApiProblem(int status, String name, String message, String property) {
        this(status, name, message, property, Map.of());
    }

    public ApiProblem(int status, String name, String message, String property, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.name = name;
        this.property = property;
        this.headers = Map.copyOf(headers);
    }

    public static ApiProblem badRequest(String message, String property) {
        return new ApiProblem(400, "InvalidParameter", message, property);
    }

    public static ApiProblem notFound(String name, String message, String property) {
        return new ApiProblem(404, name, message, property);
    }

    public static ApiProblem invalidSession(String message) {
        return new ApiProblem(401, "InvalidSession", message, "x-cardsavr-session-jwt");
    }

    public int status() {
        return status;
    }

    public String name() {
        return name;
    }

    public String property() {
        return property;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The documented error body: {@code {"_errors":[{"name","message","property"}]}}. */
    public Map<String, Object> body() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("name", name);
        error.put("message", getMessage());
        error.put("property", property);
        return Map.of("_errors", List.of(error));
    }
}
