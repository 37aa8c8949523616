package io.github.camelcardsavr.reliability;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;

/**
 * Samples the readiness of one route's consumer, as a Kubernetes probe would, and keeps what it saw. A consumer check is
 * DOWN only between a failed poll and the next good one, so sampling often is the way to see short faults.
 */
final class HealthSampler {

    /** One readiness answer, reduced to what the tests look at. */
    record Sample(HealthCheck.State state, Object httpCode, Object failingJobs, String message, String details) {

        /**
         * DOWN after a failed poll or while buffers are full (not the DOWN before the first poll), or some jobs failing
         * in the last poll.
         */
        boolean showsFault() {
            return (state == HealthCheck.State.DOWN
                    && (message.contains("failed polling") || message.contains("buffers are full")))
                   || (failingJobs instanceof Integer n && n > 0);
        }
    }

    private final String checkId;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();

    HealthSampler(String routeId) {
        this.checkId = "consumer:" + routeId;
    }

    /** Turns the consumer checks on; must run before the context starts. */
    static void enableConsumerChecks(CamelContext context) {
        HealthCheckRegistry registry = context.getCamelContextExtension().getContextPlugin(HealthCheckRegistry.class);
        HealthCheckRepository consumers = registry.getRepository("consumers")
                .orElse((HealthCheckRepository) registry.resolveById("consumers"));
        consumers.setEnabled(true);
        registry.register(consumers);
    }

    Optional<Sample> sample(CamelContext context) {
        if (context == null || !context.isStarted()) {
            return Optional.empty();
        }
        try {
            return HealthCheckHelper.invokeReadiness(context).stream()
                    .filter(r -> r.getCheck().getId().equals(checkId)).findFirst().map(r -> {
                        Map<String, Object> details = r.getDetails();
                        Sample s = new Sample(r.getState(), details.get(HealthCheck.HTTP_RESPONSE_CODE),
                                details.get("cardsavr.jobs.failing"), r.getMessage().orElse(""),
                                details + " " + r.getError().map(Throwable::toString).orElse(""));
                        samples.add(s);
                        return s;
                    });
        } catch (RuntimeException e) {
            // the context is stopping; nothing to sample
            return Optional.empty();
        }
    }

    List<Sample> samples() {
        return samples;
    }

    boolean sawFault() {
        return samples.stream().anyMatch(Sample::showsFault);
    }

    boolean sawDownWithCode(int code) {
        return samples.stream().anyMatch(s -> s.state() == HealthCheck.State.DOWN && Integer.valueOf(code).equals(s.httpCode()));
    }

    void clear() {
        samples.clear();
    }
}
