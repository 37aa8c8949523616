package io.github.camelcardsavr.engine;

import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.model.JobStatus;

/**
 * The identity of a status message. CardSavr messages carry no id, but what they hold tells them apart within a job:
 * {@code job_timeout} falls with every message, and status, percentage and text change as the job goes on. A 64-bit
 * hash of those fields (not of unknown extras, whose order and presence are not guaranteed) is compared, so a message
 * read twice, from two channels of the same job, is routed once.
 * <p>
 * Every message of every job passes through here on the delivery thread, so the hash takes four characters per
 * multiply-rotate step (a character-at-a-time FNV-1a was 6 % of a backlog drain) and ends with a full avalanche. The
 * value is kept in the state store, so it must not change between versions without a migration.
 */
public final class MessageFingerprint {

    private static final long SEED = 0x27D4EB2F165667C5L;
    private static final long K1 = 0x9E3779B97F4A7C15L;
    private static final long K2 = 0xC2B2AE3D27D4EB4FL;
    private static final long K3 = 0x165667B19E3779F9L;
    private static final long NULL_TEXT = 0x1F;
    private static final long TEXT = 0x1E;
    private static final long NUMBER = 0x1D;

    private MessageFingerprint() {
    }

    public static long of(CardsavrMessage m) {
        long h = SEED;
        h = text(h, m.getType());
        h = number(h, m.getJobId());
        h = text(h, m.getEnvelopeId());
        h = text(h, m.getMessageText());
        JobStatus s = m.getStatus();
        if (s != null) {
            h = text(h, s.getStatus());
            h = number(h, s.getPercentComplete() == null ? Long.MIN_VALUE : Double.doubleToLongBits(s.getPercentComplete()));
            h = number(h, s.getAuthPercentComplete() == null ? Long.MIN_VALUE
                    : Double.doubleToLongBits(s.getAuthPercentComplete()));
            h = number(h, s.getJobTimeout() == null ? Long.MIN_VALUE : s.getJobTimeout());
            h = text(h, s.getStatusMessage());
            h = text(h, s.getTerminationType());
            h = text(h, s.getTerminationStatusMessage());
        }
        return avalanche(h);
    }

    // a field's kind and length first, so that ("ab","c") and ("a","bc") differ
    private static long text(long h, String value) {
        if (value == null) {
            return step(h, NULL_TEXT);
        }
        int n = value.length();
        h = step(h, TEXT << 32 | n);
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            h = step(h, value.charAt(i) | (long) value.charAt(i + 1) << 16 | (long) value.charAt(i + 2) << 32
                        | (long) value.charAt(i + 3) << 48);
        }
        long tail = 0;
        for (int shift = 0; i < n; i++, shift += 16) {
            tail |= (long) value.charAt(i) << shift;
        }
        return step(h, tail);
    }

    private static long number(long h, long value) {
        return step(step(h, NUMBER), value);
    }

    private static long step(long h, long block) {
        return Long.rotateLeft(h ^ block * K1, 27) * K2 + K3;
    }

    private static long avalanche(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ h >>> 33;
    }
}
