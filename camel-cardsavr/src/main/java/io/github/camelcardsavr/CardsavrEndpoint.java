package io.github.camelcardsavr;

import java.util.Map;

import io.github.camelcardsavr.client.CardsavrClient;
import io.github.camelcardsavr.client.CardsavrClientConfig;
import io.github.camelcardsavr.consumer.CardholderMessagesConsumer;
import io.github.camelcardsavr.consumer.CredentialRequestsConsumer;
import io.github.camelcardsavr.consumer.JobStatusConsumer;
import io.github.camelcardsavr.producer.CredentialResponseProducer;
import io.github.camelcardsavr.producer.JobCredentialsProducer;
import io.github.camelcardsavr.producer.JobRegistrationProducer;
import io.github.camelcardsavr.producer.SubscribeProducer;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Consume job status, cardholder messages and credential requests from Strivve CardSavr and answer them.
 * <p>
 * <b>Consumers</b> ({@code from}): {@code jobStatus} (broadcasts of the jobs in {@code jobId}), {@code cardholderMessages}
 * (all messages of {@code cardholderId}) and {@code credentialRequests}. They poll every {@code delay} ms (5000 by
 * default), hand one exchange per message to the route, in order per job, and drop a message only after its exchange
 * completed: a failed exchange is delivered again, with the messages after it, on the next poll (at-least-once).
 * <p>
 * <b>Jobs at run time</b>: start a {@code jobStatus} or {@code credentialRequests} consumer with
 * {@code dynamicJobs=true} (jobId optional) and send the job id to the same operation as a producer, e.g.
 * {@code from("kafka:new-jobs").to("cardsavr:jobStatus")}: the producer reads header {@code CamelCardsavrJobId} (or a
 * numeric body), optionally {@code CamelCardsavrAccessKey}, and hands the job to the running consumer with the same
 * {@code consumerName} (default {@code default}); header {@code CamelCardsavrJobAction=remove} lets a job go. Jobs
 * leave on their own when they terminate.
 * <p>
 * <b>Producers</b> ({@code to}): {@code subscribe}, {@code credentialResponse} and {@code jobCredentials}.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "cardsavr", title = "CardSavr", syntax = "cardsavr:operation",
             category = { Category.API, Category.CLOUD }, headersClass = CardsavrConstants.class)
public class CardsavrEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    /** CardSavr's own clients poll every 3 to 5 seconds; Camel's scheduled-poll default of 500 ms is too eager. */
    public static final long DEFAULT_DELAY = 5000;

    @UriParam
    private final CardsavrConfiguration configuration;

    // Documents this endpoint's default for the inherited scheduler option; the value lives in the superclass.
    @UriParam(label = "consumer,scheduler", defaultValue = "" + DEFAULT_DELAY, javaType = "java.time.Duration",
              description = "How often each job (or the cardholder) is polled, in milliseconds. Every job keeps this"
                            + " cadence on its own, whatever useFixedDelay says and however many jobs there are;"
                            + " 0 polls a job again as soon as its last call returned.")
    private long delay = DEFAULT_DELAY;

    private CardsavrClientConfig acquiredConfig;
    private CardsavrClient client;

    public CardsavrEndpoint(String uri, CardsavrComponent component, CardsavrConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
        super.setDelay(DEFAULT_DELAY);
    }

    @Override
    public CardsavrComponent getComponent() {
        return (CardsavrComponent) super.getComponent();
    }

    public CardsavrConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public void setDelay(long delay) {
        this.delay = delay;
        super.setDelay(delay);
    }

    @Override
    public Producer createProducer() throws Exception {
        CardsavrOperation operation = configuration.getOperation();
        return switch (operation) {
            case subscribe -> new SubscribeProducer(this);
            case credentialResponse -> new CredentialResponseProducer(this);
            case jobCredentials -> new JobCredentialsProducer(this);
            case jobStatus, credentialRequests -> new JobRegistrationProducer(this);
            case cardholderMessages -> throw new IllegalArgumentException(
                    "cardsavr:cardholderMessages is a consumer operation; use it in from()");
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        configuration.validateForConsumer();
        Consumer consumer = switch (configuration.getOperation()) {
            case jobStatus -> new JobStatusConsumer(this, processor);
            case cardholderMessages -> new CardholderMessagesConsumer(this, processor);
            case credentialRequests -> new CredentialRequestsConsumer(this, processor);
            default -> throw new IllegalArgumentException(
                    "cardsavr:" + configuration.getOperation() + " is a producer operation; use it in to()");
        };
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * The client shared by all endpoints with the same connection and credential settings; created on first use.
     */
    public synchronized CardsavrClient getClient() throws Exception {
        if (client == null) {
            CardsavrClientConfig config = configuration.clientConfig(
                    getComponent().sslContextFor(configuration.getSslContextParameters()));
            client = getComponent().getClients().acquire(config);
            acquiredConfig = config;
        }
        return client;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (client != null) {
            client = null;
            getComponent().getClients().release(acquiredConfig);
            acquiredConfig = null;
        }
        super.doStop();
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "rest";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        if (configuration.getIntegratorName() != null) {
            return Map.of("integratorName", configuration.getIntegratorName());
        }
        return null;
    }
}
