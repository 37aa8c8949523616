package io.github.camelcardsavr.simulator.internal.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The switched-on faults. Each fault remembers the path filter that was current when it was set, so faults
 * can target different endpoints at once. Random choices come from one seedable generator.
 */
public final class FaultState {

    /** The kinds of fault, also the keys of the injected-fault counters. */
    public enum Kind {
        ERROR_RATE, ERROR_BURST, TOO_MANY_REQUESTS, LATENCY, DROP_CONNECTION, MALFORMED_JSON, BAD_SIGNATURE,
        UNDECRYPTABLE_BODY, CUT_AFTER_DRAIN, SPOILED_AFTER_DRAIN
    }

    private record Rule(Kind kind, String path, double rate, AtomicInteger remaining, int status, int retryAfter,
            long latencyMillis) {
        boolean matches(String requestPath) {
            return path == null || requestPath.contains(path);
        }
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<Kind, LongAdder> injected = new ConcurrentHashMap<>();
    private volatile Random random = new Random();
    private volatile String pathFilter;
    private volatile boolean registrationPostUnsupported;
    // null: both spellings of the access-key header are read, as the real server does
    private volatile String onlyAccessKeyHeader;
    private volatile boolean registrationGetUnsupported;
    private volatile boolean consumeOnFault;
    // every n-th reply that carries messages on the cut path is dropped after the drain (0: off)
    private volatile int cutEvery;
    private volatile String cutPath;
    private final AtomicLong drainingReplies = new AtomicLong();
    // every n-th reply that carries messages on the spoil path arrives truncated, its messages taken (0: off)
    private volatile int spoilEvery;
    private volatile String spoilPath;
    private final AtomicLong spoilableReplies = new AtomicLong();

    public void onPath(String path) {
        pathFilter = path == null || path.isEmpty() ? null : path;
    }

    public void seed(long seed) {
        random = new Random(seed);
    }

    public void errorRate(double rate, int status) {
        set(new Rule(Kind.ERROR_RATE, pathFilter, checkRate(rate), null, checkStatus(status), -1, 0));
    }

    public void errorBurst(int count, int status) {
        set(new Rule(Kind.ERROR_BURST, pathFilter, count > 0 ? 1 : 0, new AtomicInteger(checkCount(count)),
                checkStatus(status), -1, 0));
    }

    public void tooManyRequests(int count, int retryAfterSeconds) {
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must be >= 0, was " + retryAfterSeconds);
        }
        set(new Rule(Kind.TOO_MANY_REQUESTS, pathFilter, count > 0 ? 1 : 0, new AtomicInteger(checkCount(count)),
                429, retryAfterSeconds, 0));
    }

    public void latency(Duration latency) {
        if (latency == null || latency.isNegative()) {
            throw new IllegalArgumentException("latency must be a non-negative duration, was " + latency);
        }
        set(new Rule(Kind.LATENCY, pathFilter, latency.isZero() ? 0 : 1, null, 0, -1, latency.toMillis()));
    }

    public void rate(Kind kind, double rate) {
        set(new Rule(kind, pathFilter, checkRate(rate), null, 0, -1, 0));
    }

    public void registrationPostUnsupported(boolean value) {
        registrationPostUnsupported = value;
    }

    public void registrationGetUnsupported(boolean value) {
        registrationGetUnsupported = value;
    }

    public void onlyAccessKeyHeader(String headerName) {
        onlyAccessKeyHeader = headerName == null ? null : headerName.toLowerCase(java.util.Locale.ROOT);
    }

    public String onlyAccessKeyHeader() {
        return onlyAccessKeyHeader;
    }

    public void consumeOnFault(boolean value) {
        consumeOnFault = value;
    }

    public void cutDrainingReplies(int everyNth) {
        if (everyNth < 0) {
            throw new IllegalArgumentException("everyNth must be 0 (off) or more, was " + everyNth);
        }
        cutPath = pathFilter;
        drainingReplies.set(0);
        cutEvery = everyNth;
    }

    public void spoilDrainingReplies(int everyNth) {
        if (everyNth < 0) {
            throw new IllegalArgumentException("everyNth must be 0 (off) or more, was " + everyNth);
        }
        spoilPath = pathFilter;
        spoilableReplies.set(0);
        spoilEvery = everyNth;
    }

