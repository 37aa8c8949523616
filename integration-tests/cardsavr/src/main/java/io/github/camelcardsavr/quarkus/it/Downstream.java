package io.github.camelcardsavr.quarkus.it;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** A system the stuck route delivers to; while it is down every exchange fails and the consumer keeps the message. */
@ApplicationScoped
public class Downstream implements Processor {

    private final AtomicBoolean available = new AtomicBoolean(true);

    public void setAvailable(boolean value) {
        available.set(value);
    }

    @Override
    public void process(Exchange exchange) {
        if (!available.get()) {
            throw new IllegalStateException("downstream is down");
        }
    }
}
