package io.github.camelcardsavr.client;

/** A received response: status, the body as received, and the few headers the protocol needs. */
final class RawResponse {

    static final String SIGNATURE = "x-cardsavr-signature";
    static final String AUTHORIZATION = "x-cardsavr-authorization";
    static final String NONCE = "x-cardsavr-nonce";
    static final String RETRY_AFTER = "Retry-After";

    final int status;
    final byte[] body;
    final String signature;
    final String authorization;
    final String nonce;
    final String retryAfter;

    RawResponse(int status, byte[] body, String signature, String authorization, String nonce, String retryAfter) {
        this.status = status;
        this.body = body;
        this.signature = signature;
        this.authorization = authorization;
        this.nonce = nonce;
        this.retryAfter = retryAfter;
    }

    boolean isError() {
        return status >= 400;
    }
}
