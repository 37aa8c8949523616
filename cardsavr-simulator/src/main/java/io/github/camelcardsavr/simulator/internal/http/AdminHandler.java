package io.github.camelcardsavr.simulator.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import io.github.camelcardsavr.simulator.CreatedJob;
import io.github.camelcardsavr.simulator.JobSpec;
import io.github.camelcardsavr.simulator.JobView;
import io.github.camelcardsavr.simulator.SimulatorAdmin;
import io.github.camelcardsavr.simulator.internal.ApiProblem;
import io.github.camelcardsavr.simulator.internal.Json;

/**
 * {@code /_simulator/...}: the admin API over HTTP for scripts and demos. Unauthenticated by design, so it
 * answers loopback clients only. Plain JSON, never faulted, never counted.
 */
public final class AdminHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger("io.github.camelcardsavr.simulator.admin");

    private final SimulatorAdmin admin;
    private final Supplier<Map<String, Object>> info;

    public AdminHandler(SimulatorAdmin admin, Supplier<Map<String, Object>> info) {
        this.admin = admin;
        this.info = info;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
        String path = ApiRequest.normalise(exchange.getRequestURI().getPath());
        int status;
        Object body;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] raw = in.readNBytes(ApiRequest.MAX_BODY_BYTES);
            InetSocketAddress remote = exchange.getRemoteAddress();
            if (remote == null || !remote.getAddress().isLoopbackAddress()) {
                throw new ApiProblem(403, "Forbidden", "The admin API answers loopback clients only", null);
            }
            body = route(method, path, raw, exchange.getRequestURI().getRawQuery());
            status = 200;
        } catch (ApiProblem problem) {
            status = problem.status();
            body = problem.body();
            problem.headers().forEach(exchange.getResponseHeaders()::set);
        } catch (IllegalArgumentException | IllegalStateException e) {
            ApiProblem cause = e.getCause() instanceof ApiProblem problem ? problem : null;
            status = cause != null ? cause.status() : (e instanceof IllegalStateException ? 409 : 400);
            body = new ApiProblem(status, cause != null ? cause.name() : "InvalidParameter", e.getMessage(),
                    cause != null ? cause.property() : null).body();
        }
        int finalStatus = status;
        LOG.log(Level.DEBUG, () -> method + " " + path + " -> " + finalStatus);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        ResponseWriter.send(exchange, status, Json.write(body));
    }

    private Object route(String method, String path, byte[] raw, String rawQuery) {
        List<String> s = segments(path);
        if (s.isEmpty()) {
            allow(method, "GET");
            return info.get();
        }
        switch (s.get(0)) {
            case "cardholders" -> {
                allow(method, "POST");
                return Map.of("cardholder_id", admin.createCardholder());
            }
            case "sessions" -> {
                allow(method, "POST");
                Object username = body(raw).get("username");
                if (username == null) {
                    throw ApiProblem.badRequest("username is required", "username");
                }
                return Map.of("session_token", admin.issueSessionToken(String.valueOf(username)));
            }
            case "faults" -> {
                allow(method, "GET", "POST", "DELETE");
                if (method.equals("POST")) {
                    FaultCommands.apply(admin.faults(), body(raw));
                } else if (method.equals("DELETE")) {
                    admin.faults().reset();
                }
                return Map.of("injected", admin.faults().injectedCounts());
            }
            case "requests" -> {
                allow(method, "GET");
                String pathFilter = query(rawQuery, "path");
                if (pathFilter == null) {
                    return Map.of("counts", admin.requestCounts(), "encrypted_replies", admin.encryptedReplies());
                }
                Map<String, Object> reply = new LinkedHashMap<>();
                reply.put("path", pathFilter);
                reply.put("count", admin.requestCount(query(rawQuery, "method"), pathFilter));
                return reply;
            }
            case "clock" -> {
                allow(method, "GET", "POST");
                if (method.equals("POST")) {
                    admin.advanceClock(advance(body(raw)));
                }
                return Map.of("now", admin.now().toString());
            }
            case "jobs" -> {
                return jobs(method, s, raw);
            }
            default -> throw ApiProblem.notFound("NotFound", "No such admin endpoint: " + method + " " + path, null);
        }
    }

    private Object jobs(String method, List<String> s, byte[] raw) {
        if (s.size() == 1) {
            allow(method, "GET", "POST");
            if (method.equals("GET")) {
                List<Map<String, Object>> jobs = new ArrayList<>();
                for (JobView view : admin.jobs()) {
                    jobs.add(AdminJson.job(view));
                }
                return jobs;
            }
            CreatedJob created = admin.createJob(jobSpec(body(raw)));
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("job_id", created.jobId());
            reply.put("cardholder_id", created.cardholderId());
            reply.put("access_key", created.accessKey());
            return reply;
        }
        long jobId = (long) AdminJson.number(s.get(1), "job id");
        String action = s.size() == 3 ? s.get(2) : s.size() == 2 ? "" : null;
        if (action == null) {
            throw ApiProblem.notFound("NotFound", "No such admin endpoint", null);
        }
        switch (action) {
            case "" -> {
                allow(method, "GET");
                return AdminJson.job(admin.job(jobId));
            }
            case "start" -> {
                allow(method, "POST");
                admin.startJob(jobId);
                return AdminJson.job(admin.job(jobId));
            }
            case "messages" -> {
                allow(method, "POST");
                admin.injectMessage(jobId, body(raw));
                return Map.of("job_id", jobId, "queued", true);
            }
            case "credential_requests" -> {
                allow(method, "POST");
                Map<String, Object> request = body(raw);
                List<String> fields = new ArrayList<>();
                if (request.get("fields") instanceof List<?> list) {
                    list.forEach(field -> fields.add(String.valueOf(field)));
                }
                String type = request.get("type") == null ? null : String.valueOf(request.get("type"));
                return Map.of("job_id", jobId, "envelope_id", admin.injectCredentialRequest(jobId, type, fields));
            }
            case "answers" -> {
                allow(method, "GET");
                return admin.answerValues(jobId);
            }
            default -> throw ApiProblem.notFound("NotFound", "No such admin endpoint: jobs/" + jobId + "/" + action,
                    null);
        }
    }

    private static JobSpec jobSpec(Map<String, Object> raw) {
        Map<String, Object> body = AdminJson.normaliseKeys(raw);
        JobSpec.Builder spec = JobSpec.builder().site(body.get("site") == null ? null : String.valueOf(body.get("site")));
        if (body.get("cardholderid") != null) {
            spec.cardholderId((long) AdminJson.number(body.get("cardholderid"), "cardholder_id"));
        }
        if (body.get("stepdelayms") != null) {
            spec.stepDelay(Duration.ofMillis((long) AdminJson.number(body.get("stepdelayms"), "step_delay_ms")));
        }
        if (body.get("tfacode") != null) {
            spec.tfaCode(String.valueOf(body.get("tfacode")));
        }
        if (body.get("autostart") != null) {
            spec.autoStart(AdminJson.bool(body.get("autostart"), "auto_start"));
        }
        return spec.build();
    }

    private static Duration advance(Map<String, Object> raw) {
        Map<String, Object> body = AdminJson.normaliseKeys(raw);
        if (body.get("advancems") != null) {
            return Duration.ofMillis((long) AdminJson.number(body.get("advancems"), "advance_ms"));
        }
        if (body.get("advance") != null) {
            return Duration.parse(String.valueOf(body.get("advance")));
        }
        throw ApiProblem.badRequest("advance_ms (a number) or advance (ISO-8601, e.g. PT1H) is required", "advance_ms");
    }

    private static Map<String, Object> body(byte[] raw) {
        if (raw.length == 0 || new String(raw, StandardCharsets.UTF_8).isBlank()) {
            return Map.of();
        }
        try {
            return Json.readObject(raw);
        } catch (Json.MalformedJsonException e) {
            throw ApiProblem.badRequest("The request " + e.getMessage(), null);
        }
    }

    private static void allow(String method, String... allowed) {
        for (String candidate : allowed) {
            if (candidate.equals(method)) {
                return;
            }
        }
        String allowHeader = String.join(", ", allowed);
        throw new ApiProblem(405, "MethodNotAllowed", method + " is not supported here; use " + allowHeader, null,
                Map.of("Allow", allowHeader));
    }

    private static List<String> segments(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? parts : parts.subList(1, parts.size());
    }

    private static String query(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (key.equals(name)) {
                return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
