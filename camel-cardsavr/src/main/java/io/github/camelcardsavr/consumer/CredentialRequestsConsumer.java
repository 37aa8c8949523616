package io.github.camelcardsavr.consumer;

import java.util.List;

import io.github.camelcardsavr.CardsavrEndpoint;
import io.github.camelcardsavr.CardsavrOperation;
import io.github.camelcardsavr.client.CardsavrClient;
import io.github.camelcardsavr.engine.ChannelType;
import io.github.camelcardsavr.engine.JobBuffer;
import io.github.camelcardsavr.engine.JobEngine;
import io.github.camelcardsavr.model.CredentialRequest;
import io.github.camelcardsavr.state.StateNamespace;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * {@code from("cardsavr:credentialRequests")}: the TFA and credential requests of the jobs in {@code jobId} (or handed
 * over at run time), each envelope routed once. A job leaves when another consumer of the component saw it terminate
 * (stopOnTermination), or when a producer removes it.
 */
public class CredentialRequestsConsumer extends AbstractCardsavrConsumer implements DynamicJobTarget {

    /** Envelopes the default, in-memory repository remembers (least recently used forgotten first). */
    static final int IN_MEMORY_ENVELOPES = 10_000;

    public CredentialRequestsConsumer(CardsavrEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected String statePrefix() {
        return StateNamespace.prefix("credentialRequests", configuration.getConsumerName(), configuration.getBaseUrl());
    }

    private IdempotentRepository routed;

    @Override
    protected ChannelType channelType(CardsavrClient client) {
        routed = configuration.getIdempotentRepository() != null ? configuration.getIdempotentRepository()
                : MemoryIdempotentRepository.memoryIdempotentRepository(IN_MEMORY_ENVELOPES);
        CamelContextAware.trySetCamelContext(routed, getEndpoint().getCamelContext());
        ServiceHelper.startService(routed);
        return new CredentialRequestPolls(client, configuration.getMaxTrackedEnvelopesPerJob(), routed);
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
            directory.addTerminationListener(configuration.getBaseUrl(), this);
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
