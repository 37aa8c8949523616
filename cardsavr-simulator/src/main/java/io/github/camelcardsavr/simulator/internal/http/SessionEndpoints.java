package io.github.camelcardsavr.simulator.internal.http;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelcardsavr.simulator.internal.ApiProblem;
import io.github.camelcardsavr.simulator.internal.crypto.Ecdh;
import io.github.camelcardsavr.simulator.internal.state.Session;
import io.github.camelcardsavr.simulator.internal.state.SessionStore;
import io.github.camelcardsavr.simulator.internal.state.UserDirectory;

/** {@code /session/login}, {@code /session/end}, {@code /session/refresh}. */
final class SessionEndpoints {

    private final WireSecurity security;
    private final SessionStore sessions;
    private final UserDirectory users;

    SessionEndpoints(WireSecurity security, SessionStore sessions, UserDirectory users) {
        this.security = security;
        this.sessions = sessions;
        this.users = users;
    }

    ApiResponse login(ApiRequest request) {
        return security.isSignedLogin(request) ? signedLogin(request) : unsignedLogin(request);
    }

    /** Password proof + ECDH: the session key never travels, both sides derive it. */
    private ApiResponse signedLogin(ApiRequest request) {
        security.verifySignature(request, security.integratorKey(), "integrator key");
        Map<String, Object> body = security.decodeBody(request, security.integratorKey());
        String username = requiredString(body, "username");
        String proof = requiredString(body, "password_proof");
        String clientKey = requiredString(body, "client_public_key");
        UserDirectory.Account account = users.verifyProof(username, proof, security.integratorKey())
                .orElseThrow(SessionEndpoints::badCredentials);
        byte[] sessionKey;
        KeyPair serverKeys = Ecdh.generateKeyPair();
        try {
            PublicKey clientPublic = Ecdh.decodePublicKey(Base64.getDecoder().decode(clientKey));
            sessionKey = Ecdh.sharedSecret(serverKeys.getPrivate(), clientPublic);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw ApiProblem.badRequest("client_public_key must be a base64 P-256 point (65 bytes, 0x04||X||Y)",
                    "client_public_key");
        }
        // The login reply and every later reply of this session speak the scheme the client logged in with.
        request.replyScheme = security.replySchemeFor(request.bodyScheme);
        Session session = sessions.create(account, sessionKey, request.replyScheme);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("server_public_key", Base64.getEncoder().encodeToString(Ecdh.encodeRawPoint(serverKeys.getPublic())));
        reply.put("session_token", session.token());
        reply.put("user_id", account.userId());
        reply.put("user", account.asUserJson());
        return ApiResponse.ok(reply);
    }

    /** Development-instance login: plain username and password (the seed's curl spells it userName). */
    private ApiResponse unsignedLogin(ApiRequest request) {
        Map<String, Object> body = security.decodeBody(request, null);
        Object username = body.containsKey("username") ? body.get("username") : body.get("userName");
        if (username == null || String.valueOf(username).isBlank()) {
            throw ApiProblem.badRequest("username is required", "username");
        }
        String password = requiredString(body, "password");
        UserDirectory.Account account = users.verifyPassword(String.valueOf(username), password)
                .orElseThrow(SessionEndpoints::badCredentials);
        Session session = sessions.createPlain(account);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("session_token", session.token());
        reply.put("user_id", account.userId());
        reply.put("user", account.asUserJson());
        return ApiResponse.ok(reply);
    }

    ApiResponse end(ApiRequest request) {
        Session session = security.authenticate(request);
        session.invalidate();
        return ApiResponse.ok(Map.of());
    }

    ApiResponse refresh(ApiRequest request) {
        Session session = security.authenticate(request);
        return ApiResponse.ok(Map.of("session_token", session.token()));
    }

    private static ApiProblem badCredentials() {
        // Same answer for an unknown user and a wrong password, so neither can be probed.
        return new ApiProblem(401, "InvalidCredentials", "The username or password is not valid", null);
    }

    static String requiredString(Map<String, Object> body, String name) {
        Object value = body.get(name);
        if (value == null || String.valueOf(value).isBlank()) {
            throw ApiProblem.badRequest(name + " is required", name);
        }
        if (!(value instanceof String text)) {
            throw ApiProblem.badRequest(name + " must be a string", name);
        }
        return text;
    }
}
