package io.github.camelcardsavr.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelcardsavr.model.SessionLoginReply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionHolderTest {

    private final AtomicInteger logins = new AtomicInteger();
    private final List<CompletableFuture<Session>> pendingLogins = new ArrayList<>();

    private synchronized CompletableFuture<Session> login() {
        logins.incrementAndGet();
        CompletableFuture<Session> pending = new CompletableFuture<>();
        pendingLogins.add(pending);
        return pending;
    }

    private synchronized CompletableFuture<Session> lastLogin() {
        return pendingLogins.get(pendingLogins.size() - 1);
    }

    private static Session session(String token) {
        return new Session(token, null, SessionLoginReply.ofToken(token), null);
    }

    @Test
    void concurrentFirstCallersShareOneLogin() throws Exception {
        SessionHolder holder = new SessionHolder(this::login);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<CompletableFuture<Session>>> callers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                callers.add(CompletableFuture.supplyAsync(holder::current, pool));
            }
            CompletableFuture.allOf(callers.toArray(new CompletableFuture[0])).join();
            lastLogin().complete(session("one"));
            for (CompletableFuture<CompletableFuture<Session>> caller : callers) {
                assertThat(caller.join().join().token).isEqualTo("one");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(logins).hasValue(1);
    }

    @Test
    void manyRenewalsOfTheSameRejectedSessionCauseOneLogin() {
        SessionHolder holder = new SessionHolder(this::login);
        CompletableFuture<Session> first = holder.current();
        lastLogin().complete(session("old"));
        Session old = first.join();

        List<CompletableFuture<Session>> renewals = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            renewals.add(holder.renew(old));
        }
        lastLogin().complete(session("new"));
        renewals.forEach(r -> assertThat(r.join().token).isEqualTo("new"));
        assertThat(logins).hasValue(2);

        // A late 401 for the old session must not log in a third time.
        assertThat(holder.renew(old).join().token).isEqualTo("new");
        assertThat(logins).hasValue(2);
    }

    @Test
    void failedLoginIsRetriedByTheNextCaller() {
        SessionHolder holder = new SessionHolder(this::login);
        CompletableFuture<Session> first = holder.current();
        lastLogin().completeExceptionally(new CardsavrException(CardsavrException.Reason.LOGIN_FAILED, "refused"));
        assertThat(first).isCompletedExceptionally();

        CompletableFuture<Session> second = holder.current();
        assertThat(logins).hasValue(2);
        lastLogin().complete(session("ok"));
        assertThat(second.join().token).isEqualTo("ok");
    }

    @Test
    void loginThatThrowsFailsTheFutureInsteadOfTheCaller() {
        SessionHolder holder = new SessionHolder(() -> {
            throw new IllegalStateException("no EC support");
        });
        assertThat(holder.current()).isCompletedExceptionally();
    }

    @Test
    void clearForgetsTheSession() {
        SessionHolder holder = new SessionHolder(this::login);
        assertThat(holder.clear()).isNull();
        CompletableFuture<Session> first = holder.current();
        lastLogin().complete(session("a"));
        assertThat(holder.clear()).isSameAs(first.join());
        holder.current();
        assertThat(logins).hasValue(2);
    }
}
