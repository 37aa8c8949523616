package io.github.camelcardsavr.simulator;

import java.lang.System.Logger.Level;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import io.github.camelcardsavr.simulator.internal.crypto.SelfSignedCertificate;
import io.github.camelcardsavr.simulator.internal.engine.JobEngine;
import io.github.camelcardsavr.simulator.internal.http.AdminHandler;
import io.github.camelcardsavr.simulator.internal.http.FaultState;
import io.github.camelcardsavr.simulator.internal.http.RequestCounter;
import io.github.camelcardsavr.simulator.internal.http.SimulatorServer;
import io.github.camelcardsavr.simulator.internal.state.AdjustableClock;
import io.github.camelcardsavr.simulator.internal.state.SessionStore;
import io.github.camelcardsavr.simulator.internal.state.UserDirectory;

/**
 * An embeddable CardSavr API double: signed (ECDH, HMAC, AES-GCM) and unsigned sessions, the messaging
 * endpoints with destructive per-channel queues, scripted jobs, an admin API and fault switches.
 *
 * <pre>{@code
 * try (CardsavrSimulator sim = CardsavrSimulator.builder().stepDelay(Duration.ofMillis(5)).start()) {
 *     CreatedJob job = sim.admin().createJob("tfa", null);
 *     // point a client at sim.getBaseUrl() with sim.getIntegratorName() / sim.getIntegratorKey()
 * }
 * }</pre>
 */
public final class CardsavrSimulator implements AutoCloseable {

