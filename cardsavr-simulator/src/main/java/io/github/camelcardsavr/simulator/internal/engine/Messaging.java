package io.github.camelcardsavr.simulator.internal.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelcardsavr.simulator.internal.ApiProblem;
import io.github.camelcardsavr.simulator.internal.Json;
import io.github.camelcardsavr.simulator.internal.state.AdjustableClock;
import io.github.camelcardsavr.simulator.internal.state.MessageChannel;
import io.github.camelcardsavr.simulator.internal.state.QueuedMessage;

/**
 * The messaging endpoints' work: registrations, destructive polls, the credential-request listing (also
 * as a job hydration) and the answers a job received.
 */
public final class Messaging {

    private final JobBook book;
    private final AdjustableClock clock;
    private final long retentionMillis;
    private final Firehose firehose = new Firehose();

    Messaging(JobBook book, AdjustableClock clock, long retentionMillis) {
        this.book = book;
        this.clock = clock;
        this.retentionMillis = retentionMillis;
    }

    /** The benchmarks' load mode (off unless set). */
    public Firehose firehose() {
        return firehose;
    }

    /** Registers one more subscriber; its channel receives the job's messages published from now on. */
    public String register(long jobId) {
        return book.openChannel(book.job(jobId)).accessKey();
    }

    public Drained drainBroadcasts(long jobId, String accessKey) {
        book.job(jobId);
        if (accessKey == null || accessKey.isBlank()) {
            throw new ApiProblem(400, "MissingAccessKey",
                    "Header cardsavr-messaging-access-key (or x-cardsavr-cardsavr-messaging-access-key) is required",
                    "access_key");
        }
        MessageChannel channel = book.channel(accessKey.trim());
        if (channel == null || channel.jobId() != jobId) {
            throw new ApiProblem(401, "InvalidAccessKey",
                    "The access key is unknown, revoked, or not registered for job " + jobId, "access_key");
        }
        if (firehose.isOn()) {
            return new Drained(firehose.poll(jobId), firehose.messagesPerPoll(), () -> { });
        }
        List<QueuedMessage> messages = channel.drain(clock.millis(), retentionMillis);
        return new Drained(toArray(messages), messages.size(), () -> channel.requeue(messages));
    }

    public Drained drainCardholder(long cardholderId) {
        MessageChannel queue = book.cardholder(cardholderId).queue();
        List<QueuedMessage> messages = queue.drain(clock.millis(), retentionMillis);
        countCardholderDeliveries(messages, 1);
        return new Drained(toArray(messages), messages.size(), () -> {
            queue.requeue(messages);
            countCardholderDeliveries(messages, -1);
        });
    }

    /** Open requests of a job; they stay until answered, so this poll takes nothing away. */
    public byte[] credentialRequests(long jobId) {
        SimJob job = book.job(jobId);
        job.credentialRequestPolls.incrementAndGet();
        List<Map<String, Object>> open = new ArrayList<>();
        synchronized (job) {
            for (CredentialRequestRecord request : job.openRequests.values()) {
                open.add(request.json());
            }
        }
        return Json.write(open);
    }

    /** The job with its open credential requests, as {@code x-cardsavr-hydration: ["credential_requests"]} asks. */
    public Map<String, Object> jobJsonWithCredentialRequests(long jobId) {
        SimJob job = book.job(jobId);
        synchronized (job) {
            Map<String, Object> json = job.asJobJson();
            List<Map<String, Object>> open = new ArrayList<>();
            for (CredentialRequestRecord request : job.openRequests.values()) {
                open.add(request.json());
            }
            json.put("credential_requests", open);
            return json;
        }
    }

    /**
     * The answers the job received, oldest first, as the agent driving the job reads them
     * ({@code GET .../credential_responses}): request type, job, envelope and the answered value (a string, or
     * the account_link values). Reading takes nothing away.
     */
    public List<Map<String, Object>> credentialResponses(long jobId) {
        SimJob job = book.job(jobId);
        List<Map<String, Object>> responses = new ArrayList<>();
        synchronized (job) {
            for (AnswerRecord answer : job.answers) {
                Map<String, Object> response = new LinkedHashMap<>();
                response.put("type", answer.type());
                response.put("job_id", job.id);
                response.put("envelope_id", answer.envelopeId());
                response.put("message", answer.value());
                responses.add(response);
            }
        }
        return responses;
    }

    private void countCardholderDeliveries(List<QueuedMessage> messages, int sign) {
        for (QueuedMessage message : messages) {
            book.job(message.jobId()).cardholderDelivered.addAndGet(sign);
        }
    }

    private static byte[] toArray(List<QueuedMessage> messages) {
        List<byte[]> elements = new ArrayList<>(messages.size());
        for (QueuedMessage message : messages) {
            elements.add(message.json());
        }
        return Json.array(elements);
    }

    /**
     * What a destructive poll took: the JSON array, and how to put the messages back if the response
     * carrying them is deliberately spoiled by a fault.
     */
    public record Drained(byte[] json, int count, Runnable rollback) {
    }
}
