package io.github.camelcardsavr.producer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelcardsavr.CardsavrConstants;
import io.github.camelcardsavr.CardsavrEndpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code cardsavr:jobCredentials}: answers a credential request through {@code PUT
 * /place_card_on_single_site_jobs/{id}} with header {@code x-cardsavr-envelope-id}, the path CardSavr prefers. A
 * {@code Map} body is sent as account_link values (e.g. username, password), a text or number body as a TFA code; any
 * other body type is refused. The job as
 * returned by CardSavr becomes the body ({@code Map}) and its status header CamelCardsavrStatus.
 */
public class JobCredentialsProducer extends AbstractCardsavrProducer {

    public JobCredentialsProducer(CardsavrEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected CompletableFuture<?> send(Exchange exchange) {
        long jobId = ProducerInputs.jobId(exchange, configuration);
        String envelopeId = ProducerInputs.requiredHeader(exchange, CardsavrConstants.ENVELOPE_ID);
        Object body = exchange.getIn().getBody();
        CompletableFuture<Map<String, Object>> call;
        if (body instanceof Map<?, ?> map) {
            call = client().putJobCredentials(jobId, envelopeId, accountLink(map));
        } else {
            String code = ProducerInputs.textBody(exchange, "a TFA code (or send a Map of account_link values)");
            if (code == null || code.isBlank()) {
                throw new IllegalArgumentException("The body must be a Map of account_link values or a non-empty TFA"
                                                   + " code");
            }
            call = client().putJobTfaCode(jobId, envelopeId, code.trim());
        }
        return call.thenAccept(job -> {
            Message out = exchange.getMessage();
            out.setBody(job);
            Object status = job == null ? null : job.get("status");
            if (status != null) {
                out.setHeader(CardsavrConstants.STATUS, status.toString());
            }
        });
    }

    private static Map<String, String> accountLink(Map<?, ?> map) {
        if (map.isEmpty()) {
            throw new IllegalArgumentException("The account_link Map body is empty");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getKey() == null || e.getKey().toString().isBlank()) {
                throw new IllegalArgumentException("The account_link Map body has an empty key");
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException("account_link value '" + e.getKey() + "' is null");
            }
            Object value = e.getValue();
            if (!(value instanceof CharSequence || value instanceof Number || value instanceof Boolean)) {
                throw new IllegalArgumentException("account_link value '" + e.getKey() + "' of type "
                                                   + value.getClass().getName() + " has no text form; send a String");
            }
            values.put(e.getKey().toString(), value.toString());
        }
        return values;
    }
}
