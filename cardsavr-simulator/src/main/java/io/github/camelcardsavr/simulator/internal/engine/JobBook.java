package io.github.camelcardsavr.simulator.internal.engine;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelcardsavr.simulator.internal.ApiProblem;
import io.github.camelcardsavr.simulator.internal.state.MessageChannel;

/**
 * Jobs, cardholders and broadcast channels by id and access key. Concurrent maps only, so lookups from
 * the HTTP workers never wait for one another.
 */
final class JobBook {

    /** Job ids look like real ones and start above 100, as in the seed's examples. */
    private static final long FIRST_JOB_ID = 101;
    private static final long FIRST_CARDHOLDER_ID = 1001;

    private final AtomicLong nextJobId = new AtomicLong(FIRST_JOB_ID);
    private final AtomicLong nextCardholderId = new AtomicLong(FIRST_CARDHOLDER_ID);
    private final ConcurrentHashMap<Long, SimJob> jobs = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Cardholder> cardholders = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, MessageChannel> channelsByKey = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    Cardholder newCardholder() {
        Cardholder cardholder = new Cardholder(nextCardholderId.getAndIncrement());
        cardholders.put(cardholder.id(), cardholder);
        return cardholder;
    }

    long nextJobId() {
        return nextJobId.getAndIncrement();
    }

    void add(SimJob job) {
        jobs.put(job.id, job);
    }

    SimJob job(long jobId) {
        SimJob job = jobs.get(jobId);
        if (job == null) {
            throw ApiProblem.notFound("JobNotFound", "No place_card_on_single_site_job with id " + jobId, "job_id");
        }
        return job;
    }

    Cardholder cardholder(long cardholderId) {
        Cardholder cardholder = cardholders.get(cardholderId);
        if (cardholder == null) {
            throw ApiProblem.notFound("CardholderNotFound", "No cardholder with id " + cardholderId,
                    "cardholder_id");
        }
        return cardholder;
    }

    Collection<SimJob> jobs() {
        return jobs.values();
    }

    Collection<Cardholder> cardholders() {
        return cardholders.values();
    }

    /** Opens a new broadcast channel for a job; its random key is the only way to drain it. */
    MessageChannel openChannel(SimJob job) {
        byte[] keyBytes = new byte[16];
        random.nextBytes(keyBytes);
        String key = Base64.getEncoder().encodeToString(keyBytes);
        MessageChannel channel = new MessageChannel(key, job.id);
        channelsByKey.put(key, channel);
        job.channels.put(key, channel);
        return channel;
    }

    /** The live channel behind a key, or null when the key is unknown or revoked. */
    MessageChannel channel(String accessKey) {
        MessageChannel channel = accessKey == null ? null : channelsByKey.get(accessKey);
        return channel == null || channel.isRevoked() ? null : channel;
    }

    /** Revokes one key; messages waiting on it are gone, as on a server that dropped the channel. */
    boolean revoke(String accessKey) {
        MessageChannel channel = accessKey == null ? null : channelsByKey.get(accessKey);
        if (channel == null || channel.isRevoked()) {
            return false;
        }
        channel.revoke();
        return true;
    }

    int revokeAll(long jobId) {
        List<String> keys = new ArrayList<>(job(jobId).channels.keySet());
        int revoked = 0;
        for (String key : keys) {
            if (revoke(key)) {
                revoked++;
            }
        }
        return revoked;
    }
}
