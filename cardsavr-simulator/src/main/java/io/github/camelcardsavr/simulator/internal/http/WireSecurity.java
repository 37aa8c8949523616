package io.github.camelcardsavr.simulator.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.github.camelcardsavr.simulator.ReplyEncryption;
import io.github.camelcardsavr.simulator.internal.ApiProblem;
import io.github.camelcardsavr.simulator.internal.Json;
import io.github.camelcardsavr.simulator.internal.crypto.BodyEncryption;
import io.github.camelcardsavr.simulator.internal.crypto.RequestSignature;
import io.github.camelcardsavr.simulator.internal.state.Session;
import io.github.camelcardsavr.simulator.internal.state.SessionStore;

/**
 * The server side of CardSavr's request security: which key answers a request, session-token checks,
 * signature verification and body decryption. A request must be signed exactly when its session owns a
 * key (signed login); plain sessions (unsigned login, admin-minted tokens) talk plain JSON.
 */
final class WireSecurity {

    static final String SESSION_HEADER = "x-cardsavr-session-jwt";

    private final String authorization;
    private final byte[] integratorKey;
    private final boolean signedMode;
    private final SessionStore sessions;
    private final ReplyEncryption replyEncryption;

    WireSecurity(String integratorName, byte[] integratorKey, boolean signedMode, SessionStore sessions,
            ReplyEncryption replyEncryption) {
        this.authorization = RequestSignature.authorizationFor(integratorName);
        this.integratorKey = integratorKey.clone();
        this.signedMode = signedMode;
        this.sessions = sessions;
        this.replyEncryption = replyEncryption;
    }

    /** The scheme a session whose login body came in {@code loginScheme} is answered in. */
    BodyEncryption.Scheme replySchemeFor(BodyEncryption.Scheme loginScheme) {
        return switch (replyEncryption) {
            case GCM -> BodyEncryption.Scheme.GCM;
            case CBC -> BodyEncryption.Scheme.CBC;
            case SAME_AS_LOGIN -> loginScheme == null ? BodyEncryption.Scheme.GCM : loginScheme;
        };
    }

    String authorization() {
        return authorization;
    }

    byte[] integratorKey() {
        return integratorKey;
    }

    /** A login must be signed in signed mode; in unsigned mode it is signed only if the client chose to. */
    boolean isSignedLogin(ApiRequest request) {
        return signedMode || request.hasSignatureHeaders();
    }

    /**
     * Chooses the key the response is signed with before anything can fail, so every error is signed with
     * the key the client expects: the integrator key for a login, else the session's key, even when that
     * session has just expired (the client must be able to trust the 401 that tells it to log in again).
     */
    void chooseResponseKey(ApiRequest request, boolean isLogin) {
        if (isLogin) {
            if (isSignedLogin(request)) {
                request.responseKey = integratorKey;
                request.encryptResponse = true;
            }
            return;
        }
        Session session = sessions.find(request.header(SESSION_HEADER)).orElse(null);
        if (session != null) {
            request.responseKey = session.key();
            request.encryptResponse = session.isSigned();
            if (session.isSigned()) {
                request.replyScheme = session.replyScheme();
            }
        } else if (request.hasSignatureHeaders()) {
            // Unknown session: the best remaining guess for a signing client.
            request.responseKey = integratorKey;
        }
    }

    /** Session token, liveness, signature, body: every non-login API call passes through here. */
    Session authenticate(ApiRequest request) {
        String token = request.header(SESSION_HEADER);
        if (token == null) {
            throw ApiProblem.invalidSession("Header x-cardsavr-session-jwt is required; log in first");
        }
        Session session = sessions.find(token)
                .orElseThrow(() -> ApiProblem.invalidSession("The session token is not valid; log in again"));
        if (!sessions.isLive(session)) {
            throw ApiProblem.invalidSession("The session has expired or ended; log in again");
        }
        if (session.isSigned()) {
            verifySignature(request, session.key(), "session key");
        }
        request.body = decodeBody(request, session.key());
        request.session = session;
        sessions.touch(session);
        return session;
    }

    /** Checks the three signature headers against {@code key}; 401 InvalidSignature otherwise. */
    void verifySignature(ApiRequest request, byte[] key, String keyName) {
        String presentedAuthorization = request.header(RequestSignature.AUTHORIZATION_HEADER);
        String nonce = request.header(RequestSignature.NONCE_HEADER);
        String signature = request.header(RequestSignature.SIGNATURE_HEADER);
        if (presentedAuthorization == null || nonce == null || signature == null) {
            throw new ApiProblem(401, "InvalidSignature",
                    "The request must be signed (x-cardsavr-authorization, x-cardsavr-nonce, x-cardsavr-signature)",
                    RequestSignature.SIGNATURE_HEADER);
        }
        if (!authorization.equals(presentedAuthorization)) {
            throw new ApiProblem(401, "InvalidSignature",
                    "x-cardsavr-authorization must be '" + RequestSignature.SCHEME_PREFIX + "<integrator name>'"
                            + " with this instance's integrator name",
                    RequestSignature.AUTHORIZATION_HEADER);
        }
        if (!isDigits(nonce)) {
            throw new ApiProblem(401, "InvalidSignature", "x-cardsavr-nonce must be epoch milliseconds",
                    RequestSignature.NONCE_HEADER);
        }
        if (!RequestSignature.verify(key, request.signedPath, presentedAuthorization, nonce, request.rawBody,
                signature)) {
            throw new ApiProblem(401, "InvalidSignature",
                    "The request signature does not match (signed with the " + keyName + ")",
                    RequestSignature.SIGNATURE_HEADER);
        }
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Parses the body, decrypting an {@code encrypted_body} wrapper with {@code key}. */
    Map<String, Object> decodeBody(ApiRequest request, byte[] key) {
        if (request.bodyTooLarge) {
            throw new ApiProblem(413, "PayloadTooLarge", "The request body exceeds " + ApiRequest.MAX_BODY_BYTES
                    + " bytes", null);
        }
        if (request.rawBody.isBlank()) {
            return Map.of();
        }
        Map<String, Object> outer = parse(request.rawBody.getBytes(StandardCharsets.UTF_8));
        Object encrypted = outer.get("encrypted_body");
        if (encrypted == null) {
            return outer;
        }
        if (key == null) {
            throw ApiProblem.badRequest("encrypted_body needs a signed session; this session is plain",
                    "encrypted_body");
        }
        try {
            Map<String, Object> body = parse(BodyEncryption.decrypt(key, String.valueOf(encrypted)));
            request.bodyScheme = BodyEncryption.schemeOf(String.valueOf(encrypted));
            return body;
        } catch (BodyEncryption.UndecryptableBodyException e) {
            throw new ApiProblem(400, "InvalidEncryption", e.getMessage(), "encrypted_body");
        }
    }

    private static Map<String, Object> parse(byte[] json) {
        try {
            return Json.readObject(json);
        } catch (Json.MalformedJsonException e) {
            throw new ApiProblem(400, "InvalidBody", "The request " + e.getMessage(), null);
        }
    }
}
