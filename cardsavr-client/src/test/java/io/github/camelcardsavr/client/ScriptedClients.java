package io.github.camelcardsavr.client;

import java.time.Duration;

import io.github.camelcardsavr.testsupport.ScriptedCardsavrServer;

/** Client configurations pointing at a {@link ScriptedCardsavrServer}. */
final class ScriptedClients {

    private ScriptedClients() {
    }

    static CardsavrClientConfig.Builder signed(ScriptedCardsavrServer server) {
        return CardsavrClientConfig.builder().baseUrl(server.baseUrl()).authMode(AuthMode.SIGNED)
                .integratorName(ScriptedCardsavrServer.INTEGRATOR_NAME).integratorKey(server.integratorKey())
                .username(ScriptedCardsavrServer.USERNAME).password(ScriptedCardsavrServer.PASSWORD)
                .responseTimeout(Duration.ofSeconds(10));
    }

    static CardsavrClientConfig.Builder unsigned(ScriptedCardsavrServer server) {
        return CardsavrClientConfig.builder().baseUrl(server.baseUrl()).authMode(AuthMode.UNSIGNED)
                .username(ScriptedCardsavrServer.USERNAME).password(ScriptedCardsavrServer.PASSWORD)
                .responseTimeout(Duration.ofSeconds(10));
    }

    static CardsavrClientConfig.Builder token(ScriptedCardsavrServer server, String token) {
        return CardsavrClientConfig.builder().baseUrl(server.baseUrl()).authMode(AuthMode.TOKEN).sessionToken(token)
                .traceKey("token-trace").responseTimeout(Duration.ofSeconds(10));
    }
}
