package io.github.camelcardsavr.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.camelcardsavr.client.CardsavrJson;

/**
 * A minimal CardSavr stand-in for client plumbing tests (sessions, retries, faults, limits). It reuses the
 * client's crypto helpers, so it proves wiring, not interoperability: that is what the vectors and the
 * independent simulator are for.
 */
final class StubCardsavrServer implements AutoCloseable {

    static final String INTEGRATOR = "stub-integrator";
    static final String USERNAME = "agent";
    static final String PASSWORD = "agent-password";

    /** How successful responses are altered. */
    enum Tweak { NONE, CBC, BAD_SIGNATURE, NO_SIGNATURE, WRONG_KEY }

    record Recorded(String method, String path, Map<String, String> headers, String body) {
    }

    /** A canned reply; raw replies are sent exactly as given (never encrypted). */
    record Reply(int status, String body, Map<String, String> headers, boolean raw, boolean chunked) {
        static Reply json(int status, String body) {
            return new Reply(status, body, Map.of(), false, false);
        }

        static Reply raw(int status, String body) {
            return new Reply(status, body, Map.of(), true, false);
        }

        static Reply error(int status, String name, String property) {
            return new Reply(status, "{\"_errors\":[{\"name\":\"" + name + "\",\"message\":\"stub\",\"property\":\"" + property + "\"}]}",
                    Map.of(), true, false);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> copy = new java.util.HashMap<>(headers);
            copy.put(name, value);
            return new Reply(status, body, copy, raw, chunked);
        }

