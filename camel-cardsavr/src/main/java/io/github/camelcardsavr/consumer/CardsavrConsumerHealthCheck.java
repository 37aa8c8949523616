package io.github.camelcardsavr.consumer;

import java.util.Map;

import io.github.camelcardsavr.client.CardsavrException;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.support.ScheduledPollConsumerHealthCheck;

/**
 * Camel's scheduled-poll consumer check (DOWN with the HTTP code after failed polls), plus the consumer's own view:
 * readiness is DOWN while polling of some job is paused because its buffer is full, i.e. the route does not keep up.
 */
final class CardsavrConsumerHealthCheck extends ScheduledPollConsumerHealthCheck {

    static final String ACTIVE_JOBS = "cardsavr.jobs.active";
    static final String PAUSED_JOBS = "cardsavr.jobs.paused";
    static final String FAILING_JOBS = "cardsavr.jobs.failing";

    private final AbstractCardsavrConsumer consumer;

    CardsavrConsumerHealthCheck(AbstractCardsavrConsumer consumer, String id) {
        super(consumer, id);
        this.consumer = consumer;
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
        // the client has no Camel types, so Camel's check cannot read the status from it: add it here
        httpStatusOf(base.getError().orElse(null)).ifPresent(code -> builder.detail(HTTP_RESPONSE_CODE, code));
        builder.detail(ACTIVE_JOBS, consumer.activeJobCount());
        builder.detail(FAILING_JOBS, consumer.failingJobCount());
        int paused = consumer.pausedJobCount();
        builder.detail(PAUSED_JOBS, paused);
        HealthCheck.Kind kind = (HealthCheck.Kind) options.getOrDefault(CHECK_KIND, HealthCheck.Kind.ALL);
        if (paused > 0 && kind != HealthCheck.Kind.LIVENESS && base.getState() == State.UP) {
            builder.down();
            builder.message("Polling paused for " + paused + " job(s) of route " + consumer.getRouteId()
                            + ": the route does not keep up and their buffers are full (maxBufferedMessagesPerJob="
                            + consumer.maxBufferedMessagesPerJob() + ")");
        }
        return builder.build();
    }

    private static java.util.Optional<Integer> httpStatusOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof CardsavrException ce && ce.getStatusCode() > 0) {
                return java.util.Optional.of(ce.getStatusCode());
            }
        }
        return java.util.Optional.empty();
    }
}
