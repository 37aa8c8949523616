package io.github.camelcardsavr.testsupport;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The outcome of an asynchronous call, for assertions: its value, or the exception it failed with. The wait is a
 * guard against a call that never completes, not a speed requirement.
 */
public final class Futures {

    private static final Duration GUARD = Duration.ofSeconds(30);

    private Futures() {
    }

    public static <T> T value(CompletableFuture<T> future) {
        try {
            return future.get(GUARD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("The call failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("The call did not complete within " + GUARD, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for a call", e);
        }
    }

    /** The exception of type {@code type} that the call failed with, unwrapped from its completion wrappers. */
    public static <E extends Throwable> E failure(CompletableFuture<?> future, Class<E> type) {
        return failure(future, type, GUARD);
    }

    public static <E extends Throwable> E failure(CompletableFuture<?> future, Class<E> type, Duration within) {
        Object value;
        try {
            value = future.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            throw new AssertionError("Expected a " + type.getSimpleName() + " but the call failed with " + cause, cause);
        } catch (TimeoutException e) {
            throw new AssertionError("The call neither completed nor failed within " + within, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for a call", e);
        }
        throw new AssertionError("Expected the call to fail with a " + type.getSimpleName() + ", but it returned " + value);
    }
}
