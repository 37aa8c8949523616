package io.github.camelcardsavr.springboot;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The readiness of every cardsavr consumer, from Camel's own consumer health checks: DOWN while a consumer's polls
 * fail (with the HTTP status CardSavr answered) or while it has paused jobs whose buffers are full. Shown as
 * {@code cardsavr} in {@code /actuator/health} and, through {@link CardsavrReadinessGroup}, in the readiness group.
 *
 * <p>Details come from a fixed list (endpoint URI as Camel masks it, counts, HTTP status, message), never the
 * whole detail map, so a detail a future check adds cannot leak into the endpoint by accident.
 */
final class CardsavrHealthIndicator implements HealthIndicator {

    private static final String CONSUMER_CHECK_PREFIX = "consumer:";
    private static final String COMPONENT_DETAIL_PREFIX = "cardsavr.";
    private static final String SCHEME = "cardsavr:";

    private final CamelContext camelContext;

    CardsavrHealthIndicator(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public Health health() {
        // "full": Camel's default exposure would leave out the consumers that are UP
        Collection<HealthCheck.Result> results = HealthCheckHelper.invoke(camelContext,
                check -> Map.of(HealthCheck.CHECK_KIND, HealthCheck.Kind.READINESS),
                check -> !check.isReadiness() || routeOfCardsavrConsumer(check) == null, "full");
        if (results.isEmpty()) {
            return Health.unknown()
                    .withDetail("reason", "No cardsavr consumer reports health: none runs, or Camel's consumer"
                                          + " health checks are off (camel.health.consumers-enabled)")
                    .build();
        }
        Health.Builder health = Health.up();
        for (HealthCheck.Result result : results) {
            if (result.getState() == HealthCheck.State.DOWN) {
                health.down();
            }
            health.withDetail(routeOfCardsavrConsumer(result.getCheck()), describe(result));
        }
        return health.build();
    }

    /** The route id of a cardsavr consumer's check, or null for any other check. */
    private String routeOfCardsavrConsumer(HealthCheck check) {
        if (!check.getId().startsWith(CONSUMER_CHECK_PREFIX)) {
            return null;
        }
        String routeId = check.getId().substring(CONSUMER_CHECK_PREFIX.length());
        Route route = camelContext.getRoute(routeId);
        return route != null && route.getEndpoint().getEndpointUri().startsWith(SCHEME) ? routeId : null;
    }

    private static Map<String, Object> describe(HealthCheck.Result result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", result.getState().name());
        result.getMessage().ifPresent(message -> out.put("message", message));
        result.getError().ifPresent(error -> out.put("error", error.getClass().getSimpleName() + ": "
                                                               + error.getMessage()));
        Map<String, Object> details = result.getDetails();
        copy(details, HealthCheck.ENDPOINT_URI, out);
        copy(details, HealthCheck.HTTP_RESPONSE_CODE, out);
        copy(details, HealthCheck.FAILURE_ERROR_COUNT, out);
        details.forEach((key, value) -> {
            if (key.startsWith(COMPONENT_DETAIL_PREFIX) && value instanceof Number) {
                out.put(key, value);
            }
        });
        return out;
    }

    private static void copy(Map<String, Object> from, String key, Map<String, Object> to) {
        Object value = from.get(key);
        if (value != null) {
            to.put(key, value);
        }
    }
}
