package io.github.camelcardsavr.consumer;

import java.util.List;

import io.github.camelcardsavr.CardsavrEndpoint;
import io.github.camelcardsavr.CardsavrOperation;
import io.github.camelcardsavr.client.CardsavrClient;
import io.github.camelcardsavr.engine.ChannelType;
import io.github.camelcardsavr.engine.JobBuffer;
import io.github.camelcardsavr.engine.JobEngine;
import io.github.camelcardsavr.model.CredentialRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * {@code from("cardsavr:credentialRequests")}: the TFA and credential requests of the jobs in {@code jobId} (or handed
 * over at run time), each envelope routed once. A job leaves when another consumer of the component saw it terminate
 * (stopOnTermination), or when a producer removes it.
 */
public class CredentialRequestsConsumer extends AbstractCardsavrConsumer implements DynamicJobTarget {

    public CredentialRequestsConsumer(CardsavrEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected String statePrefix() {
        return "cardsavr.credentialRequests." + configuration.getConsumerName();
    }

    @Override
    protected ChannelType channelType(CardsavrClient client) {
        return new CredentialRequestPolls(client, configuration.getMaxTrackedEnvelopesPerJob());
    }

    @Override
    protected boolean channelPerJob() {
        return true;
    }

    @Override
    protected boolean durableItems() {
        return false;
    }

    @Override
    protected List<Long> configuredChannels() {
        return configuration.jobIds();
    }

    @Override
    protected void fillExchange(Exchange exchange, JobBuffer job, Object item) {
        ExchangeHeaders.fromRequest(exchange.getIn(), (CredentialRequest) item);
    }

    @Override
    protected void afterEngineStarted(JobEngine engine) {
        var directory = getEndpoint().getComponent().getJobDirectory();
        if (configuration.isDynamicJobs()) {
            directory.register(CardsavrOperation.credentialRequests, configuration.getConsumerName(), this);
        }
        if (configuration.isStopOnTermination()) {
            directory.addTerminationListener(this);
        }
    }

    @Override
    protected void beforeEngineStops(JobEngine engine) {
        var directory = getEndpoint().getComponent().getJobDirectory();
        directory.unregister(CardsavrOperation.credentialRequests, configuration.getConsumerName(), this);
        directory.removeTerminationListener(this);
    }

    @Override
    public void addJob(long jobId, String accessKey) {
        engine().addJob(jobId, null);
    }

    @Override
    public void removeJob(long jobId) {
        engine().removeJob(jobId);
    }

    @Override
    public void jobTerminated(long jobId) {
        engine().jobTerminated(jobId);
    }
}
