package io.github.camelcardsavr.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import io.github.camelcardsavr.simulator.internal.crypto.BodyEncryption;
import io.github.camelcardsavr.simulator.internal.crypto.Ecdh;
import io.github.camelcardsavr.simulator.internal.crypto.RequestSignature;

/**
 * The server side of a signed session, built on the simulator's crypto so that the client under test is checked
 * against an implementation it shares no code with: request signatures, {@code encrypted_body} in both directions,
 * the ECDH key agreement of a signed login, and response signatures.
 */
final class SignedWire {

    /** A request that cannot be accepted; the server answers it with this status and error name. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String name;
        final String property;

        Refused(int status, String name, String property) {
            super(name);
            this.status = status;
            this.name = name;
            this.property = property;
        }
    }

    /** A signed login: the client's request in plain text, the session key both sides derived, the reply. */
    record Login(String plainRequest, byte[] sessionKey, byte[] reply) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] integratorKey;
    private final String authorization;

    SignedWire(byte[] integratorKey, String integratorName) {
        this.integratorKey = integratorKey.clone();
        this.authorization = RequestSignature.authorizationFor(integratorName);
    }

    byte[] integratorKey() {
        return integratorKey.clone();
    }

    /** Checks a login signed with the integrator key and answers it with a fresh ECDH session key. */
    Login login(String path, Map<String, String> headers, String body, String token) throws Refused {
        String plain = open(integratorKey, path, headers, body);
        JsonNode request = parse(plain);
        KeyPair serverKeys = Ecdh.generateKeyPair();
        byte[] sessionKey;
        try {
            sessionKey = Ecdh.sharedSecret(serverKeys.getPrivate(),
                    Ecdh.decodePublicKey(Base64.getDecoder().decode(request.path("client_public_key").asText())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Refused(400, "InvalidClientPublicKey", "client_public_key");
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("server_public_key", Base64.getEncoder().encodeToString(Ecdh.encodeRawPoint(serverKeys.getPublic())));
        reply.put("session_token", token);
        reply.put("user_id", 1);
        reply.put("user", Map.of("username", request.path("username").asText()));
        return new Login(plain, sessionKey, write(reply));
    }

    /** Verifies a request signed with {@code key} and returns its body in plain text. */
    String open(byte[] key, String path, Map<String, String> headers, String body) throws Refused {
        if (!authorization.equals(headers.get(RequestSignature.AUTHORIZATION_HEADER))
                || !RequestSignature.verify(key, path, headers.get(RequestSignature.AUTHORIZATION_HEADER),
                        headers.get(RequestSignature.NONCE_HEADER), body, headers.get(RequestSignature.SIGNATURE_HEADER))) {
            throw new Refused(401, "InvalidSignature", RequestSignature.SIGNATURE_HEADER);
        }
        if (body.isEmpty()) {
            return body;
        }
        JsonNode wrapped = parse(body).get("encrypted_body");
        if (wrapped == null) {
            return body;
        }
        try {
            return BodyEncryption.decryptToString(key, wrapped.asText());
        } catch (BodyEncryption.UndecryptableBodyException e) {
            throw new Refused(400, "InvalidEncryption", "encrypted_body");
        }
    }

    /** {@code {"encrypted_body":...}} holding {@code plain} in the given form. */
    byte[] seal(ScriptedCardsavrServer.SignedReplies form, byte[] key, byte[] plain) {
        String encrypted = form == ScriptedCardsavrServer.SignedReplies.CBC ? cbc(key, plain) : BodyEncryption.encryptGcm(key, plain);
        return ("{\"encrypted_body\":\"" + encrypted + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** Signs a reply; with a null {@code fixedNonce} the nonce is the current time, as a real server's. */
    void sign(Headers headers, byte[] key, String path, byte[] body, String fixedNonce) {
        String nonce = fixedNonce != null ? fixedNonce : Long.toString(System.currentTimeMillis());
        headers.set(RequestSignature.AUTHORIZATION_HEADER, authorization);
        headers.set(RequestSignature.NONCE_HEADER, nonce);
        headers.set(RequestSignature.SIGNATURE_HEADER, RequestSignature.sign(key, path, authorization, nonce,
                new String(body, StandardCharsets.UTF_8)));
    }

    /** A key neither side holds: what a forger who knows the scheme but not the keys signs with. */
    static byte[] strangerKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    /** Whether a request came signed, so that its sender expects a signed reply even from a server that lost it. */
    static boolean carriesSignature(Map<String, String> headers) {
        return headers.containsKey(RequestSignature.SIGNATURE_HEADER);
    }

    /** The older JS SDK's form, {@code <b64 ct>$<b64 16-byte iv>}, which the simulator only ever reads. */
    private static String cbc(byte[] key, byte[] plain) {
        byte[] iv = new byte[16];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plain)) + "$" + Base64.getEncoder().encodeToString(iv);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is available in every JDK", e);
        }
    }

    private static byte[] write(Map<String, Object> reply) {
        try {
            return JSON.writeValueAsBytes(reply);
        } catch (IOException e) {
            throw new IllegalStateException("A login reply of strings and numbers cannot fail to serialise", e);
        }
    }

    private static JsonNode parse(String json) throws Refused {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new Refused(400, "InvalidBody", "body");
        }
    }
}
