package io.github.camelcardsavr.examples.ha;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import io.github.camelcardsavr.CardsavrConstants;
import io.github.camelcardsavr.examples.support.CredentialAnswers;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.spi.IdempotentRepository;

/**
 * The two routes every replica has, each started only on the replica that leads the cluster namespace (Camel's
 * {@link ClusteredRoutePolicy}): the cardholder's stream, each status message to {@code <out>/<jobId>/<n>-<status>.json}
 * ({@code n} in epoch microseconds, so it keeps growing from one replica to the next), and the answering of the jobs'
 * credential requests. Both keep their state in the shared database, which is what lets a standby resume where a dead
 * leader stopped; both routes share one namespace, so one replica does both.
 * <p>
 * A route policy rather than the {@code master:} component: the policy stops a route through Camel's graceful shutdown,
 * which stops the cardsavr consumer first and lets its exchange in flight finish. {@code master:} stops the route's
 * processors before its consumer when the context shuts down (SIGTERM), failing that exchange after the steps it already
 * ran, so the next replica would write its message a second time.
 * <p>
 * A third route runs on every replica: it ends the run once every job listed in {@code CARDSAVR_JOB_IDS} has
 * terminated, whichever replica wrote its last message.
 */
final class HaRoutes extends RouteBuilder {

    /** The beans the routes refer to. */
    static final String STATE = "cardsavrState";
    static final String ANSWERED = "answeredEnvelopes";
    static final String CONSUMER_NAME = "ha";

    private final HaSettings settings;
    private final CredentialAnswers answers;
    private final IdempotentRepository terminatedJobs;
    private final Runnable allListedJobsTerminated;
    private final DeliveryCounter counter;

    HaRoutes(HaSettings settings, CredentialAnswers answers, IdempotentRepository terminatedJobs,
             Runnable allListedJobsTerminated, DeliveryCounter counter) {
        this.settings = settings;
        this.answers = answers;
        this.terminatedJobs = terminatedJobs;
        this.allListedJobsTerminated = allListedJobsTerminated;
        this.counter = counter;
    }

    /** The cluster namespace of one cardholder: one leader reads its stream and answers its jobs. */
    static String namespace(long cardholderId) {
        return "cardsavr-ha-" + cardholderId;
    }

    @Override
    public void configure() throws Exception {
        long cardholderId = settings.cardsavr().cardholderId();
        // one policy for both routes: they start together when this replica leads, and stop together
        ClusteredRoutePolicy leader = ClusteredRoutePolicy.forNamespace(getContext(), namespace(cardholderId));
        String common = "&consumerName=" + CONSUMER_NAME + "&stateRepository=#" + STATE + pollDelay();

        from("cardsavr:cardholderMessages?cardholderId=" + cardholderId + "&stateWritePerExchange=true"
             + common)
                .routeId("cardholder-stream")
                .routePolicy(leader)
                // stopped before credential-answers, whose consumer its exchanges hand jobs to
                .startupOrder(2)
                // jobs not listed up front are answered too: the credential consumer takes them at run time (before
                // the file is written, so that a failure here does not write the message twice)
                .filter(header(CardsavrConstants.TERMINAL).isEqualTo(false))
                    .to("cardsavr:credentialRequests?consumerName=" + CONSUMER_NAME)
                .end()
                .process(new MicrosecondFileNames())
                .to("file:" + fileUri(settings.outDir()) + "?tempPrefix=.writing-")
                .process(counter)
                .filter(header(CardsavrConstants.TERMINAL).isEqualTo(true))
                    .process(e -> terminatedJobs.add(e.getMessage().getHeader(CardsavrConstants.JOB_ID, String.class)));

        from("cardsavr:credentialRequests?dynamicJobs=true&idempotentRepository=#" + ANSWERED + jobIds()
             + common)
                .routeId("credential-answers")
                .routePolicy(leader)
                .startupOrder(1)
                .process(answers)
                .choice()
                    .when(header(CredentialAnswers.ANSWER_KIND).isEqualTo(CredentialAnswers.TFA))
                        .to("cardsavr:credentialResponse")
                    .when(header(CredentialAnswers.ANSWER_KIND).isEqualTo(CredentialAnswers.ACCOUNT_LINK))
                        .to("cardsavr:jobCredentials")
                .end();

        List<Long> listed = settings.cardsavr().jobIds();
        if (!listed.isEmpty()) {
            from("timer:listed-jobs?period=500")
                    .routeId("listed-jobs-done")
                    .filter(e -> listed.stream().allMatch(id -> terminatedJobs.contains(String.valueOf(id))))
                    .process(e -> allListedJobsTerminated.run());
        }
    }

    private String jobIds() {
        List<Long> ids = settings.cardsavr().jobIds();
        return ids.isEmpty() ? "" : "&jobId=" + ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private String pollDelay() {
        Duration delay = settings.pollDelay();
        return delay == null ? "" : "&delay=" + delay.toMillis() + "&initialDelay=0";
    }

    private static String fileUri(Path dir) {
        return dir.toAbsolutePath().toString().replace('\\', '/');
    }
}
