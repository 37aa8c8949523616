package io.github.camelcardsavr.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcardsavr.client.CardsavrJson;
import io.github.camelcardsavr.model.CardsavrMessage;
import org.apache.camel.spi.StateRepository;

/**
 * Consumer state in a Camel {@link StateRepository}, one compact JSON line per key so that Camel's FileStateRepository
 * (which appends a line per write and forbids newlines) works.
 * <p>
 * A repository cannot delete keys, so jobs live in <em>slots</em> that are reused: the number of keys is bounded by the
 * most jobs a consumer held at once plus {@value #TOMBSTONES_KEPT} markers of ended jobs, not by how many jobs it ever
 * saw. Keys, all starting with the consumer's prefix:
 * <ul>
 * <li>{@code .slots} — how many slots exist;</li>
 * <li>{@code .slot.<n>} — {@code {"v":2,"j":<job id>,"e":<epoch>,"k":"<sealed access key>","d":<times out at, epoch
 * ms>,"r":"<sealed recovery key>","f":"<fingerprints of messages received>","m":[<pending messages>]}}, the messages
 * as the server sent them; {@code {"v":2,"j":<job id>,"t":true}} for a job that ended (kept until the slot is reused,
 * so that a restarted route with the same jobId list does not poll it again); empty when free.</li>
 * <li>{@code .slot.<n>.c} — {@code <job id>:<epoch>:<count>}: the oldest {@code count} pending messages of the record
 * with that epoch were completed since it was written. A commit per exchange is one write of a few bytes, whatever
 * the size of the job's backlog; a counter whose job or epoch is not the slot's current record's means nothing.</li>
 * </ul>
 * Thread-safe.
 */
public final class CardsavrStateStore {

    /** Markers of ended jobs kept before their slots are reused (oldest first). */
    public static final int TOMBSTONES_KEPT = 1_000;

    private static final ObjectMapper MAPPER = CardsavrJson.mapper();

    private final StateRepository<String, String> repository;
    private final String prefix;
    private final StateSealer sealer;
    private final Map<Long, Integer> slotOf = new HashMap<>();
    private final Deque<Integer> freeSlots = new ArrayDeque<>();
    // free slots that still hold the marker of an ended job, oldest first
    private final Deque<Integer> tombstoneSlots = new ArrayDeque<>();
    private int slots;
    // the epoch of each job's last record: its commit counter refers to it
    private final Map<Long, Long> epochOf = new HashMap<>();
    private long lastEpoch;
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong bytesWritten = new AtomicLong();

    private CardsavrStateStore(StateRepository<String, String> repository, String prefix, StateSealer sealer) {
        this.repository = repository;
        this.prefix = prefix;
        this.sealer = sealer;
    }

    /** A store writing to the repository, or a no-op store when the repository is null. */
    public static CardsavrStateStore of(StateRepository<String, String> repository, String prefix, StateSealer sealer) {
        return new CardsavrStateStore(repository, prefix, repository == null ? null : sealer);
    }

    public boolean isEnabled() {
        return repository != null;
    }

    /** Every job the repository holds, by job id, in slot order; terminated jobs included (their records say so). */
    public synchronized Map<Long, JobRecord> readAll() {
        Map<Long, JobRecord> jobs = new LinkedHashMap<>();
        slotOf.clear();
        freeSlots.clear();
        tombstoneSlots.clear();
        epochOf.clear();
        if (repository == null) {
            return jobs;
        }
        String count = repository.getState(prefix + ".slots");
        slots = count == null || count.isBlank() ? 0 : Integer.parseInt(count.trim());
        for (int slot = 0; slot < slots; slot++) {
            String value = repository.getState(prefix + ".slot." + slot);
            if (value == null || value.isBlank()) {
                freeSlots.add(slot);
                continue;
            }
            JsonNode node = parse(value, "slot " + slot);
            long jobId = node.path("j").asLong();
            JobRecord record = record(node, jobId, value);
            long epoch = node.path("e").asLong(0);
            if (epoch > 0) {
                epochOf.put(jobId, epoch);
                lastEpoch = Math.max(lastEpoch, epoch);
                record = withoutCommitted(record, slot, jobId, epoch);
            }
            jobs.put(jobId, record);
            if (record.terminated()) {
                tombstoneSlots.add(slot);
            } else {
                slotOf.put(jobId, slot);
            }
        }
        return jobs;
    }