        Reply chunkedEncoding() {
            return new Reply(status, body, headers, raw, true);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    final byte[] integratorKey = new byte[32];
    final AtomicInteger logins = new AtomicInteger();
    final List<Recorded> requests = new CopyOnWriteArrayList<>();
    final Map<String, Function<Recorded, Reply>> routes = new ConcurrentHashMap<>();
    volatile Tweak tweak = Tweak.NONE;
    volatile CountDownLatch loginGate = new CountDownLatch(0);

    private final boolean signed;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final Map<String, Optional<ProtocolKey>> sessions = new ConcurrentHashMap<>();
    private final ProtocolKey integrator;

    StubCardsavrServer(boolean signed) throws IOException {
        this.signed = signed;
        RANDOM.nextBytes(integratorKey);
        this.integrator = ProtocolKey.of(integratorKey);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String integratorKeyBase64() {
        return Base64.getEncoder().encodeToString(integratorKey);
    }

    /** A token valid for token mode (no session key). */
    String issueToken() {
        String token = "stub-jwt-" + RANDOM.nextInt(1_000_000);
        sessions.put(token, Optional.empty());
        return token;
    }

    void expireSessions() {
        sessions.clear();
    }

    void on(String method, String path, Function<Recorded, Reply> handler) {
        routes.put(method + " " + path, handler);
    }

    List<Recorded> requestsTo(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            if (!headers.containsKey("x-cardsavr-trace")) {
                send(exchange, path, Reply.error(400, "MissingTrace", "x-cardsavr-trace"), null);
                return;
            }
            if (path.equals("/session/login")) {
                login(exchange, path, body, headers);
                return;
            }
            String token = headers.get("x-cardsavr-session-jwt");
            Optional<ProtocolKey> key = token == null ? null : sessions.get(token);
            if (key == null) {
                send(exchange, path, Reply.error(401, "InvalidSession", "session"), null);
                return;
            }
            String plain = new String(body, StandardCharsets.UTF_8);
            if (signed && key.isPresent()) {
                if (!RequestSigner.verify(key.get(), path, headers.get("x-cardsavr-authorization"),
                        headers.get("x-cardsavr-nonce"), body.length == 0 ? null : body, headers.get("x-cardsavr-signature"))) {
                    send(exchange, path, Reply.error(401, "InvalidSignature", "x-cardsavr-signature"), null);
                    return;
                }
                if (body.length > 0) {
                    String wrapped = CardsavrJson.mapper().readTree(body).get("encrypted_body").asText();
                    plain = new String(BodyCipher.decrypt(key.get(), wrapped), StandardCharsets.UTF_8);
                }
            }
            Recorded recorded = new Recorded(exchange.getRequestMethod(), path, headers, plain);
            requests.add(recorded);
            Function<Recorded, Reply> route = routes.get(exchange.getRequestMethod() + " " + path);
            Reply reply = route == null ? Reply.error(404, "NotFound", "path") : route.apply(recorded);
            send(exchange, path, reply, key.orElse(null));
        }
    }

    private void login(HttpExchange exchange, String path, byte[] body, Map<String, String> headers) throws IOException {
        logins.incrementAndGet();
        try {
            loginGate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        JsonNode request;
        if (signed) {
            if (!RequestSigner.verify(integrator, path, headers.get("x-cardsavr-authorization"), headers.get("x-cardsavr-nonce"),
                    body, headers.get("x-cardsavr-signature"))) {
                send(exchange, path, Reply.error(401, "InvalidSignature", "x-cardsavr-signature"), null);
                return;
            }
            String wrapped = CardsavrJson.mapper().readTree(body).get("encrypted_body").asText();
            request = CardsavrJson.mapper().readTree(BodyCipher.decrypt(integrator, wrapped));
            String expectedProof = PasswordProof.compute(USERNAME, PASSWORD, integratorKey);
            if (!USERNAME.equals(request.path("username").asText()) || !expectedProof.equals(request.path("password_proof").asText())) {
                send(exchange, path, Reply.error(401, "InvalidCredentials", "password_proof"), null);
                return;
            }
            KeyPair serverKeys = EcdhKeyAgreement.generateKeyPair();
            ECPublicKey clientKey = EcdhKeyAgreement.decodePublicKey(request.path("client_public_key").asText(),
                    ((ECPrivateKey) serverKeys.getPrivate()).getParams());
            String token = "stub-jwt-" + RANDOM.nextInt(1_000_000);
            sessions.put(token, Optional.of(ProtocolKey.of(EcdhKeyAgreement.sharedSecret(serverKeys.getPrivate(), clientKey))));
            String reply = "{\"server_public_key\":\"" + EcdhKeyAgreement.encodePublicKey((ECPublicKey) serverKeys.getPublic())
                    + "\",\"session_token\":\"" + token + "\",\"user_id\":1,\"user\":{\"username\":\"agent\"}}";
            send(exchange, path, Reply.json(200, reply), integrator);
        } else {
            request = CardsavrJson.mapper().readTree(body);
            if (!USERNAME.equals(request.path("username").asText()) || !PASSWORD.equals(request.path("password").asText())) {
                send(exchange, path, Reply.error(401, "InvalidCredentials", "password"), null);
                return;
            }
            String token = "stub-jwt-" + RANDOM.nextInt(1_000_000);
            sessions.put(token, Optional.empty());
            send(exchange, path, Reply.json(200, "{\"session_token\":\"" + token + "\",\"user_id\":1}"), null);
        }
    }

    private void send(HttpExchange exchange, String path, Reply reply, ProtocolKey key) throws IOException {
        String body = reply.body() == null ? "" : reply.body();
        boolean sign = signed && key != null;
        if (sign && !reply.raw() && reply.status() < 400 && !body.isEmpty()) {
            ProtocolKey encryptWith = tweak == Tweak.WRONG_KEY ? ProtocolKey.of(new byte[32]) : key;
            body = EncryptedEnvelope.wrap(tweak == Tweak.CBC ? cbc(encryptWith, body) : BodyCipher.encrypt(encryptWith,
                    body.getBytes(StandardCharsets.UTF_8)));
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (sign && tweak != Tweak.NO_SIGNATURE) {
            String authorization = RequestSigner.authorization(INTEGRATOR);
            String nonce = Long.toString(System.currentTimeMillis());
            String signature = RequestSigner.sign(key, path, authorization, nonce, bytes);
            if (tweak == Tweak.BAD_SIGNATURE) {
                signature = RequestSigner.sign(ProtocolKey.of(new byte[32]), path, authorization, nonce, bytes);
            }
            exchange.getResponseHeaders().set("x-cardsavr-authorization", authorization);
            exchange.getResponseHeaders().set("x-cardsavr-nonce", nonce);
            exchange.getResponseHeaders().set("x-cardsavr-signature", signature);
        }
        exchange.sendResponseHeaders(reply.status(), reply.chunked() ? 0 : (bytes.length == 0 ? -1 : bytes.length));
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String cbc(ProtocolKey key, String plain) {
        try {
            byte[] iv = new byte[16];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.aesKey().getEncoded(), "AES"), new IvParameterSpec(iv));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8))) + "$"
                    + Base64.getEncoder().encodeToString(iv);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        loginGate.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
