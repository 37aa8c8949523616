package io.github.camelcardsavr.examples.support;

import io.github.camelcardsavr.CardsavrConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names each message's file {@code <jobId>/<seq>-<status>.json} in arrival order, with a zero-padded
 * per-job sequence so a plain directory listing shows a job's messages in the order they came.
 * Sets {@link Exchange#FILE_NAME}, which the file producer uses, and {@link #SEQUENCE}.
 */
public final class MessageFileNames implements Processor {

    /** Header: the message's 1-based position among its job's messages. */
    public static final String SEQUENCE = "CardsavrExampleSequence";

    private final Map<Long, AtomicInteger> sequences = new ConcurrentHashMap<>();

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        Long jobId = in.getHeader(CardsavrConstants.JOB_ID, Long.class);
        if (jobId == null) {
            throw new IllegalArgumentException("Message has no " + CardsavrConstants.JOB_ID + " header");
        }
        int sequence = sequences.computeIfAbsent(jobId, id -> new AtomicInteger()).incrementAndGet();
        String status = in.getHeader(CardsavrConstants.STATUS, String.class);
        String label = status != null ? status : in.getHeader(CardsavrConstants.MESSAGE_TYPE, "message", String.class);
        in.setHeader(SEQUENCE, sequence);
        in.setHeader(Exchange.FILE_NAME, fileName(jobId, sequence, label));
    }

    static String fileName(long jobId, int sequence, String label) {
        // The label comes from the server: keep it to characters that are safe in a file name.
        return String.format("%d/%04d-%s.json", jobId, sequence, label.replaceAll("[^A-Za-z0-9_.-]", "_"));
    }
}
