package io.github.camelcardsavr.simulator.internal.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelcardsavr.simulator.internal.state.MessageChannel;

/**
 * The state of one simulated job. Mutable fields are guarded by the job's own monitor, which is held only
 * for in-memory work (never across I/O), so jobs never contend with each other. Channels and counters are
 * concurrent so polls touch no lock at all.
 */
final class SimJob {

    /** A fresh job has about 15 minutes left, like the recorded sample (values in milliseconds). */
    private static final long INITIAL_JOB_TIMEOUT_MILLIS = 900_000;

    final long id;
    final Cardholder cardholder;
    final String site;
    final long stepDelayMillis;
    final String expectedTfaCode;

    final ConcurrentHashMap<String, MessageChannel> channels = new ConcurrentHashMap<>();
    final AtomicLong messagesPublished = new AtomicLong();
    final AtomicLong cardholderDelivered = new AtomicLong();
    final AtomicInteger credentialRequestPolls = new AtomicInteger();

    // Guarded by this.
    final Deque<ScenarioStep> script;
    final Map<String, CredentialRequestRecord> openRequests = new LinkedHashMap<>();
    final List<AnswerRecord> answers = new ArrayList<>();
    String status = "REQUESTED";
    double percent;
    double authPercent;
    long jobTimeoutMillis = INITIAL_JOB_TIMEOUT_MILLIS;
    String statusMessage = "Job requested.";
    String terminationType;
    boolean started;
    boolean terminated;
    String awaitedEnvelope;
    InputKind awaitedKind;
    ScheduledFuture<?> nextStep;
    private final SplittableRandom random;

    SimJob(long id, Cardholder cardholder, String site, long stepDelayMillis, String expectedTfaCode) {
        this.id = id;
        this.cardholder = cardholder;
        this.site = site;
        this.stepDelayMillis = stepDelayMillis;
        this.expectedTfaCode = expectedTfaCode;
        this.script = new ArrayDeque<>(Scenarios.script(site));
        this.random = new SplittableRandom(id);
    }

    /** The countdown shrinks by an irregular amount each step, as in the recorded stream. */
    synchronized void tickTimeout() {
        jobTimeoutMillis = Math.max(0, jobTimeoutMillis - 40 - random.nextInt(3_500));
    }

    synchronized AnswerRecord answerFor(String envelopeId) {
        for (AnswerRecord answer : answers) {
            if (answer.envelopeId().equals(envelopeId)) {
                return answer;
            }
        }
        return null;
    }

    /** The job as {@code PUT/GET /place_card_on_single_site_jobs/{id}} returns it. */
    synchronized Map<String, Object> asJobJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("cardholder_id", cardholder.id());
        json.put("type", "CARD_PLACEMENT");
        json.put("site", site);
        json.put("status", status);
        json.put("percent_complete", io.github.camelcardsavr.simulator.internal.Json.number(percent));
        json.put("auth_percent_complete", io.github.camelcardsavr.simulator.internal.Json.number(authPercent));
        json.put("job_timeout", jobTimeoutMillis);
        json.put("status_message", statusMessage);
        json.put("termination_type", terminationType);
        return json;
    }

    @Override
    public String toString() {
        return "SimJob[" + id + ", site=" + site + "]";
    }
}