    static {
        // Without TCP_NODELAY the JDK server's small responses wait ~40 ms on delayed ACKs; must be set
        // before the JDK's server configuration class loads.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final System.Logger LOG = System.getLogger("io.github.camelcardsavr.simulator");

    private final Builder config;
    private final byte[] integratorKey;
    private SimulatorServer server;
    private SimulatorServer.Wiring wiring;
    private int boundPort;
    private boolean serverStopped;
    private ScheduledThreadPoolExecutor scheduler;
    private SimulatorAdmin admin;
    private SelfSignedCertificate certificate;

    private CardsavrSimulator(Builder config) {
        this.config = config.copy();
        this.integratorKey = config.integratorKey.clone();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the server and the job scheduler; returns this. Starting a started simulator does nothing. */
    public synchronized CardsavrSimulator start() {
        if (server != null || serverStopped) {
            return this;
        }
        AdjustableClock clock = new AdjustableClock(config.clock);
        scheduler = new ScheduledThreadPoolExecutor(2, SimulatorServer.daemonThreads("cardsavr-sim-jobs-"));
        scheduler.setRemoveOnCancelPolicy(true);
        SessionStore sessions = new SessionStore(clock, config.sessionTimeout.toMillis());
        UserDirectory users = new UserDirectory(config.users.isEmpty()
                ? Map.of(Builder.DEFAULT_USERNAME, Builder.DEFAULT_PASSWORD) : config.users);
        JobEngine engine = new JobEngine(clock, scheduler, config.stepDelay.toMillis(),
                config.credentialRequestTimeout.toMillis(), config.retention.toMillis());
        FaultState faultState = new FaultState();
        RequestCounter counter = new RequestCounter();
        Faults faults = new Faults(faultState, sessions, engine, counter);
        admin = new SimulatorAdmin(engine, sessions, users, clock, counter, faults);
        certificate = config.https ? SelfSignedCertificate.generate(config.host) : null;
        wiring = new SimulatorServer.Wiring(config.integratorName, integratorKey, config.signed,
                config.replyEncryption, sessions, users,
                engine, faultState, counter, scheduler, new AdminHandler(admin, this::describe));
        try {
            server = SimulatorServer.start(config.host, config.port,
                    certificate == null ? null : certificate.serverContext(), config.workerThreads, wiring);
        } catch (RuntimeException e) {
            scheduler.shutdownNow();
            throw e;
        }
        boundPort = server.port();
        long sweepMillis = sweepPeriodMillis();
        scheduler.scheduleAtFixedRate(() -> sweep(engine, sessions), sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
        LOG.log(Level.DEBUG, () -> "CardSavr simulator listening on " + getBaseUrl());
        return this;
    }

    /** Stops the server, the jobs and the sweeper. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        server = null;
        serverStopped = false;
        wiring = null;
    }

    /** True while the simulator accepts connections. */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * Closes the listening socket and every open connection, as an outage or a server restart would, but
     * keeps all state (jobs keep running, sessions, channels and queued messages survive). Clients get
     * connection errors until {@link #startServer()}.
     */
    public synchronized void stopServer() {
        if (server == null) {
            throw new IllegalStateException("The simulator is not listening");
        }
        server.stop();
        server = null;
        serverStopped = true;
    }

    /** Listens again, on the same port, after {@link #stopServer()}. */
    public synchronized void startServer() {
        if (!serverStopped) {
            throw new IllegalStateException("startServer() follows stopServer(); use start() for a new simulator");
        }
        server = SimulatorServer.start(config.host, boundPort,
                certificate == null ? null : certificate.serverContext(), config.workerThreads, wiring);
        serverStopped = false;
    }

    /** e.g. {@code http://127.0.0.1:54321}; the simulator must be started. */
    public String getBaseUrl() {
        String host = config.host.equals("0.0.0.0") ? "127.0.0.1" : config.host;
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return (config.https ? "https" : "http") + "://" + host + ":" + getPort();
    }

    public synchronized int getPort() {
        if (boundPort == 0 || (server == null && !serverStopped)) {
            throw new IllegalStateException("The simulator is not running; call start() first");
        }
        return boundPort;
    }

    public String getHost() {
        return config.host;
    }

    public String getIntegratorName() {
        return config.integratorName;
    }

    /** The integrator key, base64 of 32 bytes: a secret, hand it to the client under test only. */
    public String getIntegratorKey() {
        return Base64.getEncoder().encodeToString(integratorKey);
    }

    public boolean isSigned() {
        return config.signed;
    }

    public boolean isHttps() {
        return config.https;
    }

    public ReplyEncryption getReplyEncryption() {
        return config.replyEncryption;
    }

    public Duration getStepDelay() {
        return config.stepDelay;
    }

    public synchronized SimulatorAdmin admin() {
        if (admin == null) {
            throw new IllegalStateException("The simulator is not started; call start() first");
        }
        return admin;
    }

    /** The self-signed certificate of an {@code https(true)} simulator, generated at start. */
    public synchronized X509Certificate getCertificate() {
        return requireCertificate().certificate();
    }

    /** The certificate as PEM text, e.g. to write a trust file for another process. */
    public synchronized String getCertificatePem() {
        return requireCertificate().toPem();
    }

    /** A PKCS12 trust store (no password needed to read it) holding only the simulator certificate. */
    public synchronized KeyStore getTrustStore() {
        return requireCertificate().trustStore();
    }

    /** A client TLS context that trusts exactly the simulator certificate. */
    public synchronized SSLContext getClientSslContext() {
        return requireCertificate().clientContext();
    }

    @Override
    public String toString() {
        return "CardsavrSimulator[" + (isRunning() ? getBaseUrl() : "not listening") + ", integrator="
                + config.integratorName + ", " + (config.signed ? "signed" : "unsigned") + "]";
    }

    private SelfSignedCertificate requireCertificate() {
        if (!config.https) {
            throw new IllegalStateException("No certificate: this simulator was not built with https(true)");
        }
        if (certificate == null) {
            throw new IllegalStateException("The certificate is generated at start; call start() first");
        }
        return certificate;
    }

    private Map<String, Object> describe() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("base_url", getBaseUrl());
        info.put("integrator_name", config.integratorName);
        info.put("signed", config.signed);
        info.put("https", config.https);
        info.put("reply_encryption", config.replyEncryption.name().toLowerCase(java.util.Locale.ROOT));
        info.put("step_delay_ms", config.stepDelay.toMillis());
        info.put("sites", SimulatorSites.ALL);
        info.put("now", admin.now().toString());
        return info;
    }

    /** Expiry and retention are checked often enough for short test timeouts, at most once a second. */
    private long sweepPeriodMillis() {
        long shortest = Math.min(config.credentialRequestTimeout.toMillis(), config.retention.toMillis());
        return Math.max(10, Math.min(1000, shortest / 10));
    }

    private static void sweep(JobEngine engine, SessionStore sessions) {
        try {
            engine.sweep();
            sessions.purge();
        } catch (RuntimeException e) {
            // A failing sweep must not cancel the periodic task; report the type only.
            LOG.log(Level.WARNING, () -> "Simulator sweep failed: " + e.getClass().getName());
        }
    }

    /** Settings of a simulator; every one has a default. */
    public static final class Builder {
        static final String DEFAULT_USERNAME = "agent";
        static final String DEFAULT_PASSWORD = "agent-password";

        private String host = "127.0.0.1";
        private int port;
        private String integratorName = "camel-cardsavr-sim";
        private byte[] integratorKey = randomKey();
        private final Map<String, String> users = new LinkedHashMap<>();
        private boolean signed = true;
        private boolean https;
        private ReplyEncryption replyEncryption = ReplyEncryption.SAME_AS_LOGIN;
        private Duration stepDelay = Duration.ofSeconds(1);
        private Duration credentialRequestTimeout = Duration.ofMinutes(4);
        private Duration retention = Duration.ofHours(1);
        private Duration sessionTimeout = Duration.ofHours(2);
        private Clock clock = Clock.systemUTC();
        private int workerThreads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

        private Builder() {
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        public Builder host(String host) {
            this.host = requireText(host, "host");
            return this;
        }

        public Builder integratorName(String integratorName) {
            this.integratorName = requireText(integratorName, "integratorName");
            return this;
        }

        /** Base64 of exactly 32 bytes (AES-256 / HMAC-SHA256 key). */
        public Builder integratorKey(String base64) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(requireText(base64, "integratorKey").trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("integratorKey must be base64", null);
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("integratorKey must decode to 32 bytes, was " + key.length);
            }
            this.integratorKey = key;
            return this;
        }

        /** Adds an agent account; without any, the simulator knows "agent" / "agent-password". */
        public Builder user(String username, String password) {
            users.put(requireText(username, "username"), requireText(password, "password"));
            return this;
        }

        /** False: unsigned development mode, plain login and plain JSON (signed clients still work). */
        public Builder signed(boolean signed) {
            this.signed = signed;
            return this;
        }

        /** True: HTTPS with a self-signed certificate generated at start (see {@link #getCertificate()}). */
        public Builder https(boolean https) {
            this.https = https;
            return this;
        }

        /**
         * How signed sessions' replies are encrypted: {@link ReplyEncryption#SAME_AS_LOGIN} (the default, as a
         * real server answers each client in its own scheme), or always GCM, or always CBC.
         */
        public Builder replyEncryption(ReplyEncryption replyEncryption) {
            this.replyEncryption = Objects.requireNonNull(replyEncryption, "replyEncryption");
            return this;
        }

        /** Time between automatic job steps; 1 s by default, ~5 ms in tests. */
        public Builder stepDelay(Duration stepDelay) {
            this.stepDelay = requireNonNegative(stepDelay, "stepDelay");
            return this;
        }

        public Builder credentialRequestTimeout(Duration timeout) {
            this.credentialRequestTimeout = requirePositive(timeout, "credentialRequestTimeout");
            return this;
        }

        /** How long an unpolled message waits in a channel; 1 hour by default. */
        public Builder retention(Duration retention) {
            this.retention = requirePositive(retention, "retention");
            return this;
        }

        /** Idle time after which a session answers 401 InvalidSession; 2 hours by default. */
        public Builder sessionTimeout(Duration sessionTimeout) {
            this.sessionTimeout = requirePositive(sessionTimeout, "sessionTimeout");
            return this;
        }

        /** The clock for retention, expiry and session idle time; {@link SimulatorAdmin#advanceClock} moves it. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder workerThreads(int workerThreads) {
            if (workerThreads < 1) {
                throw new IllegalArgumentException("workerThreads must be >= 1, was " + workerThreads);
            }
            this.workerThreads = workerThreads;
            return this;
        }

        public CardsavrSimulator build() {
            return new CardsavrSimulator(this);
        }

        public CardsavrSimulator start() {
            return build().start();
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.host = host;
            copy.port = port;
            copy.integratorName = integratorName;
            copy.integratorKey = integratorKey.clone();
            copy.users.putAll(users);
            copy.signed = signed;
            copy.https = https;
            copy.replyEncryption = replyEncryption;
            copy.stepDelay = stepDelay;
            copy.credentialRequestTimeout = credentialRequestTimeout;
            copy.retention = retention;
            copy.sessionTimeout = sessionTimeout;
            copy.clock = clock;
            copy.workerThreads = workerThreads;
            return copy;
        }

        @Override
        public String toString() {
            return "CardsavrSimulator.Builder[host=" + host + ", port=" + port + ", integratorName=" + integratorName
                    + ", integratorKey=****, users=" + users.keySet() + ", signed=" + signed + ", https=" + https
                    + ", replyEncryption=" + replyEncryption + ", stepDelay=" + stepDelay + "]";
        }

        private static byte[] randomKey() {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return key;
        }

        private static String requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }

        private static Duration requirePositive(Duration value, String name) {
            if (value == null || value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
            }
            return value;
        }

        private static Duration requireNonNegative(Duration value, String name) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, was " + value);
            }
            return value;
        }
    }
}
