package io.github.camelcardsavr.simulator.internal.http;

import java.util.LinkedHashMap;
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
        engine.answer(jobId, envelopeId, answerValue(request.body), ReceivedAnswer.VIA_JOB_PUT);
        return ApiResponse.ok(engine.jobJson(jobId));
    }

    ApiResponse getJob(ApiRequest request, long jobId) {
        security.authenticate(request);
        return ApiResponse.ok(engine.jobJson(jobId));
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
