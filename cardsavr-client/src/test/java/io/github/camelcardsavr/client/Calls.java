package io.github.camelcardsavr.client;

import java.util.concurrent.CompletableFuture;

import io.github.camelcardsavr.testsupport.Futures;

/** The outcome of a client call: its value, or the {@link CardsavrException} it failed with. */
final class Calls {

    private Calls() {
    }

    static <T> T await(CompletableFuture<T> future) {
        return Futures.value(future);
    }

    static CardsavrException failure(CompletableFuture<?> future) {
        return Futures.failure(future, CardsavrException.class);
    }
}
