package io.github.camelcardsavr.simulator.internal.engine;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.camelcardsavr.simulator.internal.ApiProblem;
import io.github.camelcardsavr.simulator.internal.Json;
import io.github.camelcardsavr.simulator.internal.state.AdjustableClock;

/**
 * The credential-request lifecycle: a request opens with an envelope id, stays visible until it is
 * answered or expires, and its answer (or expiry) drives the waiting job on.
 */
final class CredentialRequests {

    private static final Map<String, String> LABELS = Map.of(
            "tfa", "Verification code",
            "username", "Username",
            "password", "Password",
            "security_answer_1", "What is your mother's maiden name?",
            "security_answer_2", "What was the name of your first pet?");

    private final JobEngine engine;
    private final AdjustableClock clock;
    private final long timeoutMillis;
    private final SecureRandom random = new SecureRandom();

    CredentialRequests(JobEngine engine, AdjustableClock clock, long timeoutMillis) {
        this.engine = engine;
        this.clock = clock;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Opens a request whose account_link fields are named only; labels and secrecy come from the field names.
     * The caller holds the job's monitor.
     */
    String open(SimJob job, String type, List<String> fields) {
        List<Map<String, Object>> accountLink = new ArrayList<>();
        for (String field : fields) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key_name", field);
            entry.put("label", LABELS.getOrDefault(field, field.replace('_', ' ')));
            entry.put("secret", field.contains("password") || field.startsWith("security"));
            accountLink.add(entry);
        }
        return open(job, type, accountLink, null);
    }

    /**
     * Opens a request with these account_link entries (each has a {@code key_name}) and announces it on the
     * job's channels. {@code message} null carries the job's status, as the service's own requests do.
     * The caller holds the job's monitor.
     */
    String open(SimJob job, String type, List<Map<String, Object>> accountLink, Object message) {
        byte[] envelopeBytes = new byte[16];
        random.nextBytes(envelopeBytes);
        String envelopeId = Base64.getEncoder().encodeToString(envelopeBytes);
        List<String> fields = new ArrayList<>();
        for (Map<String, Object> entry : accountLink) {
            fields.add(String.valueOf(entry.get("key_name")));
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("type", type);
        request.put("job_id", job.id);
        request.put("envelope_id", envelopeId);
        request.put("account_link", accountLink);
        request.put("message", message != null ? message : statusOf(job));
        job.openRequests.put(envelopeId, new CredentialRequestRecord(envelopeId, type, List.copyOf(fields),
                clock.millis() + timeoutMillis, request));
        engine.publish(job, announcement(job, type, envelopeId, request));
        return envelopeId;
    }

    private static Map<String, Object> statusOf(SimJob job) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("status", job.status);
        status.put("percent_complete", Json.number(job.percent));
        status.put("job_timeout", job.jobTimeoutMillis);
        status.put("status_message", job.statusMessage);
        return status;
    }

    /** Records an answer; resumes the script when it waits for this envelope. */
    JobEngine.Answered answer(SimJob job, String envelopeId, Object value, String via) {
        if (envelopeId == null || envelopeId.isBlank()) {
            throw ApiProblem.badRequest("envelope_id is required", "envelope_id");
        }
        synchronized (job) {
            CredentialRequestRecord request = job.openRequests.remove(envelopeId);
            if (request == null) {
                AnswerRecord earlier = job.answerFor(envelopeId);
                if (earlier != null && Objects.equals(earlier.value(), value)) {
                    // A retried answer (e.g. its first reply was lost) is accepted again, not refused.
                    return new JobEngine.Answered(job.id, envelopeId, earlier.type(), true);
                }
                if (earlier != null) {
                    throw new ApiProblem(409, "EnvelopeAlreadyAnswered",
                            "The credential request " + envelopeId + " of job " + job.id + " was already answered",
                            "envelope_id");
                }
                throw ApiProblem.notFound("EnvelopeNotFound",
                        "Job " + job.id + " has no open credential request " + envelopeId, "envelope_id");
            }
            job.answers.add(new AnswerRecord(envelopeId, request.type(), via, clock.millis(), value));
            if (envelopeId.equals(job.awaitedEnvelope)) {
                resume(job, AnswerEvaluator.accepts(job.awaitedKind, value, job.expectedTfaCode));
            }
            return new JobEngine.Answered(job.id, envelopeId, request.type(), false);
        }
    }

    /** Ends jobs whose requests were not answered in time; the job ends TIMEOUT_TFA or TIMEOUT_CREDENTIALS. */
    void expire(SimJob job, long nowMillis) {
        synchronized (job) {
            String expiredType = null;
            Iterator<CredentialRequestRecord> open = job.openRequests.values().iterator();
            while (open.hasNext()) {
                CredentialRequestRecord request = open.next();
                if (request.expiresAtMillis() <= nowMillis) {
                    open.remove();
                    if (expiredType == null) {
                        expiredType = request.type();
                    }
                }
            }
            if (expiredType != null && !job.terminated) {
                engine.terminate(job, Scenarios.timeout(expiredType));
            }
        }
    }

    private void resume(SimJob job, boolean accepted) {
        InputKind kind = job.awaitedKind;
        job.awaitedEnvelope = null;
        job.awaitedKind = null;
        List<ScenarioStep> next = Scenarios.afterAnswer(kind, accepted, job.percent);
        if (!accepted) {
            job.script.clear();
        }
        for (int i = next.size() - 1; i >= 0; i--) {
            job.script.addFirst(next.get(i));
        }
        // The "received" status is published at once, so the answer's reply already shows it.
        engine.apply(job, job.script.pollFirst());
        engine.scheduleNext(job);
    }

    /**
     * The copy of a request that travels on the job's channels. TFA requests look like the recorded stream
     * ({@code "message": "this is not used"}); others carry the full request.
     */
    private static Map<String, Object> announcement(SimJob job, String type, String envelopeId,
            Map<String, Object> request) {
        if (type.startsWith("tfa")) {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("job_id", job.id);
            message.put("type", type);
            message.put("message", "this is not used");
            message.put("envelope_id", envelopeId);
            return message;
        }
        return request;
    }
}
