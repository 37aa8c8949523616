package io.github.camelcardsavr.client;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.github.camelcardsavr.client.CardsavrJson;

/**
 * Puts calls on the wire and takes responses off it for one client. With a protocol key (signed mode) request
 * bodies are encrypted, requests signed, response signatures verified and encrypted responses decrypted; without
 * one (unsigned and token modes) JSON travels as is. Every request carries the trace header.
 */
final class ProtocolCodec {

    static final String TRACE = "x-cardsavr-trace";
    static final String SESSION_JWT = "x-cardsavr-session-jwt";
    static final String CLIENT_APPLICATION = "x-cardsavr-client-application";
    static final String CLIENT_APPLICATION_NAME = "camel-cardsavr";

    private final String basePath;
    private final String traceHeader;
    private final String authorization;

    ProtocolCodec(CardsavrClientConfig config) {
        String path = config.baseUri().getRawPath();
        this.basePath = path == null ? "" : path;
        this.traceHeader = CardsavrJson.toJson(Map.of("key", config.getTraceKey()));
        this.authorization = config.getIntegratorName() == null ? null : RequestSigner.authorization(config.getIntegratorName());
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
        return new OutgoingRequest(call.method, path, headers, body);
    }

    /**
     * The plain response body of a successful call.
     *
     * @throws CardsavrException for an error status (with the given reason), a missing or wrong signature, or an
     *                           encrypted body that cannot be decrypted
     */
    byte[] decode(ApiCall call, RawResponse response, ProtocolKey key, CardsavrException.Reason errorReason) {
        if (response.isError()) {
            // Error bodies are plain JSON; their signature is not checked because a server that no longer knows
            // the session (the usual 401) cannot sign with its key. The status is reported either way.
            throw Failures.fromResponse(call, response, errorReason);
        }
        if (key != null) {
            if (response.signature == null || response.signature.isBlank()) {
                throw badSignature(call, response, "has no x-cardsavr-signature header");
            }
            String path = RequestSigner.decodePath(fullPath(call));
            if (!RequestSigner.verify(key, path, orEmpty(response.authorization), orEmpty(response.nonce),
                    response.body, response.signature)) {
                throw badSignature(call, response, "signature does not match");
            }
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

    private static CardsavrException badSignature(ApiCall call, RawResponse response, String problem) {
        return new CardsavrException(CardsavrException.Reason.BAD_SIGNATURE, call.describe() + " -> " + response.status
                + ": response " + problem);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