    /** Stores the job's record in its slot (a new job takes a free slot, or a new one). */
    public synchronized void write(long jobId, JobRecord record) {
        if (repository == null) {
            return;
        }
        Integer slot = slotOf.get(jobId);
        if (slot == null) {
            slot = !freeSlots.isEmpty() ? freeSlots.poll()
                    : tombstoneSlots.size() > TOMBSTONES_KEPT ? tombstoneSlots.poll() : newSlot();
            slotOf.put(jobId, slot);
        }
        long epoch = nextEpoch();
        put(".slot." + slot, json(jobId, epoch, record));
        epochOf.put(jobId, epoch);
    }

    /**
     * The route completed the oldest {@code count} pending messages of the job's last record: a few bytes, not the
     * record again. The next {@link #write} of the job supersedes it.
     *
     * @return false when the job has no record to count against (write it instead)
     */
    public synchronized boolean writeCommitted(long jobId, int count) {
        if (repository == null) {
            return true;
        }
        Integer slot = slotOf.get(jobId);
        Long epoch = epochOf.get(jobId);
        if (slot == null || epoch == null) {
            return false;
        }
        put(".slot." + slot + ".c", jobId + ":" + epoch + ":" + count);
        return true;
    }

    // epochs only grow, across restarts too (the clock's microseconds), so a stale counter never matches a new record
    private long nextEpoch() {
        lastEpoch = Math.max(lastEpoch + 1, System.currentTimeMillis() * 1000);
        return lastEpoch;
    }

