package io.github.camelcardsavr.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import io.github.camelcardsavr.client.CardsavrJson;

/**
 * Puts calls on the wire and takes responses off it for one client. With a protocol key (signed mode) request
 * bodies are encrypted, requests signed, response signatures verified and encrypted responses decrypted; without
 * one (unsigned and token modes) JSON travels as is. Every request carries the trace header. Signed replies, errors
 * included, are refused when their signature is wrong or repeats one already accepted (a replay).
 */
final class ProtocolCodec {

    static final String TRACE = "x-cardsavr-trace";
    static final String SESSION_JWT = "x-cardsavr-session-jwt";
    static final String CLIENT_APPLICATION = "x-cardsavr-client-application";
    static final String CLIENT_APPLICATION_NAME = "camel-cardsavr";

    private final String basePath;
    private final String traceHeader;
    private final String authorization;
    private final Duration callDeadline;
    private final ProtocolKey integratorKey;
    // replies signed with the integrator key (logins, errors of a server that lost the session) span sessions
    private final ReplayGuard integratorReplies;

    ProtocolCodec(CardsavrClientConfig config) {
        String path = config.baseUri().getRawPath();
        this.basePath = path == null ? "" : path;
        this.traceHeader = CardsavrJson.toJson(Map.of("key", config.getTraceKey()));
        this.authorization = config.getIntegratorName() == null ? null : RequestSigner.authorization(config.getIntegratorName());
        this.callDeadline = config.getResponseTimeout().multipliedBy(HttpTransport.DEADLINE_MULTIPLE);
        this.integratorKey = config.getAuthMode() == AuthMode.SIGNED ? integratorKey(config) : null;
        this.integratorReplies = newReplayGuard();
    }

