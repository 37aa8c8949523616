package io.github.camelcardsavr.simulator.internal.http;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import io.github.camelcardsavr.simulator.Faults;

/**
 * Applies a {@code POST /_simulator/faults} body to {@link Faults}. Keys are the Java method names in any
 * case, with or without underscores: {@code {"onPath":"/broadcasts","errorRate":0.5,"errorStatus":503}},
 * {@code {"too_many_requests":2,"retry_after_seconds":1}}, {@code {"latency_ms":200}}, {@code {"seed":7}}.
 */
final class FaultCommands {

    /** Applied before the rest, because they shape how the other faults behave. */
    private static final List<String> FIRST = List.of("reset", "seed", "onpath");
    private static final List<String> PARAMETERS = List.of("errorstatus", "retryafterseconds");

    private FaultCommands() {
    }

    /**
     * Each POST is self-contained: its faults apply to its own {@code onPath} (or to every path), and no
     * filter is left behind for the next POST.
     */
    static void apply(Faults faults, Map<String, Object> rawBody) {
        Map<String, Object> body = AdminJson.normaliseKeys(rawBody);
        faults.onPath(null);
        try {
            for (String key : FIRST) {
                if (body.containsKey(key)) {
                    applyOne(faults, key, body.get(key), body);
                }
            }
            for (Map.Entry<String, Object> entry : body.entrySet()) {
                if (!FIRST.contains(entry.getKey()) && !PARAMETERS.contains(entry.getKey())) {
                    applyOne(faults, entry.getKey(), entry.getValue(), body);
                }
            }
        } finally {
            faults.onPath(null);
        }
    }

    private static void applyOne(Faults faults, String key, Object value, Map<String, Object> body) {
        switch (key) {
            case "reset" -> {
                if (AdminJson.bool(value, key)) {
                    faults.reset();
                }
            }
            case "seed" -> faults.seed((long) AdminJson.number(value, key));
            case "onpath" -> faults.onPath(value == null ? null : String.valueOf(value));
            case "errorrate" -> {
                if (value instanceof Map<?, ?> spec) {
                    faults.errorRate(AdminJson.number(spec.get("rate"), "errorRate.rate"),
                            (int) AdminJson.number(orDefault(spec.get("status"), 503), "errorRate.status"));
                } else {
                    faults.errorRate(AdminJson.number(value, key), status(body));
                }
            }
            case "errorburst" -> faults.errorBurst((int) AdminJson.number(value, key), status(body));
            case "toomanyrequests" -> {
                if (value instanceof Map<?, ?> spec) {
                    faults.tooManyRequests((int) AdminJson.number(spec.get("count"), "tooManyRequests.count"),
                            (int) AdminJson.number(orDefault(spec.get("retry_after_seconds"), 1),
                                    "tooManyRequests.retry_after_seconds"));
                } else {
                    faults.tooManyRequests((int) AdminJson.number(value, key),
                            (int) AdminJson.number(orDefault(body.get("retryafterseconds"), 1), "retryAfterSeconds"));
                }
            }
            case "latencyms" -> faults.latency(Duration.ofMillis((long) AdminJson.number(value, key)));
            case "latency" -> faults.latency(duration(value));
            case "dropconnections" -> faults.dropConnections(AdminJson.number(value, key));
            case "malformedjson" -> faults.malformedJson(AdminJson.number(value, key));
            case "badsignature" -> faults.badSignature(AdminJson.number(value, key));
            case "undecryptablebody" -> faults.undecryptableBody(AdminJson.number(value, key));
            case "expiresessions" -> {
                if (AdminJson.bool(value, key)) {
                    faults.expireSessions();
                }
            }
            case "revokeaccesskey" -> faults.revokeAccessKey(String.valueOf(value));
            case "revokeaccesskeys" -> faults.revokeAccessKeys((long) AdminJson.number(value, key));
            case "registrationpostunsupported" -> faults.registrationPostUnsupported(AdminJson.bool(value, key));
            case "registrationgetunsupported" -> faults.registrationGetUnsupported(AdminJson.bool(value, key));
            case "onlyaccesskeyheader" -> faults.onlyAccessKeyHeader(value == null ? null : String.valueOf(value));
            case "consumeonfault" -> faults.consumeOnFault(AdminJson.bool(value, key));
            case "cutdrainingreplies" -> faults.cutDrainingReplies((int) AdminJson.number(value, key));
            case "spoildrainingreplies" -> faults.spoilDrainingReplies((int) AdminJson.number(value, key));
            default -> throw new IllegalArgumentException("Unknown fault '" + key + "'");
        }
    }

    private static int status(Map<String, Object> body) {
        return (int) AdminJson.number(orDefault(body.get("errorstatus"), 503), "errorStatus");
    }

    private static Object orDefault(Object value, Object fallback) {
        return value == null ? fallback : value;
    }

    /** Milliseconds as a number, or an ISO-8601 duration such as "PT0.5S". */
    private static Duration duration(Object value) {
        if (value instanceof Number number) {
            return Duration.ofMillis(number.longValue());
        }
        try {
            return Duration.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("latency must be milliseconds or an ISO-8601 duration like PT0.5S");
        }
    }
}