    private JobRecord withoutCommitted(JobRecord record, int slot, long jobId, long epoch) {
        if (record.terminated() || record.pending().isEmpty()) {
            return record;
        }
        String counter = repository.getState(prefix + ".slot." + slot + ".c");
        if (counter == null || counter.isBlank()) {
            return record;
        }
        String[] parts = counter.trim().split(":");
        if (parts.length != 3 || !parts[0].equals(Long.toString(jobId)) || !parts[1].equals(Long.toString(epoch))) {
            return record;
        }
        int committed;
        try {
            committed = Integer.parseInt(parts[2]);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Stored CardSavr consumer state for slot " + slot
                                            + " has a malformed commit counter");
        }
        List<CardsavrMessage> pending = record.pending();
        return new JobRecord(record.accessKey(), record.accessKeyUnreadable(), false,
                pending.subList(Math.min(Math.max(committed, 0), pending.size()), pending.size()), record.timesOutAt(),
                record.recoveryKey(), record.fingerprints());
    }

    /**
     * The job left the consumer. A terminated job leaves a marker in its slot, reused only once more than
     * {@value #TOMBSTONES_KEPT} such markers exist; otherwise the slot is emptied and free again.
     */
    public synchronized void release(long jobId, boolean terminated) {
        if (repository == null) {
            return;
        }
        Integer slot = slotOf.remove(jobId);
        epochOf.remove(jobId);
        if (slot == null) {
            return;
        }
        if (terminated) {
            put(".slot." + slot, "{\"v\":2,\"j\":" + jobId + ",\"t\":true}");
            tombstoneSlots.add(slot);
        } else {
            put(".slot." + slot, "");
            freeSlots.add(slot);
        }
    }

    /** Writes to the repository so far. */
    public long writes() {
        return writes.get();
    }

    /** Characters written to the repository so far. */
    public long bytesWritten() {
        return bytesWritten.get();
    }

    /** How many slots (keys for jobs) the repository holds: the most jobs held at once, not all ever seen. */
    public synchronized int slots() {
        return slots;
    }

    private int newSlot() {
        int slot = slots++;
        put(".slots", Integer.toString(slots));
        return slot;
    }

    private String json(long jobId, long epoch, JobRecord record) {
        StringBuilder json = new StringBuilder(64 + 256 * record.pending().size()).append("{\"v\":2,\"j\":").append(jobId)
                .append(",\"e\":").append(epoch);
        if (record.terminated()) {
            json.append(",\"t\":true");
        } else if (record.accessKey() != null) {
            // sealed: base64url and dots only, nothing to escape
            json.append(",\"k\":\"").append(sealer.seal(record.accessKey())).append('"');
        }
        if (record.timesOutAt() > 0) {
            json.append(",\"d\":").append(record.timesOutAt());
        }
        if (record.recoveryKey() != null && !record.terminated()) {
            json.append(",\"r\":\"").append(sealer.seal(record.recoveryKey())).append('"');
        }
        if (record.fingerprints().length > 0 && !record.terminated()) {
            ByteBuffer bytes = ByteBuffer.allocate(8 * record.fingerprints().length);
            for (long fingerprint : record.fingerprints()) {
                bytes.putLong(fingerprint);
            }
            json.append(",\"f\":\"").append(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array()))
                    .append('"');
        }
        if (!record.pending().isEmpty()) {
            json.append(",\"m\":[");
            boolean first = true;
            for (CardsavrMessage m : record.pending()) {
                json.append(first ? "" : ",").append(CardsavrJson.compactJsonOf(m));
                first = false;
            }
            json.append(']');
        }
        return json.append('}').toString();
    }

    private JobRecord record(JsonNode node, long jobId, String stored) {
        String sealed = node.path("k").asText(null);
        String accessKey = sealed == null ? null : sealer.unseal(sealed).orElse(null);
        String sealedRecovery = node.path("r").asText(null);
        String recoveryKey = sealedRecovery == null ? null : sealer.unseal(sealedRecovery).orElse(null);
        return new JobRecord(accessKey, sealed != null && accessKey == null, node.path("t").asBoolean(false),
                messages(node.get("m"), stored), node.path("d").asLong(0), recoveryKey, fingerprints(node.path("f").asText(null)));
    }

    private static long[] fingerprints(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return new long[0];
        }
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(encoded));
        long[] all = new long[bytes.remaining() / 8];
        for (int i = 0; i < all.length; i++) {
            all[i] = bytes.getLong();
        }
        return all;
    }

    private static List<CardsavrMessage> messages(JsonNode array, String stored) {
        if (array == null || array.isNull() || array.isEmpty()) {
            return List.of();
        }
        // read from the stored text itself, not from the tree written out again (which would respell numbers and
        // escapes): the batch parser keeps each message's own JSON text, so a restored message routes as it arrived
        return CardsavrJson.parseMessageBatch(storedText(stored, "m"));
    }

    /** The exact text of a top-level member of a stored record. */
    private static byte[] storedText(String stored, String member) {
        byte[] bytes = stored.getBytes(StandardCharsets.UTF_8);
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean wanted = member.equals(parser.currentName());
                parser.nextToken();
                int start = (int) parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                if (wanted) {
                    return Arrays.copyOfRange(bytes, start, (int) parser.currentLocation().getByteOffset());
                }
            }
        } catch (IOException e) {
            // parsed as a tree just before; never quote the stored value
            throw new IllegalStateException("Stored CardSavr consumer state cannot be read again ("
                                            + e.getClass().getSimpleName() + ")");
        }
        throw new IllegalStateException("Stored CardSavr consumer state has no member " + member);
    }

    private static JsonNode parse(String value, String what) {
        try {
            return MAPPER.readTree(value);
        } catch (Exception e) {
            // never quote the stored value: it may be large and is not meant for logs
            throw new IllegalStateException("Stored CardSavr consumer state for " + what + " is not valid JSON ("
                                            + e.getClass().getSimpleName() + ")");
        }
    }

    private void put(String suffix, String value) {
        repository.setState(prefix + suffix, value);
        writes.incrementAndGet();
        bytesWritten.addAndGet(value.length());
    }
}
