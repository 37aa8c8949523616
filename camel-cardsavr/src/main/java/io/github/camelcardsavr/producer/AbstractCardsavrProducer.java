package io.github.camelcardsavr.producer;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import io.github.camelcardsavr.CardsavrConfiguration;
import io.github.camelcardsavr.CardsavrEndpoint;
import io.github.camelcardsavr.client.CardsavrClient;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * A producer whose call is one asynchronous client request: the routing thread is released while the request is in
 * flight and the exchange continues on the client's completion. Input is checked before any request is made.
 */
abstract class AbstractCardsavrProducer extends DefaultAsyncProducer {

    protected final CardsavrConfiguration configuration;
    private CardsavrClient client;

    AbstractCardsavrProducer(CardsavrEndpoint endpoint) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    public CardsavrEndpoint getEndpoint() {
        return (CardsavrEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = getEndpoint().getClient();
    }

    protected CardsavrClient client() {
        return client;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<?> call;
        try {
            call = send(exchange);
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        call.whenCompleteAsync((result, failure) -> {
            if (failure != null) {
                exchange.setException(unwrap(failure));
            }
            callback.done(false);
        }, getEndpoint().getComponent().getReplyExecutor());
        return false;
    }

    /**
     * Checks the input and starts the request; the returned future updates the exchange with the reply.
     */
    protected abstract CompletableFuture<?> send(Exchange exchange) throws Exception;

    static Throwable unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
               && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
