package io.github.camelcardsavr;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelcardsavr.client.AuthMode;
import io.github.camelcardsavr.client.CardsavrClient;
import io.github.camelcardsavr.client.CardsavrClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link CardsavrClient} per distinct {@link CardsavrClientConfig}, reference counted: endpoints acquire it when
 * they start and release it when they stop, and the last release closes it (ending the session and its connections).
 */
final class CardsavrClientRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(CardsavrClientRegistry.class);

    private final Map<CardsavrClientConfig, Entry> clients = new HashMap<>();

    private static final class Entry {
        private final CardsavrClient client;
        private int references;

        private Entry(CardsavrClient client) {
            this.client = client;
        }
    }

    synchronized CardsavrClient acquire(CardsavrClientConfig config) {
        Entry entry = clients.get(config);
        if (entry == null) {
            entry = new Entry(CardsavrClient.create(config));
            clients.put(config, entry);
            LOG.debug("Created CardSavr client for {}", describe(config));
        }
        entry.references++;
        return entry.client;
    }

    synchronized void release(CardsavrClientConfig config) {
        Entry entry = clients.get(config);
        if (entry == null) {
            return;
        }
        entry.references--;
        if (entry.references <= 0) {
            clients.remove(config);
            close(config, entry.client);
        }
    }

    synchronized int size() {
        return clients.size();
    }

    synchronized void closeAll() {
        clients.forEach((config, entry) -> close(config, entry.client));
        clients.clear();
    }

    private static void close(CardsavrClientConfig config, CardsavrClient client) {
        // end the session this component opened; a session token given by the user is the user's to end
        if (config.getAuthMode() != AuthMode.TOKEN) {
            try {
                client.endSession().get(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.debug("Ending the CardSavr session for {} failed: {}", describe(config), e.getMessage());
            }
        }
        try {
            client.close();
            LOG.debug("Closed CardSavr client for {}", describe(config));
        } catch (Exception e) {
            LOG.warn("Closing the CardSavr client for {} failed: {}", describe(config), e.getMessage(), e);
        }
    }

    // the instance and the mode only: the username (and the trace key, which defaults to it) is an option the
    // component masks like the password, so its log lines do not show it either
    private static String describe(CardsavrClientConfig config) {
        return config.getBaseUrl() + " (" + config.getAuthMode().name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
