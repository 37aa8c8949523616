package io.github.camelcardsavr.quarkus.it;

import io.github.camelcardsavr.CardsavrConstants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.builder.RouteBuilder;

/**
 * The routes under test. Connection settings are not here: the component takes them from
 * {@code camel.component.cardsavr.*}. Jobs are handed to the consumers at run time through {@link CardsavrResource}.
 */
@ApplicationScoped
public class CardsavrRoutes extends RouteBuilder {

    // Every route starts with the application (Camel's consumer checks skip routes that do not) and without jobs.

    /** Follows jobs to their end and answers their TFA requests. */
    static final String FOLLOWED = "followed";
    /** Gets its jobs from the health test, which makes the server fail their polls. */
    static final String FAILING = "failing";
    /** Delivers to a downstream the health test can take down, so that its small buffers fill up. */
    static final String STUCK = "stuck";

    private static final String FAST_POLLING = "&delay=50&initialDelay=0";

    @Inject
    ReceivedMessages received;

    @Inject
    Downstream downstream;

    @Override
    public void configure() {
        // No marshal step: the component's type converters turn its message objects into their JSON.
        from("cardsavr:jobStatus?dynamicJobs=true&consumerName=" + FOLLOWED + FAST_POLLING)
                .routeId("job-status")
                .convertBodyTo(String.class)
                .process(received);

        from("cardsavr:credentialRequests?dynamicJobs=true&consumerName=" + FOLLOWED + FAST_POLLING)
                .routeId("credential-requests")
                .filter(header(CardsavrConstants.MESSAGE_TYPE).startsWith("tfa"))
                .setBody(simple("{{cardsavr.it.tfa-code}}"))
                .to("cardsavr:credentialResponse");

        from("cardsavr:jobStatus?dynamicJobs=true&consumerName=" + FAILING + FAST_POLLING)
                .routeId(FAILING)
                .log("${header." + CardsavrConstants.STATUS + "}");

        from("cardsavr:jobStatus?dynamicJobs=true&maxBufferedMessagesPerJob=2&consumerName=" + STUCK + FAST_POLLING)
                .routeId(STUCK)
                .process(downstream);
    }
}
