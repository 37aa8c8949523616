package io.github.camelcardsavr.consumer;

import java.util.Map;
import java.util.Optional;

import io.github.camelcardsavr.client.CardsavrException;
import io.github.camelcardsavr.engine.JobEngine;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.support.ScheduledPollConsumerHealthCheck;
import org.apache.camel.util.URISupport;

/**
 * Camel's scheduled-poll consumer check, plus what the job engine knows: DOWN while CardSavr calls keep failing (no
 * call succeeded since; with the HTTP code of the latest failure), and readiness DOWN while polling of some job is
 * paused because its buffer is full, i.e. the route does not keep up.
 */
final class CardsavrConsumerHealthCheck extends ScheduledPollConsumerHealthCheck {

    static final String ACTIVE_JOBS = "cardsavr.jobs.active";
    static final String PAUSED_JOBS = "cardsavr.jobs.paused";
    static final String FAILING_JOBS = "cardsavr.jobs.failing";
    static final String LATENESS_P99 = "cardsavr.polls.lateness.p99.millis";
    static final String RETRY_AFTER_BEYOND_CAP = "cardsavr.polls.retryAfterBeyondCap";
    static final String BEYOND_RETENTION = "cardsavr.jobs.beyondRetention";
    static final String TIMED_OUT = "cardsavr.jobs.timedOut";
    static final String RECOVERIES = "cardsavr.recovery.runs";
    static final String RECOVERED = "cardsavr.recovery.messages";
    static final String STATE_WRITE_FAILURES = "cardsavr.state.writeFailures";

    private final AbstractCardsavrConsumer consumer;
    private final String sanitizedBaseUri;

    CardsavrConsumerHealthCheck(AbstractCardsavrConsumer consumer, String id) {
        super(consumer, id);
        this.consumer = consumer;
        this.sanitizedBaseUri = URISupport.sanitizeUri(consumer.getEndpoint().getEndpointBaseUri());
    }

    @Override
    public Result call(Map<String, Object> options) {
        Result base = super.call(options);
        if (!isEnabled()) {
            return base;
        }
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        builder.details(base.getDetails());
        builder.state(base.getState());
        base.getMessage().ifPresent(builder::message);
        base.getError().ifPresent(builder::error);
        JobEngine engine = consumer.engine();
        if (engine == null) {
            return builder.build();
        }
        int paused = engine.pausedJobs();
        builder.detail(ACTIVE_JOBS, engine.activeJobs());
        builder.detail(FAILING_JOBS, engine.failingChannels());
        builder.detail(PAUSED_JOBS, paused);
        builder.detail(LATENESS_P99, engine.lateness().percentileMillis(99));
        builder.detail(RETRY_AFTER_BEYOND_CAP, engine.retryAfterBeyondCap());
        builder.detail(BEYOND_RETENTION, engine.beyondRetention());
        builder.detail(TIMED_OUT, engine.timedOutJobs());
        builder.detail(RECOVERIES, engine.recoveries());
        builder.detail(RECOVERED, engine.recoveredMessages());
        if (base.getState() != State.UP) {
            return builder.build();
        }
        int failing = engine.consecutiveFailedCalls();
        Throwable failure = engine.lastFailure();
        if (failing > 0 && failure != null) {
            builder.down();
            builder.message(String.format("Consumer failed polling %d times route: %s (%s)", failing,
                    consumer.getRouteId(), sanitizedBaseUri));
            builder.error(failure);
            builder.detail(FAILURE_ERROR_COUNT, failing);
            // the client has no Camel types, so Camel's own check cannot read the status from it
            httpStatusOf(failure).ifPresent(code -> builder.detail(HTTP_RESPONSE_CODE, code));
            return builder.build();
        }
        int stateFailures = engine.consecutiveStateFailures();
        if (stateFailures > 0) {
            builder.down();
            builder.message(stateFailures + " write(s) to the stateRepository of route " + consumer.getRouteId()
                            + " failed in a row: nothing more is fetched until the repository takes writes again");
            builder.detail(STATE_WRITE_FAILURES, stateFailures);
            return builder.build();
        }
        HealthCheck.Kind kind = (HealthCheck.Kind) options.getOrDefault(CHECK_KIND, HealthCheck.Kind.ALL);
        int stale = engine.beyondRetention();
        if (stale > 0 && kind != HealthCheck.Kind.LIVENESS) {
            builder.down();
            builder.message(stale + " job(s) of route " + consumer.getRouteId() + " have not been polled successfully"
                            + " for longer than CardSavr keeps messages (messageRetention="
                            + consumer.configuration.getMessageRetention() + " ms): messages may have been lost");
            return builder.build();
        }
        if (paused > 0 && kind != HealthCheck.Kind.LIVENESS) {
            builder.down();
            builder.message("Polling paused for " + paused + " job(s) of route " + consumer.getRouteId()
                            + ": the route does not keep up and their buffers are full (maxBufferedMessagesPerJob="
                            + consumer.maxBufferedMessagesPerJob() + ")");
        }
        return builder.build();
    }

    private static Optional<Integer> httpStatusOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof CardsavrException ce && ce.getStatusCode() > 0) {
                return Optional.of(ce.getStatusCode());
            }
        }
        return Optional.empty();
    }
}
