package io.github.camelcardsavr.simulator;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A tiny CardSavr client for the simulator's own tests, on raw {@link HttpClient} and JDK crypto only. It
 * deliberately does not reuse the simulator's crypto classes, so a bug there cannot hide behind the same
 * bug here (the published vectors pin both).
 */
final class RawCardsavrClient {

    static final String TRACE = "{\"key\":\"simulator-test\"}";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http;
    private final String baseUrl;
    private final String authorization;
    private final byte[] integratorKey;
    private volatile String sessionToken;
    private volatile byte[] sessionKey;
    private volatile boolean cbc;

    RawCardsavrClient(String baseUrl, String integratorName, String integratorKeyBase64, SSLContext tls) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5));
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
        this.baseUrl = baseUrl;
        this.authorization = "SWCH-HMAC-SHA256 Credentials=" + integratorName;
        this.integratorKey = Base64.getDecoder().decode(integratorKeyBase64);
    }

    static RawCardsavrClient of(CardsavrSimulator simulator) {
        return new RawCardsavrClient(simulator.getBaseUrl(), simulator.getIntegratorName(),
                simulator.getIntegratorKey(), simulator.isHttps() ? simulator.getClientSslContext() : null);
    }

    String sessionToken() {
        return sessionToken;
    }

    byte[] sessionKey() {
        return sessionKey;
    }

    /**
     * Encrypts request bodies in AES-256-CBC, as Strivve's JavaScript SDK does, instead of GCM. Replies are
     * read in either scheme; {@link Reply#encryption()} tells which one the simulator chose.
     */
    RawCardsavrClient speakingCbc() {
        this.cbc = true;
        return this;
    }

    /** Use a session token (admin-minted or from another login) for plain requests. */
    RawCardsavrClient useToken(String token) {
        this.sessionToken = token;
        this.sessionKey = null;
        return this;
    }

    Reply signedLogin(String username, String password) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            byte[] salt = MessageDigest.getInstance("SHA-256").digest(username.getBytes(StandardCharsets.UTF_8));
            byte[] passwordKey = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 5000, 256)).getEncoded();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("username", username);
            body.put("password_proof", b64(hmac(passwordKey, integratorKey)));
            body.put("client_public_key", b64(rawPoint(keys.getPublic())));
            Reply reply = send("POST", "/session/login", encrypt(integratorKey, body), integratorKey,
                    Map.of(), true);
            if (reply.status() == 200) {
                Map<String, Object> json = reply.map();
                KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
                agreement.init(keys.getPrivate());
                agreement.doPhase(pointToKey(Base64.getDecoder().decode((String) json.get("server_public_key"))), true);
                this.sessionKey = agreement.generateSecret();
                this.sessionToken = (String) json.get("session_token");
            }
            return reply;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    Reply unsignedLogin(String username, String password) {
        Reply reply = send("POST", "/session/login", json(Map.of("username", username, "password", password)), null,
                Map.of(), false);
        if (reply.status() == 200) {
            this.sessionKey = null;
            this.sessionToken = (String) reply.map().get("session_token");
        }
        return reply;
    }

    Reply get(String path) {
        return call("GET", path, null, Map.of());
    }

    Reply get(String path, Map<String, String> headers) {
        return call("GET", path, null, headers);
    }

    Reply post(String path, Object body) {
        return call("POST", path, body, Map.of());
    }

    Reply put(String path, Object body, Map<String, String> headers) {
        return call("PUT", path, body, headers);
    }

    /** A session call: encrypted and signed with the session key in a signed session, plain otherwise. */
    Reply call(String method, String path, Object body, Map<String, String> headers) {
        return join(callAsync(method, path, body, headers));
    }

    CompletableFuture<Reply> callAsync(String method, String path, Object body, Map<String, String> headers) {
        byte[] key = sessionKey;
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (sessionToken != null) {
            all.put("x-cardsavr-session-jwt", sessionToken);
        }
        String wire = body == null ? "" : key != null ? encrypt(key, body) : json(body);
        return sendAsync(method, path, wire, key, all, key != null);
    }

    Reply send(String method, String path, String wireBody, byte[] key, Map<String, String> headers, boolean sign) {
        return join(sendAsync(method, path, wireBody, key, headers, sign));
    }

    /** Lowest level: exactly this body, signed with {@code key} when {@code sign}; the reply is checked with key. */
    CompletableFuture<Reply> sendAsync(String method, String path, String wireBody, byte[] key,
            Map<String, String> headers, boolean sign) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(20))
                .header("content-type", "application/json")
                .header("x-cardsavr-trace", TRACE)
                .method(method, wireBody.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(wireBody));
        headers.forEach(request::header);
        if (sign) {
            String nonce = Long.toString(System.currentTimeMillis());
            request.header("x-cardsavr-authorization", authorization)
                    .header("x-cardsavr-nonce", nonce)
                    .header("x-cardsavr-signature", signature(key, path, authorization, nonce, wireBody));
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> Reply.of(response.statusCode(), response.headers(), response.body(), key, path));
    }

    static String signature(byte[] key, String path, String authorization, String nonce, String body) {
        return b64(hmac(key, (path + authorization + nonce + body).getBytes(StandardCharsets.UTF_8)));
    }

    private String encrypt(byte[] key, Object body) {
        return cbc ? cbcEncryptedBody(key, body) : encryptedBody(key, body);
    }

    static String encryptedBody(byte[] key, Object body) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            byte[] ct = cipher.doFinal(json(body).getBytes(StandardCharsets.UTF_8));
            return json(Map.of("encrypted_body", b64(ct) + "$" + b64(iv) + "$aes-256-gcm"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JS SDK's CBC form, which the simulator must accept (and answer in, to a CBC session). */
    static String cbcEncryptedBody(byte[] key, Object body) {
        try {
            byte[] iv = new byte[16];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            byte[] ct = cipher.doFinal(json(body).getBytes(StandardCharsets.UTF_8));
            return json(Map.of("encrypted_body", b64(ct) + "$" + b64(iv)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] rawPoint(PublicKey key) {
        ECPoint w = ((ECPublicKey) key).getW();
        byte[] out = new byte[65];
        out[0] = 4;
        put32(w.getAffineX(), out, 1);
        put32(w.getAffineY(), out, 33);
        return out;
    }

    private static void put32(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray();
        int from = Math.max(0, bytes.length - 32);
        System.arraycopy(bytes, from, out, offset + 32 - (bytes.length - from), bytes.length - from);
    }

    private static PublicKey pointToKey(byte[] raw) throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(raw, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(raw, 33, 65)));
        return KeyFactory.getInstance("EC").generatePublic(
                new ECPublicKeySpec(point, parameters.getParameterSpec(ECParameterSpec.class)));
    }

    private static Reply join(CompletableFuture<Reply> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
