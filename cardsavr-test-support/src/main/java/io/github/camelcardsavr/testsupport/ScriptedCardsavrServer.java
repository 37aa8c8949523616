package io.github.camelcardsavr.testsupport;

import java.io.IOException;
import java.io.InputStream;
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

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A CardSavr stand-in whose replies are scripted, for what the simulator will not send: exact bodies and statuses per
 * path, error bodies of any shape, Retry-After on any status, CBC-encrypted or unsigned replies in a signed session,
 * bodies without a length, bodies that never end or trickle in, replies with a wrong signature, replayed replies,
 * sessions lost on the server's side. It records every request it accepted, as it understood it, so tests can assert
 * what went over the wire.
 *
 * <p>Logins always succeed: credentials and a real server's faults are the simulator's business. A {@link #signed()}
 * server checks that a login is signed with its integrator key and agrees a session key with the client by ECDH,
 * then checks the signature of every request of that session and decrypts its body; an {@link #unsigned()} server
 * hands out plain sessions. Every request other than a login needs a session token the server knows and gets the
 * reply scripted for its method and path ({@link #on}), else the fallback ({@link #otherwise}, at first a 404).
 * Replies are signed, errors included, with the session's key; a session the server no longer knows
 * ({@link #expireSessions}) gets a 401 signed as {@link #lostSessionReplies} says.
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
        WITHOUT_SIGNATURE,
        /** As {@link #GCM} but signed with a key neither side holds: a forgery. */
        WRONG_SIGNATURE,
        /**
         * As {@link #GCM}, except that a call which already got a signed reply gets that reply again, byte for byte:
         * what someone who recorded it could send.
         */
        REPLAYED
    }

    /** How a signed server answers a signed request of a session it no longer knows: always a 401. */
    public enum LostSessionReplies {
        /** Signed with the integrator key, the only key the server still shares with the client: what CardSavr does. */
        SIGNED_WITH_INTEGRATOR_KEY,
        /** Without signature headers: a server that signs only with the session's key. */
        UNSIGNED
    }

    /** A session the server issued; plain sessions have no key. */
    private record Session(byte[] key) {
    }

    private static final Session PLAIN = new Session(null);

    private final SignedWire wire;
    private final ReplyWriter replies;
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
    private final AtomicLong clientHangUps = new AtomicLong();
    private volatile ScriptedReply otherwise = ScriptedReply.error(404, "NotFound", "path");
    private volatile LostSessionReplies lostSessionReplies = LostSessionReplies.SIGNED_WITH_INTEGRATOR_KEY;

    private ScriptedCardsavrServer(SignedWire wire) {
        this.wire = wire;
        this.replies = new ReplyWriter(wire);
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
        replies.form(form);
    }

    /** From now on, signed replies carry this nonce instead of the current time; null for the current time again. */
    public void fixedNonce(String nonce) {
        replies.fixedNonce(nonce);
    }

    /**
     * Forgets every session issued so far, issued tokens included, as a server whose sessions expired or that
     * restarted: their next call gets a 401 InvalidSession, and the client has to log in again.
     */
    public void expireSessions() {
        sessions.clear();
    }

    public void lostSessionReplies(LostSessionReplies form) {
        lostSessionReplies = form;
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
        return replies.bytesWritten();
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
            String call = method + " " + path;
            // chosen before anything can be refused, so that refusals are signed as the client expects
            byte[] replyKey = null;
            ScriptedReply reply;
            try {
                if (!headers.containsKey(TRACE_HEADER)) {
                    throw new SignedWire.Refused(400, "MissingTrace", TRACE_HEADER);
                }
                if (path.equals(LOGIN)) {
                    replyKey = wire == null ? null : wire.integratorKey();
                    reply = login(method, path, headers, body);
                } else {
                    Session session = sessions.get(String.valueOf(headers.get(SESSION_HEADER)));
                    if (session == null) {
                        replyKey = lostSessionKey(headers);
                        throw new SignedWire.Refused(401, "InvalidSession", "session");
                    }
                    replyKey = session.key();
                    String plain = session.key() == null ? body : wire.open(session.key(), path, headers, body);
                    requests.add(new RecordedRequest(method, path, headers, plain));
                    reply = routes.getOrDefault(call, otherwise);
                }
            } catch (SignedWire.Refused refused) {
                reply = ScriptedReply.error(refused.status, refused.name, refused.property);
            }
            replies.send(exchange, call, path, reply, replyKey);
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

    private byte[] lostSessionKey(Map<String, String> headers) {
        boolean signs = wire != null && lostSessionReplies == LostSessionReplies.SIGNED_WITH_INTEGRATOR_KEY
                && SignedWire.carriesSignature(headers);
        return signs ? wire.integratorKey() : null;
    }

    private String nextToken() {
        return "scripted-jwt-" + issuedTokens.incrementAndGet();
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
