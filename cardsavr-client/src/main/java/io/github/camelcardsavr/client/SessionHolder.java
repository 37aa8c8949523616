package io.github.camelcardsavr.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Holds the one session a client shares between all its calls. The first caller starts the login; everyone else
 * waits on the same future. When a call finds its session rejected, {@link #renew(Session)} starts one new login
 * unless another caller already replaced that session, so a burst of 401s costs a single re-login.
 */
final class SessionHolder {

    private final AtomicReference<CompletableFuture<Session>> current = new AtomicReference<>();
    private final Supplier<CompletableFuture<Session>> login;

    SessionHolder(Supplier<CompletableFuture<Session>> login) {
        this.login = login;
    }

    /** The current session, logging in first when there is none or the last login failed. */
    CompletableFuture<Session> current() {
        while (true) {
            CompletableFuture<Session> existing = current.get();
            if (existing != null && !existing.isCompletedExceptionally()) {
                return existing;
            }
            CompletableFuture<Session> started = tryStart(existing);
            if (started != null) {
                return started;
            }
        }
    }

    /** A session other than {@code rejected}: the one that already replaced it, or a fresh login. */
    CompletableFuture<Session> renew(Session rejected) {
        while (true) {
            CompletableFuture<Session> existing = current.get();
            boolean holdsRejected = existing != null && existing.isDone() && !existing.isCompletedExceptionally()
                    && existing.getNow(null) == rejected;
            if (existing != null && !holdsRejected) {
                // A newer session, a login in progress, or a failed login that current() will retry.
                return current();
            }
            CompletableFuture<Session> started = tryStart(existing);
            if (started != null) {
                return started;
            }
        }
    }

    /** The established session, without starting a login; null while there is none. */
    Session established() {
        CompletableFuture<Session> existing = current.get();
        return existing == null || !existing.isDone() || existing.isCompletedExceptionally() ? null : existing.getNow(null);
    }

    /** Forgets the current session and returns it if one was established, else null. */
    Session clear() {
        CompletableFuture<Session> existing = current.getAndSet(null);
        if (existing == null || !existing.isDone() || existing.isCompletedExceptionally()) {
            return null;
        }
        return existing.getNow(null);
    }

    private CompletableFuture<Session> tryStart(CompletableFuture<Session> expected) {
        CompletableFuture<Session> fresh = new CompletableFuture<>();
        if (!current.compareAndSet(expected, fresh)) {
            return null;
        }
        CompletableFuture<Session> attempt;
        try {
            attempt = login.get();
        } catch (RuntimeException e) {
            fresh.completeExceptionally(e);
            return fresh;
        }
        attempt.whenComplete((session, failure) -> {
            if (failure != null) {
                fresh.completeExceptionally(Failures.unwrap(failure));
            } else {
                fresh.complete(session);
            }
        });
        return fresh;
    }
}
