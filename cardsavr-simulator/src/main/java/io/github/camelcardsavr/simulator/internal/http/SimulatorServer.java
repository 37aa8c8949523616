package io.github.camelcardsavr.simulator.internal.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import io.github.camelcardsavr.simulator.ReplyEncryption;
import io.github.camelcardsavr.simulator.internal.engine.JobEngine;
import io.github.camelcardsavr.simulator.internal.state.SessionStore;
import io.github.camelcardsavr.simulator.internal.state.UserDirectory;

/**
 * The JDK HTTP(S) server with a fixed worker pool: requests never create threads, and the pool size bounds
 * the simulator's CPU use next to the client under test.
 */
public final class SimulatorServer {

    /** Lets a burst of benchmark connections queue instead of being refused. */
    private static final int BACKLOG = 1024;

    private final HttpServer server;
    private final ExecutorService workers;

    private SimulatorServer(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /** Everything the API needs; built by the public facade. */
    public record Wiring(String integratorName, byte[] integratorKey, boolean signedMode,
            ReplyEncryption replyEncryption, SessionStore sessions,
            UserDirectory users, JobEngine engine, FaultState faults, RequestCounter counter,
            ScheduledExecutorService scheduler, AdminHandler admin) {
    }

    public static SimulatorServer start(String host, int port, SSLContext tls, int workerThreads, Wiring wiring) {
        ExecutorService workers = Executors.newFixedThreadPool(workerThreads, daemonThreads("cardsavr-sim-http-"));
        try {
            InetSocketAddress address = new InetSocketAddress(host, port);
            HttpServer server;
            if (tls != null) {
                HttpsServer https = HttpsServer.create(address, BACKLOG);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
            } else {
                server = HttpServer.create(address, BACKLOG);
            }
            WireSecurity security = new WireSecurity(wiring.integratorName(), wiring.integratorKey(),
                    wiring.signedMode(), wiring.sessions(), wiring.replyEncryption());
            ApiRoutes routes = new ApiRoutes(new SessionEndpoints(security, wiring.sessions(), wiring.users()),
                    new MessagingEndpoints(security, wiring.engine()), wiring.faults());
            ApiHandler api = new ApiHandler(routes, security, new ResponseWriter(security, wiring.faults(), wiring.counter()),
                    wiring.faults(), wiring.counter(), wiring.scheduler(), workers);
            server.createContext("/", api);
            server.createContext("/_simulator", wiring.admin());
            server.setExecutor(workers);
            server.start();
            return new SimulatorServer(server, workers);
        } catch (IOException e) {
            workers.shutdownNow();
            throw new UncheckedIOException("Could not listen on " + host + ":" + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
        workers.shutdownNow();
    }

    public static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
