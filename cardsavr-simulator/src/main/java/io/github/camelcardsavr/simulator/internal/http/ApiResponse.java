package io.github.camelcardsavr.simulator.internal.http;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelcardsavr.simulator.internal.ApiProblem;
import io.github.camelcardsavr.simulator.internal.Json;

/**
 * A response before wire treatment (encryption, signing, faults). {@code rollback} undoes what producing it
 * consumed, for when a fault spoils it.
 */
record ApiResponse(int status, byte[] json, Map<String, String> headers, Runnable rollback) {

    static ApiResponse ok(Object body) {
        return new ApiResponse(200, Json.write(body), Map.of(), null);
    }

    static ApiResponse okJson(byte[] json, Runnable rollback) {
        return new ApiResponse(200, json, Map.of(), rollback);
    }

    static ApiResponse error(ApiProblem problem) {
        return new ApiResponse(problem.status(), Json.write(problem.body()), problem.headers(), null);
    }

    static ApiResponse error(ApiProblem problem, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(problem.headers());
        headers.putAll(extraHeaders);
        return new ApiResponse(problem.status(), Json.write(problem.body()), headers, null);
    }

    boolean isError() {
        return status >= 400;
    }
}
