package io.github.camelcardsavr.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.camelcardsavr.client.AuthMode;
import io.github.camelcardsavr.client.CardsavrClientConfig;

/**
 * An unsigned CardSavr stand-in whose replies are scripted byte for byte, for what the simulator will not send: bodies
 * of any size or shape, bodies without a length that never end, bodies that trickle in. Login always succeeds; every
 * other request gets the current {@link Reply}.
 */
final class ScriptedCardsavrServer implements AutoCloseable {

    /** Writes one reply. */
    @FunctionalInterface
    interface Reply {
        void write(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scripted-cardsavr");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong bytesWritten = new AtomicLong();
    private final AtomicLong apiRequests = new AtomicLong();
    private volatile Reply reply = json("[]");

    ScriptedCardsavrServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    CardsavrClientConfig.Builder unsignedClient() {
        return CardsavrClientConfig.builder().baseUrl(baseUrl()).authMode(AuthMode.UNSIGNED).username("agent")
                .password("agent-password").responseTimeout(Duration.ofSeconds(5));
    }

    void reply(Reply next) {
        this.reply = next;
    }

    /** Body bytes written by all replies so far (how far a client let an endless body run). */
    long bytesWritten() {
        return bytesWritten.get();
    }

    long apiRequests() {
        return apiRequests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestURI().getPath().startsWith("/session/login")) {
                send(exchange, 200, "{\"session_token\":\"scripted-token\",\"user_id\":1}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            apiRequests.incrementAndGet();
            reply.write(exchange);
        } catch (IOException e) {
            // the client hung up, which is what several scripts provoke on purpose
        }
    }

    static Reply json(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return exchange -> send(exchange, 200, bytes);
    }

    static Reply json(byte[] body) {
        return exchange -> send(exchange, 200, body);
    }

    /** A 200 without Content-Length (chunked) that streams this many bytes of a JSON array, or forever when < 0. */
    Reply chunkedArray(long totalBytes) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            byte[] element = "{\"type\":\"job_status\",\"job_id\":1,\"message\":{\"status\":\"UPDATING\"}},"
                    .getBytes(StandardCharsets.UTF_8);
            OutputStream out = exchange.getResponseBody();
            out.write('[');
            long sent = 1;
            while (totalBytes < 0 || sent < totalBytes) {
                out.write(element);
                sent += element.length;
                bytesWritten.addAndGet(element.length);
            }
            out.write("{}]".getBytes(StandardCharsets.UTF_8));
            out.close();
        };
    }

    /** A 200 whose body arrives one byte at a time, each after {@code gap}: never idle long enough for a timeout. */
    Reply trickle(String body, Duration gap) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return exchange -> {
            exchange.sendResponseHeaders(200, bytes.length);
            OutputStream out = exchange.getResponseBody();
            for (byte b : bytes) {
                LockSupport.parkNanos(gap.toNanos());
                out.write(b);
                out.flush();
                bytesWritten.incrementAndGet();
            }
            out.close();
        };
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
