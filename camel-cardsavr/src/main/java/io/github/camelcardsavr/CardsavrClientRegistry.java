package io.github.camelcardsavr;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelcardsavr.client.CardsavrClient;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link CardsavrClient} per distinct {@link CardsavrClientSettings}, reference counted: endpoints acquire it when
 * they start and release it when they stop, and the last release closes it (ending the session and its connections).
 */
final class CardsavrClientRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(CardsavrClientRegistry.class);

    private final Map<CardsavrClientSettings, Entry> clients = new HashMap<>();

    private static final class Entry {
        private final CardsavrClient client;
        private int references;

        private Entry(CardsavrClient client) {
            this.client = client;
        }
    }

    synchronized CardsavrClient acquire(CardsavrClientSettings settings, CamelContext camelContext) throws Exception {
        Entry entry = clients.get(settings);
        if (entry == null) {
            entry = new Entry(CardsavrClient.create(settings.toClientConfig(camelContext)));
            clients.put(settings, entry);
            LOG.debug("Created CardSavr client for {}", settings);
        }
        entry.references++;
        return entry.client;
    }

    synchronized void release(CardsavrClientSettings settings) {
        Entry entry = clients.get(settings);
        if (entry == null) {
            return;
        }
        entry.references--;
        if (entry.references <= 0) {
            clients.remove(settings);
            close(settings, entry.client);
        }
    }

    synchronized int size() {
        return clients.size();
    }

    synchronized void closeAll() {
        clients.forEach((settings, entry) -> close(settings, entry.client));
        clients.clear();
    }

    private static void close(CardsavrClientSettings settings, CardsavrClient client) {
        // end the session this component opened; a session token given by the user is the user's to end
        if (!CardsavrConfiguration.AUTH_TOKEN.equals(settings.authMode())) {
            try {
                client.endSession().get(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.debug("Ending the CardSavr session for {} failed: {}", settings, e.getMessage());
            }
        }
        try {
            client.close();
            LOG.debug("Closed CardSavr client for {}", settings);
        } catch (Exception e) {
            LOG.warn("Closing the CardSavr client for {} failed: {}", settings, e.getMessage(), e);
        }
    }
}
