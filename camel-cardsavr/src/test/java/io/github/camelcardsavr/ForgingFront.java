package io.github.camelcardsavr;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A reverse proxy on loopback in front of a simulator: it forwards every call unchanged, records the broadcast polls,
 * and on demand answers the next broadcast polls itself with an unsigned {@code 401 InvalidAccessKey}, as anyone on
 * the network path could.
 */
final class ForgingFront implements AutoCloseable {

    /** One broadcast poll as it passed the front. */
    record Poll(String accessKey, int status, boolean forged) {
    }

    static final String FORGED_REJECTION =
            "{\"_errors\":[{\"name\":\"InvalidAccessKey\",\"message\":\"forged\",\"property\":\"access_key\"}]}";

    // java.net.http sets these itself, and the JDK server those of the reply
    private static final Set<String> NOT_COPIED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "date");

    private final URI target;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(8);
    private final HttpClient upstream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Poll> polls = new CopyOnWriteArrayList<>();
    private final AtomicInteger toForge = new AtomicInteger();
    private volatile Runnable beforeForgedReply = () -> { };

    ForgingFront(String targetBaseUrl) throws IOException {
        this.target = URI.create(targetBaseUrl);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers the next {@code count} broadcast polls with a forged rejection, running the action before each. */
    void forgeNextBroadcastPolls(int count, Runnable beforeEachReply) {
        this.beforeForgedReply = beforeEachReply;
        toForge.set(count);
    }

    List<Poll> polls() {
        return List.copyOf(polls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String pathAndQuery = exchange.getRequestURI().getRawPath()
                                  + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            boolean broadcastPoll = exchange.getRequestMethod().equals("GET") && pathAndQuery.endsWith("/broadcasts");
            String accessKey = exchange.getRequestHeaders().getFirst("cardsavr-messaging-access-key");
            if (broadcastPoll && toForge.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                beforeForgedReply.run();
                polls.add(new Poll(accessKey, 401, true));
                reply(exchange, 401, FORGED_REJECTION.getBytes(StandardCharsets.UTF_8));
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(pathAndQuery))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_COPIED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response = upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (broadcastPoll) {
                polls.add(new Poll(accessKey, response.statusCode(), false));
            }
            response.headers().map().forEach((name, values) -> {
                if (!NOT_COPIED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            reply(exchange, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
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