    private static ProtocolKey integratorKey(CardsavrClientConfig config) {
        byte[] raw = config.integratorKey();
        try {
            return ProtocolKey.of(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** The integrator key in signed mode (login and its reply are signed with it), else null. */
    ProtocolKey integratorKey() {
        return integratorKey;
    }

    ReplayGuard integratorReplies() {
        return integratorReplies;
    }

    /** The memory of accepted replies for a new session. */
    ReplayGuard newReplayGuard() {
        return ReplayGuard.forDeadline(callDeadline);
    }

    /** The path as sent: the base URL's path followed by the call's path. */
    String fullPath(ApiCall call) {
        return basePath.isEmpty() ? call.path : basePath + call.path;
    }

    OutgoingRequest encode(ApiCall call, String sessionToken, ProtocolKey key) {
        String path = fullPath(call);
        boolean signed = key != null;
        int count = 3 + (sessionToken != null ? 1 : 0) + (signed ? 3 : 0) + call.headers.length / 2;
        String[] headers = new String[count * 2];
        int i = 0;
        headers[i++] = TRACE;
        headers[i++] = traceHeader;
        headers[i++] = "Accept";
        headers[i++] = "application/json";
        headers[i++] = CLIENT_APPLICATION;
        headers[i++] = CLIENT_APPLICATION_NAME;
        if (sessionToken != null) {
            headers[i++] = SESSION_JWT;
            headers[i++] = sessionToken;
        }
        for (String header : call.headers) {
            headers[i++] = header;
        }
        byte[] body = call.body;
        if (signed) {
            if (body != null) {
                body = EncryptedEnvelope.wrap(BodyCipher.encrypt(key, body)).getBytes(StandardCharsets.US_ASCII);
            }
            String nonce = Long.toString(System.currentTimeMillis());
            headers[i++] = RawResponse.AUTHORIZATION;
            headers[i++] = authorization;
            headers[i++] = RawResponse.NONCE;
            headers[i++] = nonce;
            headers[i++] = RawResponse.SIGNATURE;
            headers[i++] = RequestSigner.sign(key, RequestSigner.decodePath(path), authorization, nonce, body);
        }
        return new OutgoingRequest(call.method, path, headers, body, call.responseTimeout);
    }

    /**
     * The plain response body of a successful call.
     *
     * @param key      the key replies must be signed with (session or, for the login, integrator key); null when the
     *                 client does not sign (unsigned and token modes)
     * @param accepted the replies already accepted under {@code key}
     * @throws CardsavrException for an error status (with the given reason), a missing, wrong or replayed signature,
     *                           or an encrypted body that cannot be decrypted
     */
    byte[] decode(ApiCall call, RawResponse response, ProtocolKey key, ReplayGuard accepted,
                  CardsavrException.Reason errorReason) {
        if (response.isError()) {
            // Error bodies are plain JSON. A server that no longer knows the session (the usual 401) cannot sign with
            // its key, so an unsigned error is accepted, as unverified; a signature that is present must match.
            if (key == null) {
                throw Failures.fromResponse(call, response, errorReason, false, null);
            }
            if (!isSigned(response)) {
                throw Failures.fromResponse(call, response, errorReason, false, "unsigned reply");
            }
            String repeated = verifyError(call, response, key, accepted);
            throw Failures.fromResponse(call, response, errorReason, repeated == null, repeated);
        }
        if (key != null) {
            if (!isSigned(response)) {
                throw badSignature(call, response, "has no x-cardsavr-signature header");
            }
            if (!matches(key, call, response)) {
                throw badSignature(call, response, "signature does not match");
            }
            admit(call, response, accepted);
        }
        String encrypted = EncryptedEnvelope.extract(response.body);
        if (encrypted == null) {
            return response.body;
        }
        if (key == null) {
            throw new CardsavrException(CardsavrException.Reason.UNDECRYPTABLE_BODY, call.describe() + " -> "
                    + response.status + ": response body is encrypted but the client has no session key (not in SIGNED mode)");
        }
        try {
            return BodyCipher.decrypt(key, encrypted);
        } catch (CardsavrException e) {
            throw e.withMessage(call.describe() + " -> " + response.status + ": " + e.getMessage());
        }
    }

    /**
     * Checks a signed error reply against the call's key or, as a server that no longer knows the session signs with
     * the only key left, the integrator key. One that matches neither is not the server's word and fails as
     * BAD_SIGNATURE (carrying no status, errors or Retry-After that a caller could act on).
     *
     * @return null when the reply is verified; otherwise why it is reported as unverified: plain error bodies of
     *         concurrent identical calls can legitimately be identical, so a repeat is not refused like a repeated
     *         success reply, but it proves nothing either
     */
    private String verifyError(ApiCall call, RawResponse response, ProtocolKey key, ReplayGuard accepted) {
        ReplayGuard guard = null;
        if (matches(key, call, response)) {
            guard = accepted;
        } else if (integratorKey != null && integratorKey != key && matches(integratorKey, call, response)) {
            guard = integratorReplies;
        }
        if (guard != null) {
            String repeated = guard.admit(response.nonce, response.signature);
            return repeated == null ? null : "unverified: the reply " + repeated;
        }
        if (key == integratorKey) {
            // A login refused for a wrong integrator key is signed with the right one, which the client cannot check.
            // Its failure is reported as the login's, unverified; a forged one can only refuse a login, as a dropped
            // connection could.
            return "unverified: its signature does not match the configured integratorKey (is the key right?)";
        }
        throw badSignature(call, response, "is an error reply whose signature "
                + "matches neither the session key nor the integrator key"
                + "; its status is not trusted");
    }

    private boolean matches(ProtocolKey key, ApiCall call, RawResponse response) {
        String path = RequestSigner.decodePath(fullPath(call));
        return RequestSigner.verify(key, path, orEmpty(response.authorization), orEmpty(response.nonce), response.body,
                response.signature);
    }

    private static void admit(ApiCall call, RawResponse response, ReplayGuard accepted) {
        String refused = accepted.admit(response.nonce, response.signature);
        if (refused != null) {
            throw badSignature(call, response, refused);
        }
    }

    private static boolean isSigned(RawResponse response) {
        return response.signature != null && !response.signature.isBlank();
    }

    private static CardsavrException badSignature(ApiCall call, RawResponse response, String problem) {
        return new CardsavrException(CardsavrException.Reason.BAD_SIGNATURE, call.describe() + " -> " + response.status
                + ": response " + problem).fromUntrustedReply(response.status);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
