package io.github.camelcardsavr.simulator.internal.http;

import java.util.List;
import java.util.Map;

import io.github.camelcardsavr.simulator.internal.ApiProblem;

/** Maps method and path to an endpoint; unknown paths are 404, known paths with the wrong method 405. */
final class ApiRoutes {

    private static final String JOBS = "place_card_on_single_site_jobs";

    private final SessionEndpoints sessions;
    private final MessagingEndpoints messaging;
    private final FaultState faults;

    ApiRoutes(SessionEndpoints sessions, MessagingEndpoints messaging, FaultState faults) {
        this.sessions = sessions;
        this.messaging = messaging;
        this.faults = faults;
    }

    static boolean isLogin(ApiRequest request) {
        return request.segments.equals(List.of("session", "login"));
    }

    ApiResponse dispatch(ApiRequest request) {
        List<String> s = request.segments;
        String m = request.method;
        if (s.size() == 2 && s.get(0).equals("session")) {
            switch (s.get(1)) {
                case "login" -> {
                    allow(m, "POST");
                    return sessions.login(request);
                }
                case "end" -> {
                    allow(m, "GET");
                    return sessions.end(request);
                }
                case "refresh" -> {
                    allow(m, "PUT");
                    return sessions.refresh(request);
                }
                default -> throw noSuchEndpoint(request);
            }
        }
        if (s.size() >= 4 && s.get(0).equals("messages") && s.get(1).equals(JOBS)) {
            long jobId = id(s.get(2), "job_id");
            List<String> rest = s.subList(3, s.size());
            if (rest.equals(List.of("broadcasts", "registrations"))) {
                return registration(request, jobId);
            }
            if (rest.equals(List.of("broadcasts"))) {
                allow(m, "GET");
                return messaging.broadcasts(request, jobId, faults.onlyAccessKeyHeader());
            }
            if (rest.equals(List.of("credential_requests"))) {
                allow(m, "GET", "POST");
                return m.equals("POST") ? messaging.raiseCredentialRequest(request, jobId)
                        : messaging.credentialRequests(request, jobId);
            }
            if (rest.equals(List.of("credential_responses"))) {
                allow(m, "GET", "POST");
                return m.equals("POST") ? messaging.credentialResponse(request, jobId)
                        : messaging.credentialResponses(request, jobId);
            }
        }
        if (s.size() == 3 && s.get(0).equals("messages") && s.get(1).equals("cardholders")) {
            allow(m, "GET");
            return messaging.cardholderMessages(request, id(s.get(2), "cardholder_id"));
        }
        if (s.size() == 2 && s.get(0).equals(JOBS)) {
            long jobId = id(s.get(1), "job_id");
            allow(m, "GET", "PUT");
            return m.equals("PUT") ? messaging.putJob(request, jobId) : messaging.getJob(request, jobId);
        }
        throw noSuchEndpoint(request);
    }

    /** Both registration methods exist (seed: GET, SDK: POST); a fault switch can withdraw either. */
    private ApiResponse registration(ApiRequest request, long jobId) {
        boolean postAllowed = !faults.isRegistrationPostUnsupported();
        boolean getAllowed = !faults.isRegistrationGetUnsupported();
        if (postAllowed && getAllowed) {
            allow(request.method, "GET", "POST");
        } else if (postAllowed) {
            allow(request.method, "POST");
        } else if (getAllowed) {
            allow(request.method, "GET");
        } else {
            throw new ApiProblem(405, "MethodNotAllowed", "Registrations are switched off", null);
        }
        return messaging.register(request, jobId);
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

    private static long id(String segment, String property) {
        try {
            long id = Long.parseLong(segment);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // Reported below with the property name.
        }
        throw ApiProblem.badRequest(property + " in the path must be a positive number", property);
    }

    private static ApiProblem noSuchEndpoint(ApiRequest request) {
        return ApiProblem.notFound("NotFound", "No such endpoint: " + request.describe(), null);
    }
}
