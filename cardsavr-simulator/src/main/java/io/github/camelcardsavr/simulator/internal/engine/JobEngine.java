package io.github.camelcardsavr.simulator.internal.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelcardsavr.simulator.CreatedJob;
import io.github.camelcardsavr.simulator.JobSpec;
import io.github.camelcardsavr.simulator.internal.ApiProblem;
import io.github.camelcardsavr.simulator.internal.Json;
import io.github.camelcardsavr.simulator.internal.state.AdjustableClock;
import io.github.camelcardsavr.simulator.internal.state.MessageChannel;
import io.github.camelcardsavr.simulator.internal.state.QueuedMessage;

/**
 * Runs the jobs: every job's next step is a task on one shared scheduler (no thread per job), a step
 * publishes to the job's channels and its cardholder's queue under the job's own monitor, and answers
 * or expiries resume or end a waiting job.
 */
public final class JobEngine {

    private final JobBook book = new JobBook();
    private final CredentialRequests requests;
    private final Messaging messaging;
    private final JobInspector inspector;
    private final AdjustableClock clock;
    private final ScheduledExecutorService scheduler;
    private final long defaultStepDelayMillis;
    private final long retentionMillis;

    public JobEngine(AdjustableClock clock, ScheduledExecutorService scheduler, long defaultStepDelayMillis,
            long credentialRequestTimeoutMillis, long retentionMillis) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.defaultStepDelayMillis = defaultStepDelayMillis;
        this.retentionMillis = retentionMillis;
        this.requests = new CredentialRequests(this, clock, credentialRequestTimeoutMillis);
        this.messaging = new Messaging(book, clock, retentionMillis);
        this.inspector = new JobInspector(book);
    }

    public Messaging messaging() {
        return messaging;
    }

    public JobInspector inspector() {
        return inspector;
    }

    public long createCardholder() {
        return book.newCardholder().id();
    }

    public CreatedJob createJob(JobSpec spec) {
        Cardholder cardholder = spec.cardholderId() == null ? book.newCardholder() : book.cardholder(spec.cardholderId());
        long stepDelay = spec.stepDelay() == null ? defaultStepDelayMillis : spec.stepDelay().toMillis();
        SimJob job = new SimJob(book.nextJobId(), cardholder, spec.site(), stepDelay, spec.tfaCode());
        // The creator is subscribed implicitly, before the first message, so its channel misses nothing.
        MessageChannel creatorChannel = book.openChannel(job);
        book.add(job);
        synchronized (job) {
            publishStatus(job, null, null);
        }
        if (spec.autoStart()) {
            startJob(job.id);
        }
        return new CreatedJob(job.id, cardholder.id(), creatorChannel.accessKey());
    }

    public void startJob(long jobId) {
        SimJob job = book.job(jobId);
        synchronized (job) {
            if (job.started || job.terminated) {
                return;
            }
            job.started = true;
            scheduleNext(job);
        }
    }

    public String injectCredentialRequest(long jobId, String type, List<String> fieldNames) {
        if (type == null || type.isBlank()) {
            throw ApiProblem.badRequest("type is required", "type");
        }
        SimJob job = book.job(jobId);
        synchronized (job) {
            if (job.terminated) {
                throw new ApiProblem(409, "JobTerminated", "Job " + jobId + " has already terminated", "job_id");
            }
            return requests.open(job, type, fieldNames == null ? List.of() : fieldNames);
        }
    }

    /**
     * A credential request raised over the API ({@code POST .../credential_requests}), the way the agent that
     * drives a job asks the cardholder: any type, the given account_link entries and message. It does not
     * change the job's status or script; an answer is recorded like any other. Returns the request as
     * {@code GET .../credential_requests} shows it.
     */
    public Map<String, Object> raiseCredentialRequest(long jobId, String type, List<Map<String, Object>> accountLink,
            Object message) {
        SimJob job = book.job(jobId);
        synchronized (job) {
            if (job.terminated) {
                throw new ApiProblem(409, "JobTerminated", "Job " + jobId + " has already terminated", "job_id");
            }
            String envelopeId = requests.open(job, type, accountLink, message);
            return job.openRequests.get(envelopeId).json();
        }
    }

    /**
     * Puts a message on every channel of the job and its cardholder's queue. A map with a {@code type} is sent
     * as it is (job_id added when missing); any other map is the {@code message} of a job_status. An injected
     * job_status also moves the job's own status, and a termination_type ends its script.
     */
    public void injectMessage(long jobId, Map<String, Object> message) {
        if (message == null || message.isEmpty()) {
            throw ApiProblem.badRequest("message must be a non-empty JSON object", "message");
        }
        SimJob job = book.job(jobId);
        Map<String, Object> full;
        if (message.containsKey("type")) {
            full = new LinkedHashMap<>();
            full.put("job_id", jobId);
            full.putAll(message);
        } else {
            full = new LinkedHashMap<>();
            full.put("job_id", jobId);
            full.put("type", "job_status");
            full.put("message", new LinkedHashMap<>(message));
        }
        synchronized (job) {
            if ("job_status".equals(full.get("type")) && full.get("message") instanceof Map<?, ?> status) {
                adoptInjectedStatus(job, status);
            }
            publish(job, full);
        }
    }

    /** Records an answer and, when the script waits for exactly this envelope, resumes or fails the job. */
    public Answered answer(long jobId, String envelopeId, Object value, String via) {
        return requests.answer(book.job(jobId), envelopeId, value, via);
    }

    /** Expires credential requests and drops messages past the retention; run periodically and on clock moves. */
    public void sweep() {
        long now = clock.millis();
        for (SimJob job : book.jobs()) {
            requests.expire(job, now);
            for (MessageChannel channel : job.channels.values()) {
                channel.purgeExpired(now, retentionMillis);
            }
        }
        for (Cardholder cardholder : book.cardholders()) {
            cardholder.queue().purgeExpired(now, retentionMillis);
        }
    }

    public Map<String, Object> jobJson(long jobId) {
        return book.job(jobId).asJobJson();
    }

    public boolean revokeAccessKey(String accessKey) {
        return book.revoke(accessKey);
    }

    public int revokeAccessKeys(long jobId) {
        return book.revokeAll(jobId);
    }

    void runStep(SimJob job) {
        synchronized (job) {
            job.nextStep = null;
            if (job.terminated || job.awaitedEnvelope != null) {
                return;
            }
            ScenarioStep step = job.script.pollFirst();
            if (step == null) {
                return;
            }
            apply(job, step);
            scheduleNext(job);
        }
    }

    /** Runs one step now; the caller holds the job's monitor. */
    void apply(SimJob job, ScenarioStep step) {
        if (step instanceof ScenarioStep.Status status) {
            job.status = status.status();
            job.percent = status.percent();
            job.authPercent = status.authPercent();
            job.statusMessage = status.statusMessage();
            job.tickTimeout();
            publishStatus(job, null, null);
        } else if (step instanceof ScenarioStep.AwaitInput await) {
            job.status = await.kind().pendingStatus;
            job.statusMessage = await.kind().pendingMessage;
            job.tickTimeout();
            // As on the real service the PENDING status comes first, its credential request right after.
            publishStatus(job, null, null);
            job.awaitedEnvelope = requests.open(job, await.kind().requestType, await.kind().fields);
            job.awaitedKind = await.kind();
        } else if (step instanceof ScenarioStep.Terminate end) {
            terminate(job, end);
        }
    }

    /** Ends the job now with this final status; the caller holds the job's monitor. */
    void terminate(SimJob job, ScenarioStep.Terminate end) {
        job.status = end.status();
        job.statusMessage = end.statusMessage();
        job.terminationType = end.terminationType();
        job.percent = 100;
        job.terminated = true;
        job.script.clear();
        job.openRequests.clear();
        job.awaitedEnvelope = null;
        job.awaitedKind = null;
        if (job.nextStep != null) {
            job.nextStep.cancel(false);
            job.nextStep = null;
        }
        publishStatus(job, end.terminationType(), end.terminationStatusMessage());
    }

    /** Schedules the next step if there is one; the caller holds the job's monitor. */
    void scheduleNext(SimJob job) {
        if (job.terminated || job.awaitedEnvelope != null || job.script.isEmpty() || job.nextStep != null
                || scheduler.isShutdown()) {
            return;
        }
        try {
            job.nextStep = scheduler.schedule(() -> runStep(job), job.stepDelayMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // The simulator is closing; jobs simply stop where they are.
        }
    }

    /** Publishes the job's current status as a job_status message; the caller holds the job's monitor. */
    void publishStatus(SimJob job, String terminationType, String terminationStatusMessage) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("status", job.status);
        status.put("percent_complete", Json.number(job.percent));
        status.put("auth_percent_complete", Json.number(job.authPercent));
        status.put("job_timeout", job.jobTimeoutMillis);
        status.put("status_message", job.statusMessage);
        if (terminationType != null) {
            status.put("termination_type", terminationType);
            status.put("termination_status_message", terminationStatusMessage);
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("job_id", job.id);
        message.put("type", "job_status");
        message.put("message", status);
        publish(job, message);
    }

    /** Queues one message on every live channel of the job and on its cardholder's queue. */
    void publish(SimJob job, Map<String, Object> message) {
        QueuedMessage queued = new QueuedMessage(job.id, Json.write(message), clock.millis());
        for (MessageChannel channel : job.channels.values()) {
            channel.offer(queued);
        }
        job.cardholder.queue().offer(queued);
        job.messagesPublished.incrementAndGet();
    }

    private void adoptInjectedStatus(SimJob job, Map<?, ?> status) {
        if (status.get("status") != null) {
            job.status = String.valueOf(status.get("status"));
        }
        if (status.get("percent_complete") instanceof Number percent) {
            job.percent = percent.doubleValue();
        }
        if (status.get("termination_type") != null && !job.terminated) {
            job.terminationType = String.valueOf(status.get("termination_type"));
            job.terminated = true;
            job.script.clear();
            job.openRequests.clear();
            job.awaitedEnvelope = null;
            if (job.nextStep != null) {
                job.nextStep.cancel(false);
                job.nextStep = null;
            }
        }
    }

    /** Outcome of an answer: the request type it answered, and whether it repeated an earlier answer. */
    public record Answered(long jobId, String envelopeId, String type, boolean repeated) {
    }

    /** For callers that need every job, e.g. listing them over the admin API. */
    public List<Long> jobIds() {
        List<Long> ids = new ArrayList<>();
        for (SimJob job : book.jobs()) {
            ids.add(job.id);
        }
        ids.sort(null);
        return ids;
    }
}
