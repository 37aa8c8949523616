package io.github.camelcardsavr.benchmarks;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelcardsavr.CardsavrConfiguration;
import io.github.camelcardsavr.client.CardsavrClient;
import io.github.camelcardsavr.simulator.CreatedJob;

/** The CardSavr client alone, no Camel: one job's broadcast polls back to back, counting the messages. */
final class ClientDrain implements AutoCloseable {

    private final CardsavrClient client;
    private final AtomicLong messages = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread loop;

    ClientDrain(BenchServer server, CreatedJob job) {
        CardsavrConfiguration c = new CardsavrConfiguration();
        server.configure(c);
        this.client = CardsavrClient.create(c.clientConfig(null));
        this.loop = new Thread(() -> {
            while (running.get()) {
                messages.addAndGet(client.pollJobBroadcasts(job.getJobId(), job.getAccessKey()).join().size());
            }
        }, "client-drain");
        loop.start();
    }

    long messages() {
        return messages.get();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        loop.join(10_000);
        client.close();
    }
}
