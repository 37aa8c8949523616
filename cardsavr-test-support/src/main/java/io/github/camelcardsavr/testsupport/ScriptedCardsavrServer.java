package io.github.camelcardsavr.testsupport;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A CardSavr stand-in whose replies are scripted, for what the simulator will not send: exact bodies and statuses per
 * path, error bodies of any shape, Retry-After on any status, CBC-encrypted or unsigned replies in a signed session,
 * bodies without a length, bodies that never end or trickle in. It records every request it accepted, as it
 * understood it, so tests can assert what went over the wire.
 *
 * <p>Logins always succeed: credentials, session expiry, re-login and a real server's faults are the simulator's
 * business. A {@link #signed()} server checks that a login is signed with its integrator key and agrees a session
 * key with the client by ECDH, then checks the signature of every request of that session and decrypts its body;
 * an {@link #unsigned()} server hands out plain sessions. Every request other than a login needs a session token the
 * server issued and gets the reply scripted for its method and path ({@link #on}), else the fallback
 * ({@link #otherwise}, at first a 404).
 */
public final class ScriptedCardsavrServer implements AutoCloseable {

    public static final String INTEGRATOR_NAME = "scripted-integrator";
    /** Any username and password log in; these are the ones the tests use. */
    public static final String USERNAME = "agent";
    public static final String PASSWORD = "agent-password";

    private static final String LOGIN = "/session/login";
    private static final String TRACE_HEADER = "x-cardsavr-trace";
    private static final String SESSION_HEADER = "x-cardsavr-session-jwt";

    /** How the replies of a signed session go out. */
    public enum SignedReplies {
        /** Successful JSON replies AES-256-GCM encrypted, every reply signed: what CardSavr sends. */
        GCM,
        /** Successful JSON replies in the older SDK's AES-256-CBC form, every reply signed. */
        CBC,
        /** As {@link #GCM} but without the signature headers. */
        WITHOUT_SIGNATURE
    }

    /** A session the server issued; plain sessions have no key. */
    private record Session(byte[] key) {
    }

    private static final Session PLAIN = new Session(null);

    private final SignedWire wire;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "scripted-cardsavr");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, ScriptedReply> routes = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger issuedTokens = new AtomicInteger();
    private final AtomicLong bytesWritten = new AtomicLong();
    private final AtomicLong clientHangUps = new AtomicLong();
    private volatile ScriptedReply otherwise = ScriptedReply.error(404, "NotFound", "path");
    private volatile SignedReplies signedReplies = SignedReplies.GCM;

    private ScriptedCardsavrServer(SignedWire wire) {
        this.wire = wire;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("The scripted CardSavr server could not listen on loopback", e);
        }
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A server with signed sessions, under {@link #INTEGRATOR_NAME} and a random integrator key. */
    public static ScriptedCardsavrServer signed() {
        byte[] integratorKey = new byte[32];
        new SecureRandom().nextBytes(integratorKey);
        return new ScriptedCardsavrServer(new SignedWire(integratorKey, INTEGRATOR_NAME));
    }

    /** A development-instance server: plain login, plain JSON. */
    public static ScriptedCardsavrServer unsigned() {
        return new ScriptedCardsavrServer(null);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Base64 of the integrator key of a signed server. */
    public String integratorKey() {
        if (wire == null) {
            throw new IllegalStateException("An unsigned server has no integrator key");
        }
        return Base64.getEncoder().encodeToString(wire.integratorKey());
    }

    /** A plain session token, as an integrator hands one to a token-mode client. */
    public String issueToken() {
        String token = nextToken();
        sessions.put(token, PLAIN);
        return token;
    }

    /** From now on, {@code method path} gets this reply. */
    public void on(String method, String path, ScriptedReply reply) {
        routes.put(method.toUpperCase(Locale.ROOT) + " " + path, reply);
    }

    /** From now on, requests without a scripted reply get this one. */
    public void otherwise(ScriptedReply reply) {
        otherwise = reply;
    }

    public void signedReplies(SignedReplies form) {
        signedReplies = form;
    }

    /** Every accepted request so far, logins included, in arrival order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public List<RecordedRequest> requestsTo(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).toList();
    }

    public int logins() {
        return requestsTo(LOGIN).size();
    }

    /** Body bytes written by all replies so far (how far a client let an endless body run). */
    public long bytesWritten() {
        return bytesWritten.get();
    }

    /** Replies the client stopped reading before their end. */
    public long clientHangUps() {
        return clientHangUps.get();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getPath();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            Session session = null;
            ScriptedReply reply;
            try {
                if (!headers.containsKey(TRACE_HEADER)) {
                    throw new SignedWire.Refused(400, "MissingTrace", TRACE_HEADER);
                }
                if (path.equals(LOGIN)) {
                    session = wire == null ? PLAIN : new Session(wire.integratorKey());
                    reply = login(method, path, headers, body);
                } else {
                    session = sessions.get(String.valueOf(headers.get(SESSION_HEADER)));
                    if (session == null) {
                        throw new SignedWire.Refused(401, "InvalidSession", "session");
                    }
                    String plain = session.key() == null ? body : wire.open(session.key(), path, headers, body);
                    requests.add(new RecordedRequest(method, path, headers, plain));
                    reply = routes.getOrDefault(method + " " + path, otherwise);
                }
            } catch (SignedWire.Refused refused) {
                reply = ScriptedReply.error(refused.status, refused.name, refused.property);
            }
            send(exchange, path, reply, session == null ? null : session.key());
        } catch (IOException e) {
            // the client hung up, which scripts for oversized, endless and trickling bodies provoke on purpose
            clientHangUps.incrementAndGet();
        }
    }

    private ScriptedReply login(String method, String path, Map<String, String> headers, String body)
            throws SignedWire.Refused {
        String token = nextToken();
        if (wire == null) {
            sessions.put(token, PLAIN);
            requests.add(new RecordedRequest(method, path, headers, body));
            return ScriptedReply.json("{\"session_token\":\"" + token + "\",\"user_id\":1}");
        }
        SignedWire.Login login = wire.login(path, headers, body, token);
        sessions.put(token, new Session(login.sessionKey()));
        requests.add(new RecordedRequest(method, path, headers, login.plainRequest()));
        return ScriptedReply.json(200, login.reply());
    }

    private String nextToken() {
        return "scripted-jwt-" + issuedTokens.incrementAndGet();
    }

    private void send(HttpExchange exchange, String path, ScriptedReply reply, byte[] key) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        reply.headers.forEach(headers::set);
        if (reply.isStreamed()) {
            exchange.sendResponseHeaders(reply.status, reply.streamLength);
            try (OutputStream out = counted(exchange.getResponseBody())) {
                reply.stream.writeTo(out);
            }
            return;
        }
        byte[] body = reply.body;
        SignedReplies form = signedReplies;
        if (key != null && reply.encryptable && reply.status < 400 && body.length > 0) {
            body = wire.seal(form, key, body);
        }
        if (key != null && form != SignedReplies.WITHOUT_SIGNATURE) {
            wire.sign(headers, key, path, body);
        }
        exchange.sendResponseHeaders(reply.status, reply.chunked ? 0 : body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = counted(exchange.getResponseBody())) {
                out.write(body);
            }
        }
    }

    private OutputStream counted(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                bytesWritten.incrementAndGet();
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
                bytesWritten.addAndGet(length);
            }
        };
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    @Override
    public String toString() {
        return "ScriptedCardsavrServer[" + baseUrl() + ", " + (wire == null ? "unsigned" : "signed") + "]";
    }
}
