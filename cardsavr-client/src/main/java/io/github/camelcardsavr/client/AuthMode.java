package io.github.camelcardsavr.client;

/** How the client authenticates and protects its requests. */
public enum AuthMode {
    /** ECDH login with a password proof; every request and response signed (HMAC-SHA256) and encrypted (AES-256-GCM). */
    SIGNED,
    /** Plain login with username and password, plain JSON afterwards (development instances). */
    UNSIGNED,
    /** A caller-supplied session token; plain JSON, no login. */
    TOKEN
}
