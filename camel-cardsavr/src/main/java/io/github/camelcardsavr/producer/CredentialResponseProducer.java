package io.github.camelcardsavr.producer;

import java.util.concurrent.CompletableFuture;

import io.github.camelcardsavr.CardsavrConstants;
import io.github.camelcardsavr.CardsavrEndpoint;
import io.github.camelcardsavr.model.CredentialResponse;
import org.apache.camel.Exchange;

/**
 * {@code cardsavr:credentialResponse}: posts {@code {envelope_id, type, message}} for a credential request. Job id,
 * envelope id and type come from the headers the credentialRequests consumer sets; the message is the body (the TFA
 * code, or {@code success} after new credentials were saved). The reply
 * ({@link io.github.camelcardsavr.model.CredentialResponseReply}) becomes the body.
 */
public class CredentialResponseProducer extends AbstractCardsavrProducer {

    public CredentialResponseProducer(CardsavrEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected CompletableFuture<?> send(Exchange exchange) {
        long jobId = ProducerInputs.jobId(exchange, configuration);
        String envelopeId = ProducerInputs.requiredHeader(exchange, CardsavrConstants.ENVELOPE_ID);
        String type = exchange.getIn().getHeader(CardsavrConstants.CREDENTIAL_TYPE) != null
                ? ProducerInputs.requiredHeader(exchange, CardsavrConstants.CREDENTIAL_TYPE)
                : ProducerInputs.requiredHeader(exchange, CardsavrConstants.MESSAGE_TYPE);
        String message = ProducerInputs.textBody(exchange, "the credentialResponse answer");
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("The message body is empty: the credentialResponse producer sends the"
                                               + " body as the answer (a TFA code, or success)");
        }
        CredentialResponse response = CredentialResponse.of(envelopeId, type, message);
        return client().postCredentialResponse(jobId, response)
                .thenAccept(reply -> exchange.getMessage().setBody(reply));
    }
}