    /** True when this reply, which carries messages the server has just taken off a channel, arrives spoiled. */
    boolean spoilsDrainingReply(String path) {
        int every = spoilEvery;
        if (every == 0 || (spoilPath != null && !path.contains(spoilPath))) {
            return false;
        }
        boolean spoil = spoilableReplies.incrementAndGet() % every == 0;
        if (spoil) {
            count(Kind.SPOILED_AFTER_DRAIN);
        }
        return spoil;
    }

    /** True when this reply, which carries messages the server has just taken off a channel, is to be cut. */
    boolean cutsDrainingReply(String path) {
        int every = cutEvery;
        if (every == 0 || (cutPath != null && !path.contains(cutPath))) {
            return false;
        }
        boolean cut = drainingReplies.incrementAndGet() % every == 0;
        if (cut) {
            count(Kind.CUT_AFTER_DRAIN);
        }
        return cut;
    }

    public boolean isRegistrationPostUnsupported() {
        return registrationPostUnsupported;
    }

    public boolean isRegistrationGetUnsupported() {
        return registrationGetUnsupported;
    }

    public boolean isConsumeOnFault() {
        return consumeOnFault;
    }

    public void reset() {
        rules.clear();
        pathFilter = null;
        registrationPostUnsupported = false;
        registrationGetUnsupported = false;
        onlyAccessKeyHeader = null;
        consumeOnFault = false;
        cutEvery = 0;
        cutPath = null;
        spoilEvery = 0;
        spoilPath = null;
        random = new Random();
    }

    public Map<String, Long> injectedCounts() {
        Map<String, Long> counts = new TreeMap<>();
        injected.forEach((kind, adder) -> counts.put(kind.name(), adder.sum()));
        return counts;
    }

    /** Chooses this request's faults. Only one error status applies: 429 bursts, then error bursts, then rates. */
    FaultPlan plan(String path) {
        if (rules.isEmpty() && cutEvery == 0) {
            return FaultPlan.NONE;
        }
        FaultPlan plan = new FaultPlan();
        Random rng = random;
        for (Rule rule : rules) {
            if (!rule.matches(path)) {
                continue;
            }
            switch (rule.kind()) {
                case TOO_MANY_REQUESTS, ERROR_BURST -> {
                    if (plan.errorStatus == 0 && takeOne(rule.remaining())) {
                        plan.errorStatus = rule.status();
                        plan.retryAfterSeconds = rule.retryAfter();
                        count(rule.kind());
                    }
                }
                case ERROR_RATE -> {
                    if (plan.errorStatus == 0 && rng.nextDouble() < rule.rate()) {
                        plan.errorStatus = rule.status();
                        count(rule.kind());
                    }
                }
                case LATENCY -> {
                    plan.latencyMillis = Math.max(plan.latencyMillis, rule.latencyMillis());
                    count(rule.kind());
                }
                case DROP_CONNECTION -> plan.drop |= chosen(rule, rng);
                case MALFORMED_JSON -> plan.malformedJson |= chosen(rule, rng);
                case BAD_SIGNATURE -> plan.badSignature |= chosen(rule, rng);
                case UNDECRYPTABLE_BODY -> plan.undecryptable |= chosen(rule, rng);
                default -> throw new IllegalStateException("Unhandled fault kind " + rule.kind());
            }
        }
        return plan;
    }

    private boolean chosen(Rule rule, Random rng) {
        boolean chosen = rng.nextDouble() < rule.rate();
        if (chosen) {
            count(rule.kind());
        }
        return chosen;
    }

    private void count(Kind kind) {
        injected.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** Replaces the same kind of fault on the same path; a zero rate or count switches it off. */
    private void set(Rule rule) {
        rules.removeIf(existing -> existing.kind() == rule.kind() && java.util.Objects.equals(existing.path(), rule.path()));
        if (rule.rate() > 0) {
            rules.add(rule);
        }
    }

    private static boolean takeOne(AtomicInteger remaining) {
        return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    private static double checkRate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("A fault rate must be between 0 and 1, was " + rate);
        }
        return rate;
    }

    private static int checkStatus(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("A fault status must be 400..599, was " + status);
        }
        return status;
    }

    private static int checkCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("A fault count must be >= 0, was " + count);
        }
        return count;
    }
}
