package io.github.camelcardsavr.client;

import java.time.Duration;

/** Client configurations pointing at a {@link StubCardsavrServer}. */
final class StubClients {

    private StubClients() {
    }

    static CardsavrClientConfig.Builder signed(StubCardsavrServer stub) {
        return CardsavrClientConfig.builder().baseUrl(stub.baseUrl()).authMode(AuthMode.SIGNED)
                .integratorName(StubCardsavrServer.INTEGRATOR).integratorKey(stub.integratorKeyBase64())
                .username(StubCardsavrServer.USERNAME).password(StubCardsavrServer.PASSWORD)
                .responseTimeout(Duration.ofSeconds(10));
    }

    static CardsavrClientConfig.Builder unsigned(StubCardsavrServer stub) {
        return CardsavrClientConfig.builder().baseUrl(stub.baseUrl()).authMode(AuthMode.UNSIGNED)
                .username(StubCardsavrServer.USERNAME).password(StubCardsavrServer.PASSWORD)
                .responseTimeout(Duration.ofSeconds(10));
    }

    static CardsavrClientConfig.Builder token(StubCardsavrServer stub, String token) {
        return CardsavrClientConfig.builder().baseUrl(stub.baseUrl()).authMode(AuthMode.TOKEN).sessionToken(token)
                .traceKey("token-trace").responseTimeout(Duration.ofSeconds(10));
    }

    /** The failure of a future, unwrapped. */
    static CardsavrException failure(java.util.concurrent.CompletableFuture<?> future) {
        try {
            future.get(15, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof CardsavrException) {
                return (CardsavrException) cause;
            }
            throw new AssertionError("Expected a CardsavrException but got " + cause, cause);
        } catch (Exception e) {
            throw new AssertionError("Future did not fail in time: " + e, e);
        }
        throw new AssertionError("Expected the call to fail, but it succeeded");
    }

    static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(15, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("Call failed: " + e, e);
        }
    }
}
