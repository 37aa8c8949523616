package io.github.camelcardsavr.examples.support;

import io.github.camelcardsavr.CardsavrConstants;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageFileNamesTest {

    private final MessageFileNames names = new MessageFileNames();
    private final DefaultCamelContext context = new DefaultCamelContext();

    @Test
    void numbersEachJobsMessagesInArrivalOrderAndLabelsThemByStatusOrType() {
        assertThat(nameFor(101, "QUEUED", "job_status")).isEqualTo("101/0001-QUEUED.json");
        assertThat(nameFor(102, "QUEUED", "job_status")).isEqualTo("102/0001-QUEUED.json");
        assertThat(nameFor(101, null, "tfa_request")).isEqualTo("101/0002-tfa_request.json");
        assertThat(nameFor(101, "../../etc", "job_status")).isEqualTo("101/0003-.._.._etc.json");
    }

    private String nameFor(long jobId, String status, String type) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setHeader(CardsavrConstants.JOB_ID, jobId);
        exchange.getMessage().setHeader(CardsavrConstants.STATUS, status);
        exchange.getMessage().setHeader(CardsavrConstants.MESSAGE_TYPE, type);
        names.process(exchange);
        return exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
    }
}
