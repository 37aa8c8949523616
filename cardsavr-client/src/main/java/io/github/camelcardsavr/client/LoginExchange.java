package io.github.camelcardsavr.client;

import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelcardsavr.client.CardsavrJson;
import io.github.camelcardsavr.model.SessionLoginReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /session/login} for the signed and unsigned modes. Signed: an ephemeral P-256 key pair and a
 * password proof, the exchange encrypted and signed with the integrator key, the session key derived by ECDH.
 * Unsigned: username and password in plain JSON.
 */
final class LoginExchange {

    private static final Logger LOG = LoggerFactory.getLogger(LoginExchange.class);

    private final CardsavrClientConfig config;
    private final ProtocolCodec codec;
    private final HttpTransport transport;
    private final ProtocolKey integratorKey;

    LoginExchange(CardsavrClientConfig config, ProtocolCodec codec, HttpTransport transport) {
        this.config = config;
        this.codec = codec;
        this.transport = transport;
        this.integratorKey = codec.integratorKey();
    }

    CompletableFuture<Session> login() {
        return config.getAuthMode() == AuthMode.SIGNED ? signedLogin() : unsignedLogin();
    }

    private CompletableFuture<Session> signedLogin() {
        byte[] rawIntegratorKey = config.integratorKey();
        KeyPair keyPair = EcdhKeyAgreement.generateKeyPair();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", config.getUsername());
        try {
            body.put("password_proof", PasswordProof.compute(config.getUsername(), config.password(), rawIntegratorKey));
        } finally {
            Arrays.fill(rawIntegratorKey, (byte) 0);
        }
        body.put("client_public_key", EcdhKeyAgreement.encodePublicKey((ECPublicKey) keyPair.getPublic()));
        ApiCall call = new ApiCall("login", "POST", CardsavrPaths.LOGIN, CardsavrJson.toJsonBytes(body));
        return send(call, integratorKey, codec.integratorReplies()).thenApply(reply -> {
            try {
                return establish(reply, keyPair, codec.newReplayGuard());
            } catch (CardsavrException e) {
                throw Failures.during(call, e);
            }
        });
    }

    private static Session establish(SessionLoginReply reply, KeyPair keyPair, ReplayGuard acceptedReplies) {
        if (reply.getServerPublicKey() == null || reply.getServerPublicKey().isBlank()) {
            throw new CardsavrException(CardsavrException.Reason.LOGIN_FAILED, "reply has no server_public_key");
        }
        ECPublicKey serverKey = EcdhKeyAgreement.decodePublicKey(reply.getServerPublicKey(),
                ((ECPrivateKey) keyPair.getPrivate()).getParams());
        byte[] secret = EcdhKeyAgreement.sharedSecret(keyPair.getPrivate(), serverKey);
        try {
            return new Session(reply.getSessionToken(), ProtocolKey.of(secret), reply, acceptedReplies);
        } catch (IllegalArgumentException e) {
            throw new CardsavrException(CardsavrException.Reason.LOGIN_FAILED,
                    "ECDH produced a " + secret.length + "-byte secret, expected 32");
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private CompletableFuture<Session> unsignedLogin() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", config.getUsername());
        body.put("password", config.password());
        ApiCall call = new ApiCall("login", "POST", CardsavrPaths.LOGIN, CardsavrJson.toJsonBytes(body));
        return send(call, null, null).thenApply(reply -> new Session(reply.getSessionToken(), null, reply, null));
    }

    private CompletableFuture<SessionLoginReply> send(ApiCall call, ProtocolKey key, ReplayGuard accepted) {
        OutgoingRequest request;
        try {
            request = codec.encode(call, null, key);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(Failures.during(call, e));
        }
        long started = System.nanoTime();
        return transport.send(request).handle((response, failure) -> {
            if (failure != null) {
                throw Failures.during(call, failure);
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} -> {} in {} ms", request.method, request.path, response.status,
                        (System.nanoTime() - started) / 1_000_000);
            }
            SessionLoginReply reply;
            try {
                reply = CardsavrJson.parseLoginReply(codec.decode(call, response, key, accepted, CardsavrException.Reason.LOGIN_FAILED));
            } catch (CardsavrException e) {
                throw Failures.during(call, e);
            }
            if (reply.getSessionToken() == null || reply.getSessionToken().isBlank()) {
                throw loginFailed(call, "reply has no session_token");
            }
            LOG.debug("CardSavr session established ({} mode)", config.getAuthMode());
            return reply;
        });
    }

    private static CardsavrException loginFailed(ApiCall call, String problem) {
        return new CardsavrException(CardsavrException.Reason.LOGIN_FAILED, call.describe() + ": " + problem);
    }
}
