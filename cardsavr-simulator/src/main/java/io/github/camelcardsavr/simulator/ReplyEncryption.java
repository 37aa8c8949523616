package io.github.camelcardsavr.simulator;

/**
 * How a signed session's successful replies are encrypted. A real server answers each client in the
 * scheme it speaks: Strivve's JavaScript SDK sends and reads AES-256-CBC only, its Java SDK AES-256-GCM
 * only. Requests are accepted in either scheme whatever this says.
 */
public enum ReplyEncryption {

    /** The scheme of the session's login body (the default): CBC to a CBC client, GCM to a GCM client. */
    SAME_AS_LOGIN,

    /** {@code <b64 ct+tag>$<b64 12-byte iv>$aes-256-gcm} to every session. */
    GCM,

    /** {@code <b64 ct>$<b64 16-byte iv>} to every session, as an older server would. */
    CBC
}
