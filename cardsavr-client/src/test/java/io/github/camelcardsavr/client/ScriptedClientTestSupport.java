package io.github.camelcardsavr.client;

import io.github.camelcardsavr.testsupport.ScriptedCardsavrServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A signed {@link ScriptedCardsavrServer} and a client of it, new for every test so that no script, session or
 * accepted reply leaks from one test into the next.
 */
abstract class ScriptedClientTestSupport {

    ScriptedCardsavrServer server;
    /** A test may replace it with a client of its own; the one here at the end is closed. */
    CardsavrClient client;

    /** What the client of a test class sets beyond {@link ScriptedClients#signed}. */
    CardsavrClientConfig.Builder configure(CardsavrClientConfig.Builder config) {
        return config;
    }

    @BeforeEach
    void startScriptedServerAndClient() {
        server = ScriptedCardsavrServer.signed();
        client = CardsavrClient.create(configure(ScriptedClients.signed(server)).build());
    }

    @AfterEach
    void stopScriptedServerAndClient() {
        try {
            client.close();
        } finally {
            server.close();
        }
    }
}
