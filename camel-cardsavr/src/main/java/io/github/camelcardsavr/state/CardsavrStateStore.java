package io.github.camelcardsavr.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcardsavr.client.CardsavrJson;
import io.github.camelcardsavr.model.CardsavrMessage;
import org.apache.camel.spi.StateRepository;

/**
 * Consumer state in a Camel {@link StateRepository}, one compact JSON line per key so that Camel's FileStateRepository
 * (which appends a line per write and forbids newlines) works.
 * <p>
 * Keys, all starting with the consumer's prefix:
 * <ul>
 * <li>{@code .jobs} — comma list of the jobs with state (so dynamically added jobs resume);</li>
 * <li>{@code .job.<id>} — {@code {"v":1,"k":"<sealed access key>","t":<terminated>,"m":[<pending messages>]}}, the
 * messages as the server sent them.</li>
 * </ul>
 * A repository cannot delete keys: a finished job keeps a short {@code {"v":1,"t":true}} tombstone, which also stops a
 * restarted route with the same jobId list from polling it again.
 */
public final class CardsavrStateStore {

    private static final ObjectMapper MAPPER = CardsavrJson.mapper();

    private final StateRepository<String, String> repository;
    private final String prefix;
    private final StateSealer sealer;

    private CardsavrStateStore(StateRepository<String, String> repository, String prefix, StateSealer sealer) {
        this.repository = repository;
        this.prefix = prefix;
        this.sealer = sealer;
    }

    /** A store writing to the repository, or a no-op store when the repository is null. */
    public static CardsavrStateStore of(StateRepository<String, String> repository, String prefix, String secret) {
        return new CardsavrStateStore(repository, prefix, repository == null ? null : new StateSealer(secret));
    }

    public boolean isEnabled() {
        return repository != null;
    }

    public List<Long> readJobIndex() {
        String value = read(".jobs");
        List<Long> ids = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    ids.add(Long.parseLong(part.trim()));
                }
            }
        }
        return ids;
    }

    public void writeJobIndex(Collection<Long> jobIds) {
        write(".jobs", jobIds.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    public Optional<JobRecord> readJob(long jobId) {
        String value = read(".job." + jobId);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        JsonNode node = parse(value, "job " + jobId);
        String sealed = node.path("k").asText(null);
        String accessKey = sealed == null ? null : sealer.unseal(sealed).orElse(null);
        return Optional.of(new JobRecord(accessKey, sealed != null && accessKey == null,
                node.path("t").asBoolean(false), messages(node.get("m"), "job " + jobId)));
    }

    public void writeJob(long jobId, JobRecord record) {
        if (!isEnabled()) {
            return;
        }
        StringBuilder json = new StringBuilder(64 + 256 * record.pending().size()).append("{\"v\":1");
        if (record.terminated()) {
            json.append(",\"t\":true");
        } else if (record.accessKey() != null) {
            // sealed: base64url and dots only, nothing to escape
            json.append(",\"k\":\"").append(sealer.seal(record.accessKey())).append('"');
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
        write(".job." + jobId, json.append('}').toString());
    }

    private static List<CardsavrMessage> messages(JsonNode array, String what) {
        if (array == null || array.isNull() || array.isEmpty()) {
            return List.of();
        }
        // the batch parser keeps each message's own JSON text, so a restored message routes as it arrived
        return CardsavrJson.parseMessageBatch(CardsavrJson.toJsonBytes(array));
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

    private String read(String suffix) {
        return repository == null ? null : repository.getState(prefix + suffix);
    }

    private void write(String suffix, String value) {
        if (repository != null) {
            repository.setState(prefix + suffix, value);
        }
    }
}
