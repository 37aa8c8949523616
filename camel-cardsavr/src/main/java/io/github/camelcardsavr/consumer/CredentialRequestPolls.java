package io.github.camelcardsavr.consumer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.github.camelcardsavr.client.CardsavrClient;
import io.github.camelcardsavr.engine.BoundedIdSet;
import io.github.camelcardsavr.engine.ChannelReply;
import io.github.camelcardsavr.engine.ChannelType;
import io.github.camelcardsavr.engine.JobBuffer;
import io.github.camelcardsavr.engine.JobBuffers;
import io.github.camelcardsavr.engine.PolledChannel;
import io.github.camelcardsavr.model.CredentialRequest;

/**
 * The credentialRequests consumer's call and meaning. A request stays on the server until it is answered or expires,
 * so every poll lists it again: each envelope is routed once, again only if its exchange failed, and forgotten when the
 * server stops listing it. What is remembered per job is bounded by maxTrackedEnvelopesPerJob.
 */
final class CredentialRequestPolls implements ChannelType {

    private final CardsavrClient client;
    private final int memoryPerJob;
    // delivery thread only
    private final Map<Long, BoundedIdSet<String>> emitted = new HashMap<>();

    CredentialRequestPolls(CardsavrClient client, int memoryPerJob) {
        this.client = client;
        this.memoryPerJob = memoryPerJob;
    }

    @Override
    public String callName() {
        return "credential request poll of job";
    }

    @Override
    public CompletableFuture<ChannelReply> call(PolledChannel channel) {
        return client.pollCredentialRequests(channel.id())
                .handle((requests, e) -> e == null
                        ? ChannelReply.ok(channel, requests, BroadcastPolls.malformed(requests), null)
                        : ChannelReply.failed(channel, CardsavrClient.unwrap(e), null));
    }

    @Override
    public void accept(ChannelReply reply, JobBuffers buffers) {
        long jobId = reply.channel().id();
        BoundedIdSet<String> seen = emitted.computeIfAbsent(jobId, id -> new BoundedIdSet<>(memoryPerJob));
        Set<String> listed = new HashSet<>();
        for (Object item : reply.items()) {
            listed.add(key((CredentialRequest) item));
        }
        // what the server no longer lists was answered or expired: forget it
        seen.retainOnly(listed);
        JobBuffer buffer = buffers.of(jobId);
        Set<String> waiting = new HashSet<>();
        for (Object item : buffer.items()) {
            waiting.add(key((CredentialRequest) item));
        }
        for (Object item : reply.items()) {
            String key = key((CredentialRequest) item);
            if (!seen.contains(key) && waiting.add(key)) {
                buffer.append(List.of(item));
            }
        }
    }

    @Override
    public void committed(JobBuffer job, Object item) {
        emitted.computeIfAbsent(job.jobId(), id -> new BoundedIdSet<>(memoryPerJob)).add(key((CredentialRequest) item));
    }

    // the server lists the request again on the next poll; nothing needs to wait here
    @Override
    public void failed(JobBuffer job, Object item) {
        job.clear();
    }

    @Override
    public void forget(long jobId) {
        emitted.remove(jobId);
    }

    static String key(CredentialRequest r) {
        return r.getEnvelopeId() != null ? r.getEnvelopeId() : "no-envelope:" + r.getType();
    }
}
