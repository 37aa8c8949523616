package io.github.camelcardsavr.simulator.internal.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelcardsavr.simulator.ReceivedAnswer;
import io.github.camelcardsavr.simulator.internal.ApiProblem;
import io.github.camelcardsavr.simulator.internal.engine.JobEngine;
import io.github.camelcardsavr.simulator.internal.engine.Messaging;

/** The {@code /messages/...} endpoints and the envelope-answering {@code PUT /place_card_on_single_site_jobs/{id}}. */
final class MessagingEndpoints {

    static final String ACCESS_KEY_HEADER = "cardsavr-messaging-access-key";
    static final String SDK_ACCESS_KEY_HEADER = "x-cardsavr-cardsavr-messaging-access-key";
    static final String ENVELOPE_HEADER = "x-cardsavr-envelope-id";

    private final WireSecurity security;
    private final JobEngine engine;
    private final Messaging messaging;

    MessagingEndpoints(WireSecurity security, JobEngine engine) {
        this.security = security;
        this.engine = engine;
        this.messaging = engine.messaging();
    }

    ApiResponse register(ApiRequest request, long jobId) {
        security.authenticate(request);
        Object bodyJobId = request.body.get("job_id");
        if (bodyJobId != null && !String.valueOf(bodyJobId).equals(String.valueOf(jobId))) {
            throw ApiProblem.badRequest("job_id in the body must match the job id in the path", "job_id");
        }
        return ApiResponse.ok(Map.of("access_key", messaging.register(jobId)));
    }

    /** @param onlyHeader when not null, the one access-key header spelling read (a server that knows only one) */
    ApiResponse broadcasts(ApiRequest request, long jobId, String onlyHeader) {
        security.authenticate(request);
        String key;
        if (onlyHeader != null) {
            key = request.header(onlyHeader);
        } else {
            key = request.header(ACCESS_KEY_HEADER);
            if (key == null) {
                key = request.header(SDK_ACCESS_KEY_HEADER);
            }
        }
        Messaging.Drained drained = messaging.drainBroadcasts(jobId, key);
        return ApiResponse.okJson(drained.json(), drained.rollback());
    }

    ApiResponse cardholderMessages(ApiRequest request, long cardholderId) {
        security.authenticate(request);
        Messaging.Drained drained = messaging.drainCardholder(cardholderId);
        return ApiResponse.okJson(drained.json(), drained.rollback());
    }

    ApiResponse credentialRequests(ApiRequest request, long jobId) {
        security.authenticate(request);
        return ApiResponse.okJson(messaging.credentialRequests(jobId), null);
    }

    ApiResponse credentialResponse(ApiRequest request, long jobId) {
        security.authenticate(request);
        String envelopeId = SessionEndpoints.requiredString(request.body, "envelope_id");
        SessionEndpoints.requiredString(request.body, "type");
        Object message = request.body.get("message");
        if (message == null || (message instanceof String text && text.isBlank())) {
            throw ApiProblem.badRequest("message is required (the TFA code, or \"success\" for new credentials)",
                    "message");
        }
        JobEngine.Answered answered = engine.answer(jobId, envelopeId, message, ReceivedAnswer.VIA_MESSAGES);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("type", "credential_response");
        reply.put("job_id", answered.jobId());
        reply.put("envelope_id", answered.envelopeId());
        reply.put("message", "submitted");
        return ApiResponse.ok(reply);
    }

    /** The SDK's preferred answer path: the job update carries the answer, the header names the envelope. */
    ApiResponse putJob(ApiRequest request, long jobId) {
        security.authenticate(request);
        String envelopeId = request.header(ENVELOPE_HEADER);
        if (envelopeId == null) {
            throw ApiProblem.badRequest("Header x-cardsavr-envelope-id is required to answer a credential request",
                    ENVELOPE_HEADER);
        }
        Hydration hydration = Hydration.of(request);
        engine.answer(jobId, envelopeId, answerValue(request.body), ReceivedAnswer.VIA_JOB_PUT);
        return ApiResponse.ok(job(jobId, hydration));
    }

    ApiResponse getJob(ApiRequest request, long jobId) {
        security.authenticate(request);
        return ApiResponse.ok(job(jobId, Hydration.of(request)));
    }

    private Map<String, Object> job(long jobId, Hydration hydration) {
        return hydration.wants(Hydration.CREDENTIAL_REQUESTS) ? messaging.jobJsonWithCredentialRequests(jobId)
                : engine.jobJson(jobId);
    }

    /** SDK {@code getJobInformationResponse}: the answers the job received, as its agent reads them. */
    ApiResponse credentialResponses(ApiRequest request, long jobId) {
        security.authenticate(request);
        return ApiResponse.ok(messaging.credentialResponses(jobId));
    }

    /**
     * SDK {@code requestJobInformation}: the agent driving a job asks the cardholder for input. Body
     * {@code {"job_id" (the SDK sends "jobId"), "type", "message", "account_link": [{"key_name", ...}]}}.
     */
    ApiResponse raiseCredentialRequest(ApiRequest request, long jobId) {
        security.authenticate(request);
        Map<String, Object> body = request.body;
        for (String name : List.of("job_id", "jobId")) {
            Object bodyJobId = body.get(name);
            if (bodyJobId != null && !String.valueOf(bodyJobId).equals(String.valueOf(jobId))) {
                throw ApiProblem.badRequest(name + " in the body must match the job id in the path", "job_id");
            }
        }
        String type = SessionEndpoints.requiredString(body, "type");
        Object message = body.get("message");
        if (message != null && !(message instanceof String) && !(message instanceof Map)) {
            throw ApiProblem.badRequest("message must be a string or an object", "message");
        }
        return ApiResponse.ok(engine.raiseCredentialRequest(jobId, type, accountLink(body.get("account_link")),
                message));
    }

    /** Absent means no fields (a tfa_message asks for none); otherwise every entry names its key_name. */
    private static List<Map<String, Object>> accountLink(Object value) {
        List<Map<String, Object>> entries = new ArrayList<>();
        if (value == null) {
            return entries;
        }
        if (!(value instanceof List<?> list)) {
            throw ApiProblem.badRequest("account_link must be an array of objects with a key_name", "account_link");
        }
        for (Object element : list) {
            if (!(element instanceof Map<?, ?> map) || !(map.get("key_name") instanceof String keyName)
                    || keyName.isBlank()) {
                throw ApiProblem.badRequest("every account_link entry must be an object with a non-empty key_name",
                        "account_link");
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            map.forEach((key, field) -> entry.put(String.valueOf(key), field));
            entries.add(entry);
        }
        return entries;
    }

    /** {@code {"account":{"account_link":{..}}}}, {@code {"account":{"tfa":".."}}} or {@code {"tfa":".."}}. */
    private static Object answerValue(Map<String, Object> body) {
        Object account = body.get("account");
        if (account instanceof Map<?, ?> accountMap) {
            Object link = accountMap.get("account_link");
            if (link instanceof Map<?, ?> linkMap && !linkMap.isEmpty()) {
                Map<String, Object> values = new LinkedHashMap<>();
                linkMap.forEach((key, value) -> values.put(String.valueOf(key), value));
                return values;
            }
            if (accountMap.get("tfa") != null) {
                return String.valueOf(accountMap.get("tfa"));
            }
        }
        if (body.get("tfa") != null) {
            return String.valueOf(body.get("tfa"));
        }
        throw ApiProblem.badRequest("The body must carry account.account_link (an object), account.tfa or tfa",
                "account");
    }
}
