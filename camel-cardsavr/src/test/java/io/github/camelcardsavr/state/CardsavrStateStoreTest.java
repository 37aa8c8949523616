package io.github.camelcardsavr.state;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelcardsavr.client.CardsavrJson;
import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.model.JobStatus;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CardsavrStateStoreTest {

    /** A repository that counts what it holds, as a file or table would grow. */
    static final class CountingRepository extends ServiceSupport implements StateRepository<String, String> {
        final Map<String, String> values = new ConcurrentHashMap<>();

        @Override
        public void setState(String key, String value) {
            values.put(key, value);
        }

        @Override
        public String getState(String key) {
            return values.get(key);
        }

        long characters() {
            return values.values().stream().mapToLong(String::length).sum();
        }
    }

    private final CountingRepository repository = new CountingRepository();
    private final StateSealer sealer = StateSealer.fromKey("0123456789abcdef0123456789abcdef0123456=");

    private CardsavrStateStore store() {
        return CardsavrStateStore.of(repository, "cardsavr.jobStatus.default.host", sealer);
    }

    private static CardsavrMessage status(long jobId, int percent) {
        return CardsavrMessage.jobStatus(jobId, JobStatus.of("UPDATING", (double) percent, null));
    }

    /**
     * 10,000 jobs come and go, at most 100 at a time, each with 3 polls that bring messages: the repository keeps 100
     * slots for jobs plus the markers of the last 1,000 that ended (not 10,000 keys), and each job costs one write per
     * poll plus one to arrive and one to leave.
     */
    @Test
    void tenThousandJobsLeaveAsManyKeysAsWereHeldAtOnceAndCostOneWritePerPoll() {
        CardsavrStateStore store = store();
        store.readAll();
        int concurrent = 100;
        for (long wave = 0; wave < 100; wave++) {
            for (long i = 0; i < concurrent; i++) {
                long job = wave * concurrent + i + 1;
                store.write(job, JobRecord.of("key-" + job, false, List.of()));
                for (int poll = 1; poll <= 3; poll++) {
                    store.write(job, JobRecord.of("key-" + job, false, List.of(status(job, poll * 30))));
                }
            }
            for (long i = 0; i < concurrent; i++) {
                store.release(wave * concurrent + i + 1, true);
            }
        }
        int slots = concurrent + CardsavrStateStore.TOMBSTONES_KEPT;
        assertThat(store.slots()).isEqualTo(slots);
        assertThat(repository.values).hasSize(slots + 1);
        // per job: added, three polls, released; plus one slot-count write per slot made
        assertThat(store.writes()).isEqualTo(10_000L * 5 + slots);
        assertThat(repository.characters()).isLessThan(slots * 64L);
    }

    @Test
    void whatWasWrittenIsReadBackByARestartedConsumer() {
        CardsavrStateStore store = store();
        store.readAll();
        store.write(1, JobRecord.of("first-key", false, List.of(status(1, 10), status(1, 20))).timingOutAt(1234));
        store.write(2, JobRecord.of("second-key", false, List.of()));
        store.release(2, true);
        // the ended job's marker is kept: a new job takes a new slot
        store.write(3, JobRecord.of(null, false, List.of()));

        Map<Long, JobRecord> read = store().readAll();
        assertThat(read).containsOnlyKeys(1L, 2L, 3L);
        assertThat(read.get(1L).accessKey()).isEqualTo("first-key");
        assertThat(read.get(1L).pending()).extracting(m -> m.getStatus().getPercentComplete()).containsExactly(10.0, 20.0);
        assertThat(read.get(1L).timesOutAt()).isEqualTo(1234);
        assertThat(read.get(2L).terminated()).isTrue();
        assertThat(read.get(3L).accessKey()).isNull();
        assertThat(repository.values.values()).noneMatch(v -> v.contains("first-key") || v.contains("second-key"));
    }

    /** Restored messages route with the text they arrived with: number spellings, escapes and unknown fields. */
    @Test
    void aRestoredMessageKeepsTheJsonTextItArrivedWith() {
        String arrived = "{\"type\":\"job_status\",\"job_id\":\"7\",\"message\":{\"status\":\"AUTH\","
                         + "\"percent_complete\":5,\"job_timeout\":1.50e5},\"note\":\"\\u00e9\\ud83d\\ude00\",\"n\":1.0}";
        List<CardsavrMessage> messages = CardsavrJson.parseMessageBatch(("[" + arrived + "]").getBytes(StandardCharsets.UTF_8));
        assertThat(messages).singleElement().satisfies(m -> assertThat(m.getSourceJson()).isEqualTo(arrived));

        store().write(7, JobRecord.of(null, false, messages));

        assertThat(store().readAll().get(7L).pending()).singleElement()
                .satisfies(m -> assertThat(m.getSourceJson()).isEqualTo(arrived));
    }

    @Test
    void aPasswordLikeSecretIsStretchedWithASaltKeptBesideTheState() {
        StateSealer first = StateSealer.fromPassword("agent:agent-password", repository, "p.salt");
        String salt = repository.getState("p.salt");
        assertThat(salt).isNotBlank();
        String sealed = first.seal("the-access-key");
        // the same credentials read it back (a restart); other credentials, or the plain derivation, cannot
        assertThat(StateSealer.fromPassword("agent:agent-password", repository, "p.salt").unseal(sealed))
                .contains("the-access-key");
        assertThat(StateSealer.fromPassword("agent:other", repository, "p.salt").unseal(sealed)).isEmpty();
        assertThat(StateSealer.fromKey("agent:agent-password").unseal(sealed)).isEmpty();
        assertThat(repository.getState("p.salt")).isEqualTo(salt);
    }

    /** A commit per exchange is a counter of a few bytes next to the record, applied when the state is read back. */
    @Test
    void aCommitCounterTakesTheCompletedMessagesOffTheRecordItCountsAgainst() {
        CardsavrStateStore leader = store();
        leader.readAll();
        leader.write(7, JobRecord.of("key-7", false, List.of(status(7, 10), status(7, 20), status(7, 30))));
        long before = repository.characters();
        assertThat(leader.writeCommitted(7, 2)).isTrue();
        assertThat(repository.characters() - before).as("the counter, not the record").isLessThan(40);

        Map<Long, JobRecord> standby = store().readAll();
        assertThat(standby.get(7L).pending()).extracting(m -> m.getStatus().getPercentComplete()).containsExactly(30.0);
        assertThat(standby.get(7L).accessKey()).isEqualTo("key-7");
    }

    /** A counter from an earlier record of the job, or of another job that had the slot, means nothing. */
    @Test
    void aCounterOfAnEarlierRecordOrAnotherJobIsIgnored() {
        CardsavrStateStore leader = store();
        leader.readAll();
        leader.write(7, JobRecord.of("key-7", false, List.of(status(7, 10), status(7, 20))));
        leader.writeCommitted(7, 1);
        // the job's next record (what arrived since, with the completed message already left out)
        leader.write(7, JobRecord.of("key-7", false, List.of(status(7, 20), status(7, 30))));
        assertThat(store().readAll().get(7L).pending()).extracting(m -> m.getStatus().getPercentComplete())
                .containsExactly(20.0, 30.0);

        leader.writeCommitted(7, 2);
        leader.release(7, false);
        leader.write(8, JobRecord.of("key-8", false, List.of(status(8, 10))));
        assertThat(store().readAll().get(8L).pending()).as("job 8 reuses job 7's slot and counter key").hasSize(1);
        assertThat(leader.writeCommitted(9, 1)).as("no record of job 9").isFalse();
    }
}
