package io.github.camelcardsavr.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caller that sends its next request from the previous one's response (the job engine does, on the I/O thread)
 * gets the connection that response came on, so the pool holds as many connections as calls are in flight.
 */
class ConnectionReuseTest {

    private static final int CHAINS = 4;
    private static final int CALLS_PER_CHAIN = 15;

    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final ExecutorService serverThreads = Executors.newFixedThreadPool(CHAINS);
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(serverThreads);
        server.createContext("/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void aCallSentFromTheLastOnesResponseReusesItsConnection() throws Exception {
        CardsavrClientConfig config = CardsavrClientConfig.builder()
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .authMode(AuthMode.TOKEN).sessionToken("token").maxConnections(64)
                .responseTimeout(Duration.ofSeconds(10)).build();
        try (HttpTransport transport = new HttpTransport(config)) {
            List<CompletableFuture<Integer>> chains = new ArrayList<>();
            for (int i = 0; i < CHAINS; i++) {
                CompletableFuture<Integer> done = new CompletableFuture<>();
                chain(transport, CALLS_PER_CHAIN, done);
                chains.add(done);
            }
            for (CompletableFuture<Integer> chain : chains) {
                assertThat(chain.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
        }

        // before the response waited for its connection's release, every call sent from a response found all
        // connections taken and the pool opened new ones, up to twice the chains
        assertThat(clientPorts).hasSize(CHAINS);
    }

    private static void chain(HttpTransport transport, int callsLeft, CompletableFuture<Integer> done) {
        transport.send(new OutgoingRequest("GET", "/messages", new String[0], null, null))
                .whenComplete((response, failure) -> {
                    if (failure != null) {
                        done.completeExceptionally(failure);
                    } else if (callsLeft == 1) {
                        done.complete(response.status);
                    } else {
                        // on the I/O thread that completed the call, as the job engine starts its next call
                        chain(transport, callsLeft - 1, done);
                    }
                });
    }
}
