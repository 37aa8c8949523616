package io.github.camelcardsavr.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import io.github.camelcardsavr.simulator.internal.ApiProblem;
import io.github.camelcardsavr.simulator.internal.engine.JobEngine;
import io.github.camelcardsavr.simulator.internal.engine.JobInspector;
import io.github.camelcardsavr.simulator.internal.http.RequestCounter;
import io.github.camelcardsavr.simulator.internal.state.AdjustableClock;
import io.github.camelcardsavr.simulator.internal.state.SessionStore;
import io.github.camelcardsavr.simulator.internal.state.UserDirectory;

/**
 * Test and demo control of a running simulator; the same operations are served over HTTP under
 * {@code /_simulator/}. Unknown ids and bad arguments throw {@link IllegalArgumentException}; operations on
 * an ended job throw {@link IllegalStateException}.
 */
public final class SimulatorAdmin {

    private final JobEngine engine;
    private final JobInspector inspector;
    private final SessionStore sessions;
    private final UserDirectory users;
    private final AdjustableClock clock;
    private final RequestCounter counter;
    private final Faults faults;

    SimulatorAdmin(JobEngine engine, SessionStore sessions, UserDirectory users, AdjustableClock clock,
            RequestCounter counter, Faults faults) {
        this.engine = engine;
        this.inspector = engine.inspector();
        this.sessions = sessions;
        this.users = users;
        this.clock = clock;
        this.counter = counter;
        this.faults = faults;
    }

    public long createCardholder() {
        return engine.createCardholder();
    }

    /** Creates and starts a job on a site; {@code cardholderId} null creates a new cardholder. */
    public CreatedJob createJob(String site, Long cardholderId) {
        return createJob(JobSpec.of(site, cardholderId));
    }

    public CreatedJob createJob(String site) {
        return createJob(JobSpec.of(site));
    }

    public CreatedJob createJob(JobSpec spec) {
        return translate(() -> engine.createJob(spec));
    }

    /** Starts a job created with {@code autoStart(false)}; no effect on a started job. */
    public void startJob(long jobId) {
        translate(() -> {
            engine.startJob(jobId);
            return null;
        });
    }

    /**
     * Queues a message on every broadcast channel of the job and on its cardholder's queue. A map with a
     * {@code type} is sent as is; any other map is the {@code message} object of a job_status.
     */
    public void injectMessage(long jobId, Map<String, Object> message) {
        translate(() -> {
            engine.injectMessage(jobId, message);
            return null;
        });
    }

    /** Opens a credential request with these account_link field names; returns its envelope id. */
    public String injectCredentialRequest(long jobId, String type, List<String> fieldNames) {
        return translate(() -> engine.injectCredentialRequest(jobId, type, fieldNames));
    }

    public JobView job(long jobId) {
        return translate(() -> inspector.view(jobId));
    }

    public List<JobView> jobs() {
        return inspector.views();
    }

    /** Polls per access key of a job, the creator's channel included. */
    public Map<String, Integer> broadcastPolls(long jobId) {
        return translate(() -> inspector.broadcastPolls(jobId));
    }

    public int cardholderPolls(long cardholderId) {
        return translate(() -> inspector.cardholderPolls(cardholderId));
    }

    /**
     * The answered values by envelope id (a String, or a Map of account_link values). Secrets: for test
     * assertions only, never log them.
     */
    public Map<String, Object> answerValues(long jobId) {
        return translate(() -> inspector.answerValues(jobId));
    }

    /**
     * The keys of the signed sessions the simulator agreed with its clients (ECDH), ended ones included. Secrets:
     * for tests that scan logs and texts for them, never log them.
     */
    public List<byte[]> sessionKeys() {
        return sessions.keys();
    }

    /** A live session token for a configured user, for token mode or plain requests. */
    public String issueSessionToken(String username) {
        UserDirectory.Account account = users.find(username).orElseThrow(() -> new IllegalArgumentException(
                "Unknown user '" + username + "'; configure it with CardsavrSimulator.builder().user(...)"));
        return sessions.createPlain(account).token();
    }

    public Faults faults() {
        return faults;
    }

    /**
     * Benchmark load mode: while {@code messagesPerPoll > 0}, every broadcast poll with a valid access key
     * answers that many status messages of its job at once and drains nothing; 0 turns it off.
     */
    public void firehose(int messagesPerPoll) {
        engine.messaging().firehose().set(messagesPerPoll);
    }

    /**
     * Calls the observer with the job id of every broadcast poll answered in {@link #firehose(int) firehose}
     * mode, on the request's thread (keep it cheap); null stops observing.
     */
    public void observeFirehosePolls(LongConsumer observer) {
        engine.messaging().firehose().observe(observer);
    }

    /**
     * Calls the observer with the method and path of every API request the moment it arrives, before faults (latency
     * included) and processing, on the request's thread (keep it cheap); null stops observing. Lets a test order
     * requests on its own clock, e.g. to show that a client waited at least Retry-After between two of them.
     */
    public void observeRequests(BiConsumer<String, String> observer) {
        counter.observe(observer);
    }

    /** API requests so far whose path contains the substring. */
    public long requestCount(String pathSubstring) {
        return counter.count(pathSubstring);
    }

    /** API requests so far with this method (e.g. "POST") whose path contains the substring. */
    public long requestCount(String method, String pathSubstring) {
        return counter.count(method, pathSubstring);
    }

    public Map<String, Long> requestCounts() {
        return counter.snapshot();
    }

    /**
     * Encrypted (successful, signed-session) replies so far by scheme, {@code aes-256-gcm} and
     * {@code aes-256-cbc}: shows which scheme the simulator answered a client in.
     */
    public Map<String, Long> encryptedReplies() {
        return counter.encryptedReplies();
    }

    /** Moves the simulator clock forward, then expires requests and messages that are now too old. */
    public void advanceClock(Duration amount) {
        clock.advance(amount);
        engine.sweep();
    }

    public Instant now() {
        return clock.instant();
    }

    /** Turns the engine's HTTP-flavoured problems into the exceptions a Java caller expects. */
    static <T> T translate(Supplier<T> action) {
        try {
            return action.get();
        } catch (ApiProblem problem) {
            if (problem.status() == 409) {
                throw new IllegalStateException(problem.getMessage(), problem);
            }
            throw new IllegalArgumentException(problem.getMessage(), problem);
        }
    }
}
