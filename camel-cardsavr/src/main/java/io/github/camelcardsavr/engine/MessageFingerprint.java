package io.github.camelcardsavr.engine;

import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.model.JobStatus;

/**
 * The identity of a status message. CardSavr messages carry no id, but what they hold tells them apart within a job:
 * {@code job_timeout} falls with every message, and status, percentage and text change as the job goes on. A 64-bit
 * FNV-1a hash of those fields (not of unknown extras, whose order and presence are not guaranteed) is compared, so a
 * message read twice, from two channels of the same job, is routed once.
 */
public final class MessageFingerprint {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private MessageFingerprint() {
    }

    public static long of(CardsavrMessage m) {
        long h = OFFSET;
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
        return h;
    }

    // a field separator first, so that ("ab","c") and ("a","bc") differ
    private static long text(long h, String value) {
        h = (h ^ (value == null ? 0x1F : 0x1E)) * PRIME;
        if (value != null) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                h = (h ^ (c & 0xFF)) * PRIME;
                h = (h ^ (c >>> 8)) * PRIME;
            }
        }
        return h;
    }

    private static long number(long h, long value) {
        h = (h ^ 0x1D) * PRIME;
        for (int shift = 0; shift < 64; shift += 8) {
            h = (h ^ ((value >>> shift) & 0xFF)) * PRIME;
        }
        return h;
    }
}
