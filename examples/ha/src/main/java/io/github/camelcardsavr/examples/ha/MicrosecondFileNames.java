package io.github.camelcardsavr.examples.ha;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelcardsavr.CardsavrConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Names each message's file {@code <jobId>/<n>-<status>.json} with {@code n} the epoch microseconds of its delivery,
 * never repeated within a replica. A replica that takes over starts after the previous one stopped, so {@code n}
 * keeps growing across replicas and a directory listing sorted by name is the delivery order. (Replicas on different
 * hosts need clocks in sync to within the take-over time.)
 */
final class MicrosecondFileNames implements Processor {

    private final AtomicLong last = new AtomicLong();

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        Long jobId = in.getHeader(CardsavrConstants.JOB_ID, Long.class);
        if (jobId == null) {
            throw new IllegalArgumentException("Message has no " + CardsavrConstants.JOB_ID + " header");
        }
        String status = in.getHeader(CardsavrConstants.STATUS, String.class);
        String label = status != null ? status : in.getHeader(CardsavrConstants.MESSAGE_TYPE, "message", String.class);
        in.setHeader(Exchange.FILE_NAME, fileName(jobId, next(), label));
    }

    long next() {
        Instant now = Instant.now();
        long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        return last.updateAndGet(previous -> Math.max(previous + 1, micros));
    }

    static String fileName(long jobId, long n, String label) {
        // the label comes from the server: only characters that are safe in a file name
        return jobId + "/" + n + "-" + label.replaceAll("[^A-Za-z0-9_.-]", "_") + ".json";
    }
}
