package io.github.camelcardsavr.consumer;

import java.util.List;

import io.github.camelcardsavr.CardsavrConstants;
import io.github.camelcardsavr.CardsavrEndpoint;
import io.github.camelcardsavr.client.CardsavrClient;
import io.github.camelcardsavr.engine.ChannelType;
import io.github.camelcardsavr.engine.JobBuffer;
import io.github.camelcardsavr.engine.JobEngine;
import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.state.StateNamespace;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * {@code from("cardsavr:cardholderMessages")}: every message of every job of one cardholder, from one call per
 * {@code delay}, routed one exchange each, in order per job, with the same commit-on-completion buffering as jobStatus.
 */
public class CardholderMessagesConsumer extends AbstractCardsavrConsumer {

    private final long cardholderId;

    public CardholderMessagesConsumer(CardsavrEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.cardholderId = endpoint.getConfiguration().getCardholderId();
    }

    @Override
    protected String statePrefix() {
        return StateNamespace.prefix("cardholderMessages", configuration.getConsumerName(), configuration.getBaseUrl(), String.valueOf(cardholderId));
    }

    @Override
    protected ChannelType channelType(CardsavrClient client) {
        return new CardholderPolls(client, configuration.isRecoveryChannel());
    }

    @Override
    protected boolean channelPerJob() {
        return false;
    }

    @Override
    protected boolean durableItems() {
        return true;
    }

    @Override
    protected List<Long> configuredChannels() {
        return List.of(cardholderId);
    }

    @Override
    protected void fillExchange(Exchange exchange, JobBuffer job, Object item) {
        ExchangeHeaders.fromMessage(exchange.getIn(), job, (CardsavrMessage) item);
        exchange.getIn().setHeader(CardsavrConstants.CARDHOLDER_ID, cardholderId);
    }

    @Override
    protected void afterEngineStarted(JobEngine engine) {
        var directory = getEndpoint().getComponent().getJobDirectory();
        engine.onTerminated(id -> directory.jobTerminated(configuration.getBaseUrl(), id));
    }
}
