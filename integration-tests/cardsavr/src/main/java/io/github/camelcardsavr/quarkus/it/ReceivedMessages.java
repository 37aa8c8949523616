package io.github.camelcardsavr.quarkus.it;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelcardsavr.CardsavrConstants;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/** The status messages the followed jobs delivered, as their JSON, in delivery order per job. */
@ApplicationScoped
public class ReceivedMessages implements Processor {

    private final Map<Long, List<String>> byJob = new ConcurrentHashMap<>();

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        long jobId = message.getHeader(CardsavrConstants.JOB_ID, Long.class);
        byJob.computeIfAbsent(jobId, id -> Collections.synchronizedList(new ArrayList<>())).add(message.getMandatoryBody(String.class));
    }

    public List<String> of(long jobId) {
        List<String> messages = byJob.getOrDefault(jobId, List.of());
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }
}
