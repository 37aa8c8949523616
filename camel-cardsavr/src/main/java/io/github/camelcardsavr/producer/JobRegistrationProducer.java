package io.github.camelcardsavr.producer;

import io.github.camelcardsavr.CardsavrConstants;
import io.github.camelcardsavr.CardsavrEndpoint;
import io.github.camelcardsavr.CardsavrOperation;
import io.github.camelcardsavr.consumer.DynamicJobTarget;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * {@code to("cardsavr:jobStatus")} / {@code to("cardsavr:credentialRequests")}: hands a job to the running consumer of
 * the same operation and consumerName (started with dynamicJobs=true). The job id comes from header
 * CamelCardsavrJobId or a numeric body; header CamelCardsavrAccessKey supplies a key instead of subscribing; header
 * CamelCardsavrJobAction=remove makes the consumer let the job go. In-memory only: no HTTP call.
 */
public class JobRegistrationProducer extends DefaultProducer {

    public JobRegistrationProducer(CardsavrEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public CardsavrEndpoint getEndpoint() {
        return (CardsavrEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) {
        CardsavrOperation operation = getEndpoint().getConfiguration().getOperation();
        String name = getEndpoint().getConfiguration().getConsumerName();
        long jobId = jobId(exchange);
        String action = exchange.getIn().getHeader(CardsavrConstants.JOB_ACTION, "add", String.class).trim();
        String accessKey = exchange.getIn().getHeader(CardsavrConstants.ACCESS_KEY, String.class);
        if (accessKey != null) {
            // the key becomes an HTTP header of every poll of the job: refuse header injection here, not on the consumer
            ProducerInputs.checkNoLineBreak(accessKey, "Header " + CardsavrConstants.ACCESS_KEY);
        }
        DynamicJobTarget target = getEndpoint().getComponent().getJobDirectory().find(operation, name)
                .orElseThrow(() -> new IllegalStateException(
                        "No running cardsavr:" + operation + " consumer with consumerName '" + name
                                                             + "' and dynamicJobs=true in this CamelContext"));
        if ("remove".equalsIgnoreCase(action)) {
            target.removeJob(jobId);
        } else if ("add".equalsIgnoreCase(action)) {
            target.addJob(jobId, accessKey == null || accessKey.isBlank() ? null : accessKey);
        } else {
            throw new IllegalArgumentException("Header " + CardsavrConstants.JOB_ACTION + " must be add or remove");
        }
        exchange.getMessage().setHeader(CardsavrConstants.JOB_ID, jobId);
    }

    private long jobId(Exchange exchange) {
        Object header = exchange.getIn().getHeader(CardsavrConstants.JOB_ID);
        if (header != null) {
            return ProducerInputs.parseJobId(header, "header " + CardsavrConstants.JOB_ID);
        }
        String body = exchange.getIn().getBody(String.class);
        if (body != null && !body.isBlank()) {
            return ProducerInputs.parseJobId(body, "the message body");
        }
        return ProducerInputs.jobId(exchange, getEndpoint().getConfiguration());
    }
}
