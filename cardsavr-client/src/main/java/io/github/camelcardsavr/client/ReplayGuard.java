package io.github.camelcardsavr.client;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;

/**
 * Refuses a signed reply that was already accepted under the same key: a replayed reply (say an empty poll result
 * captured earlier) would otherwise hide messages. Nothing in the protocol ties a reply to its request, so the guard
 * remembers the signatures of the last {@link #CAPACITY} accepted replies; equal nonces alone are legitimate (nonces
 * are millisecond clocks), but an equal signature means an equal nonce, path and body, i.e. the same reply again.
 * <p>
 * Bounded memory: older signatures are forgotten. So that a replay of a forgotten reply does not pass, a reply whose
 * numeric nonce is older than the newest forgotten one by more than {@code slack} is refused too. The slack covers
 * what honest replies can lag behind each other: a reply is signed after its request was sent and arrives within the
 * call's deadline, plus clock differences between server nodes.
 */
final class ReplayGuard {

    static final int CAPACITY = 4096;
    static final Duration CLOCK_ALLOWANCE = Duration.ofMinutes(1);
    private static final int FINGERPRINT_CHARS = 12;

    private final long slackMillis;
    // first 64 bits of an accepted signature -> its nonce (Long.MIN_VALUE when not numeric), oldest first
    private final RecentFingerprints accepted;
    private long newestForgottenNonce = Long.MIN_VALUE;

    ReplayGuard(int capacity, Duration slack) {
        this.accepted = new RecentFingerprints(capacity);
        this.slackMillis = slack.toMillis();
    }

    /** A guard for a client whose calls end within {@code deadline} after they are sent. */
    static ReplayGuard forDeadline(Duration deadline) {
        return new ReplayGuard(CAPACITY, deadline.plus(CLOCK_ALLOWANCE));
    }

    /**
     * Admits a reply whose signature has been verified.
     *
     * @return null when the reply is new (it is remembered from now on), else why it is refused
     */
    synchronized String admit(String nonce, String signature) {
        long nonceValue = numeric(nonce);
        if (nonceValue != Long.MIN_VALUE && newestForgottenNonce != Long.MIN_VALUE
                && nonceValue < newestForgottenNonce - slackMillis) {
            return "has nonce " + nonceValue + ", older than the replies this session still remembers by more than "
                    + slackMillis + " ms (a replayed response)";
        }
        long print = fingerprint(signature);
        if (accepted.contains(print)) {
            return "repeats the nonce and signature of a response already accepted in this session (a replayed response)";
        }
        long forgotten = accepted.add(print, nonceValue);
        if (forgotten != RecentFingerprints.NONE) {
            newestForgottenNonce = Math.max(newestForgottenNonce, forgotten);
        }
        return null;
    }

    synchronized int size() {
        return accepted.size();
    }

    // An HMAC-SHA256 is uniformly distributed, so 64 of its bits identify a reply among a few thousand. Only the
    // first 12 base64 characters (9 bytes) are decoded: this runs on the I/O thread for every signed reply.
    private static long fingerprint(String signature) {
        String trimmed = signature.trim();
        if (trimmed.length() >= FINGERPRINT_CHARS) {
            try {
                byte[] head = Base64.getDecoder().decode(trimmed.substring(0, FINGERPRINT_CHARS));
                return ByteBuffer.wrap(head).getLong();
            } catch (IllegalArgumentException notBase64) {
                // a verified signature is base64; anything else is still told apart by its text
            }
        }
        return trimmed.hashCode();
    }

    private static long numeric(String nonce) {
        if (nonce == null || nonce.isEmpty() || nonce.length() > 18) {
            return Long.MIN_VALUE;
        }
        long value = 0;
        for (int i = 0; i < nonce.length(); i++) {
            char c = nonce.charAt(i);
            if (c < '0' || c > '9') {
                return Long.MIN_VALUE;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
