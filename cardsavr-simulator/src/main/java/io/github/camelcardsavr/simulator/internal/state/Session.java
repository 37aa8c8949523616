package io.github.camelcardsavr.simulator.internal.state;

import io.github.camelcardsavr.simulator.internal.crypto.BodyEncryption;

/**
 * One logged-in session. A session made by a signed login owns an ECDH session key and must then sign and
 * encrypt; sessions from an unsigned login or minted by the admin API have no key and talk plain JSON.
 */
public final class Session {

    private final String id;
    private final String username;
    private final long userId;
    private final String token;
    private final byte[] key;
    private final BodyEncryption.Scheme replyScheme;
    private volatile long lastSeenMillis;
    private volatile boolean invalidated;

    Session(String id, String username, long userId, String token, byte[] key, BodyEncryption.Scheme replyScheme,
            long nowMillis) {
        this.id = id;
        this.username = username;
        this.userId = userId;
        this.token = token;
        this.key = key;
        this.replyScheme = replyScheme;
        this.lastSeenMillis = nowMillis;
    }

    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    public long userId() {
        return userId;
    }

    public String token() {
        return token;
    }

    /** The session key, or null for a plain (unsigned or token) session. */
    public byte[] key() {
        return key;
    }

    /** How this session's successful replies are encrypted, fixed at login; null for a plain session. */
    public BodyEncryption.Scheme replyScheme() {
        return replyScheme;
    }

    public boolean isSigned() {
        return key != null;
    }

    public boolean isValid(long nowMillis, long idleTimeoutMillis) {
        return !invalidated && nowMillis - lastSeenMillis <= idleTimeoutMillis;
    }

    public void touch(long nowMillis) {
        lastSeenMillis = nowMillis;
    }

    long lastSeenMillis() {
        return lastSeenMillis;
    }

    boolean isInvalidated() {
        return invalidated;
    }

    /** Ended or force-expired; the key is kept so the 401 that follows can still be signed with it. */
    public void invalidate() {
        invalidated = true;
    }

    @Override
    public String toString() {
        return "Session[" + id + ", user=" + username + (isSigned() ? ", signed" : ", plain") + "]";
    }
}
