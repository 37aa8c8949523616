package io.github.camelcardsavr.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelcardsavr.CardsavrComponent;
import io.github.camelcardsavr.CardsavrConstants;
import io.github.camelcardsavr.simulator.CreatedJob;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.dataformat.JsonLibrary;

/**
 * The routes being compared. The component's routes are what its documentation shows; the hand-rolled ones are what
 * a Camel user writes without it (timer, camel-http, Jackson, split), as described in MEASURED.md.
 */
final class Contestants {

    static final String TRACE = "{\"key\":\"bench\"}";

    private Contestants() {
    }

    /** The component draining one job as fast as it can. */
    static CamelContext componentDrain(BenchServer server, CreatedJob job, AtomicLong routed) throws Exception {
        CamelContext context = context(server);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:jobStatus?jobId=" + job.getJobId() + "&accessKey=RAW(" + job.getAccessKey()
                     + ")&delay=0&greedy=true&initialDelay=0")
                        .process(e -> routed.incrementAndGet());
            }
        });
        return context;
    }

    /** timer (1 ms) → camel-http GET → Jackson List → split → processor, for one job. */
    static CamelContext handRolledDrain(BenchServer server, CreatedJob job, String sessionToken, AtomicLong routed)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:drain?period=1&delay=0")
                        .process(e -> headers(e, sessionToken, job.getAccessKey()))
                        .to(server.baseUrl() + "/messages/place_card_on_single_site_jobs/" + job.getJobId() + "/broadcasts")
                        .unmarshal().json(JsonLibrary.Jackson, List.class)
                        .split(body())
                        .process(e -> routed.incrementAndGet());
            }
        });
        return context;
    }

    /** One dynamicJobs consumer for many jobs, handed over by a producer with their creators' access keys. */
    static CamelContext componentJobs(BenchServer server, String options, AtomicLong routed) throws Exception {
        CamelContext context = context(server);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:jobStatus?dynamicJobs=true&" + options).process(e -> routed.incrementAndGet());
                from("direct:job").to("cardsavr:jobStatus");
            }
        });
        return context;
    }

    static void handOver(CamelContext context, List<CreatedJob> jobs) {
        ProducerTemplate template = context.createProducerTemplate();
        for (CreatedJob job : jobs) {
            template.sendBodyAndHeaders("direct:job", null,
                    Map.of(CardsavrConstants.JOB_ID, job.getJobId(), CardsavrConstants.ACCESS_KEY, job.getAccessKey()));
        }
    }

    /**
     * Every job every {@code delayMillis}: timer → the job list → split with parallelProcessing on a pool of
     * {@code threads} → camel-http GET per job → Jackson List → split → processor.
     */
    static CamelContext handRolledJobs(BenchServer server, List<CreatedJob> jobs, long delayMillis, int threads,
                                       String sessionToken, AtomicLong routed) throws Exception {
        CamelContext context = new DefaultCamelContext();
        List<Map<String, Object>> list = jobs.stream()
                .map(j -> Map.<String, Object> of("id", j.getJobId(), "key", j.getAccessKey())).toList();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                ExecutorService pool = getContext().getExecutorServiceManager()
                        .newFixedThreadPool(this, "hand-rolled", threads);
                // synchronous: a round that outlasts the period delays the next one instead of piling up exchanges
                from("timer:jobs?period=" + delayMillis + "&delay=0&synchronous=true")
                        .setBody(constant(list))
                        .split(body()).parallelProcessing().executorService(pool)
                            .process(e -> headers(e, sessionToken, (String) e.getIn().getBody(Map.class).get("key")))
                            .toD(server.baseUrl() + "/messages/place_card_on_single_site_jobs/${body[id]}/broadcasts")
                            .unmarshal().json(JsonLibrary.Jackson, List.class)
                            .split(body())
                                .process(e -> routed.incrementAndGet());
            }
        });
        context.getShutdownStrategy().setTimeout(5);
        return context;
    }

    // set in a processor, not in the route definition, so that no route dump or error message shows the secrets
    private static void headers(Exchange exchange, String sessionToken, String accessKey) {
        exchange.getIn().setHeader("x-cardsavr-trace", TRACE);
        exchange.getIn().setHeader("x-cardsavr-session-jwt", sessionToken);
        exchange.getIn().setHeader("cardsavr-messaging-access-key", accessKey);
        exchange.getIn().setHeader(Exchange.HTTP_METHOD, "GET");
    }

    private static CamelContext context(BenchServer server) {
        CamelContext context = new DefaultCamelContext();
        CardsavrComponent component = new CardsavrComponent();
        server.configure(component.getConfiguration());
        context.addComponent("cardsavr", component);
        context.getShutdownStrategy().setTimeout(5);
        return context;
    }
}
