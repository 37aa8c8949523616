package io.github.camelcardsavr.simulator.internal.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelcardsavr.simulator.JobView;
import io.github.camelcardsavr.simulator.OpenCredentialRequest;
import io.github.camelcardsavr.simulator.ReceivedAnswer;
import io.github.camelcardsavr.simulator.internal.Json;

/** The admin API's JSON shapes (snake_case, like the CardSavr API itself). */
final class AdminJson {

    private AdminJson() {
    }

    static Map<String, Object> job(JobView view) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("job_id", view.jobId());
        json.put("cardholder_id", view.cardholderId());
        json.put("site", view.site());
        json.put("status", view.status());
        json.put("percent_complete", Json.number(view.percentComplete()));
        json.put("termination_type", view.terminationType());
        json.put("terminated", view.terminated());
        json.put("messages_published", view.messagesPublished());
        json.put("messages_delivered", view.messagesDelivered());
        json.put("cardholder_messages_delivered", view.cardholderMessagesDelivered());
        json.put("messages_expired", view.messagesExpired());
        json.put("broadcast_polls", view.broadcastPolls());
        json.put("credential_request_polls", view.credentialRequestPolls());
        List<Map<String, Object>> open = new ArrayList<>();
        for (OpenCredentialRequest request : view.openCredentialRequests()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("envelope_id", request.envelopeId());
            entry.put("type", request.type());
            entry.put("fields", request.fields());
            entry.put("expires_at", request.expiresAt().toString());
            open.add(entry);
        }
        json.put("open_credential_requests", open);
        List<Map<String, Object>> answers = new ArrayList<>();
        for (ReceivedAnswer answer : view.answers()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("envelope_id", answer.envelopeId());
            entry.put("type", answer.type());
            entry.put("via", answer.via());
            entry.put("received_at", answer.receivedAt().toString());
            answers.add(entry);
        }
        json.put("answers", answers);
        return json;
    }

    /** Keys are matched without case and underscores, so {@code errorRate} and {@code error_rate} both work. */
    static String normaliseKey(String key) {
        return key.replace("_", "").replace("-", "").toLowerCase(java.util.Locale.ROOT);
    }

    static Map<String, Object> normaliseKeys(Map<String, Object> body) {
        Map<String, Object> normalised = new LinkedHashMap<>();
        body.forEach((key, value) -> normalised.put(normaliseKey(key), value));
        return normalised;
    }

    static double number(Object value, String name) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof String text) {
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                // Reported below.
            }
        }
        throw new IllegalArgumentException(name + " must be a number");
    }

    static boolean bool(Object value, String name) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.parseBoolean((String) value);
        }
        throw new IllegalArgumentException(name + " must be true or false");
    }
}
