package io.github.camelcardsavr.producer;

import java.util.concurrent.CompletableFuture;

import io.github.camelcardsavr.CardsavrConstants;
import io.github.camelcardsavr.CardsavrEndpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code cardsavr:subscribe}: registers for a job's broadcasts. The access key goes to header CamelCardsavrAccessKey,
 * the {@link io.github.camelcardsavr.model.Subscription} (whose toString masks the key) to the body.
 */
public class SubscribeProducer extends AbstractCardsavrProducer {

    public SubscribeProducer(CardsavrEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected CompletableFuture<?> send(Exchange exchange) {
        long jobId = ProducerInputs.jobId(exchange, configuration);
        return client().subscribe(jobId).thenAccept(subscription -> {
            Message out = exchange.getMessage();
            out.setHeader(CardsavrConstants.JOB_ID, jobId);
            out.setHeader(CardsavrConstants.ACCESS_KEY, subscription.getAccessKey());
            out.setBody(subscription);
        });
    }
}
