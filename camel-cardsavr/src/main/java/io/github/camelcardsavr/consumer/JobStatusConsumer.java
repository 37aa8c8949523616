package io.github.camelcardsavr.consumer;

import java.util.List;

import io.github.camelcardsavr.CardsavrEndpoint;
import io.github.camelcardsavr.CardsavrOperation;
import io.github.camelcardsavr.client.CardsavrClient;
import io.github.camelcardsavr.engine.ChannelType;
import io.github.camelcardsavr.engine.JobBuffer;
import io.github.camelcardsavr.engine.JobEngine;
import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.state.StateNamespace;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * {@code from("cardsavr:jobStatus")}: the status broadcasts of the jobs in {@code jobId}, and with
 * {@code dynamicJobs=true} of jobs handed over at run time. Each job is polled every {@code delay}; its messages are
 * routed in order, one exchange each, and a job leaves once its last message was routed.
 */
public class JobStatusConsumer extends AbstractCardsavrConsumer implements DynamicJobTarget {

    public JobStatusConsumer(CardsavrEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected String statePrefix() {
        return StateNamespace.prefix("jobStatus", configuration.getConsumerName(), configuration.getBaseUrl());
    }

    @Override
    protected ChannelType channelType(CardsavrClient client) {
        return new BroadcastPolls(client, configuration.isRecoveryChannel());
    }

    @Override
    protected boolean channelPerJob() {
        return true;
    }

    @Override
    protected boolean durableItems() {
        return true;
    }

    @Override
    protected List<Long> configuredChannels() {
        return configuration.jobIds();
    }

    @Override
    protected void fillExchange(Exchange exchange, JobBuffer job, Object item) {
        ExchangeHeaders.fromMessage(exchange.getIn(), job, (CardsavrMessage) item);
    }

    @Override
    protected void afterEngineStarted(JobEngine engine) {
        var directory = getEndpoint().getComponent().getJobDirectory();
        engine.onTerminated(id -> directory.jobTerminated(configuration.getBaseUrl(), id));
        if (configuration.isDynamicJobs()) {
            directory.register(CardsavrOperation.jobStatus, configuration.getConsumerName(), this);
        }
    }

    @Override
    protected void beforeEngineStops(JobEngine engine) {
        getEndpoint().getComponent().getJobDirectory()
                .unregister(CardsavrOperation.jobStatus, configuration.getConsumerName(), this);
    }

    @Override
    public void addJob(long jobId, String accessKey) {
        engine().addJob(jobId, accessKey);
    }

    @Override
    public void removeJob(long jobId) {
        engine().removeJob(jobId);
    }
}
