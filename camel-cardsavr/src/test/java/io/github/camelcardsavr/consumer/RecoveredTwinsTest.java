package io.github.camelcardsavr.consumer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.github.camelcardsavr.client.AuthMode;
import io.github.camelcardsavr.client.CardsavrClient;
import io.github.camelcardsavr.client.CardsavrClientConfig;
import io.github.camelcardsavr.client.CardsavrJson;
import io.github.camelcardsavr.engine.ChannelReply;
import io.github.camelcardsavr.engine.EngineParts;
import io.github.camelcardsavr.engine.JobBuffer;
import io.github.camelcardsavr.engine.JobBuffers;
import io.github.camelcardsavr.engine.PolledChannel;
import io.github.camelcardsavr.model.CardsavrMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a job's buffer receives when its primary and recovery channels bring overlapping parts of one stream: each
 * message once, in the stream's order, and a message that comes after its successors were routed flagged as late.
 */
class RecoveredTwinsTest {

    private final CardsavrClient client = CardsavrClient.create(CardsavrClientConfig.builder()
            .baseUrl("http://127.0.0.1:9").authMode(AuthMode.UNSIGNED).username("u").password("p").build());
    private final BroadcastPolls polls = new BroadcastPolls(client, true);
    private final JobBuffers buffers = EngineParts.buffers();
    private final PolledChannel channel = EngineParts.channel(7, "primary-key");

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aRecoveryReadingAfterACutPrimaryRoutesOnlyWhatThePrimaryNeverBrought() {
        polls.accept(primary(1, 2), buffers);
        // the primary's reply with 3 and 4 was cut; the recovery channel holds everything since it was registered
        polls.accept(recovery(1, 2, 3, 4, 5), buffers);
        polls.accept(primary(5, 6), buffers);

        assertThat(routed()).containsExactly("S1", "S2", "S3", "S4", "S5", "S6");
        assertThat(late()).isEmpty();
    }

    @Test
    void whatARecoveryReadingBringsBeforeTwinsOfRoutedMessagesIsFlaggedLate() {
        polls.accept(primary(1, 2), buffers);
        // 3 and 4 went with a cut primary reply, the recovery reading failed without taking anything, the primary
        // brought 5 and 6, and the recovery channel, read again, still holds 1..6
        polls.accept(primary(5, 6), buffers);
        polls.accept(recovery(1, 2, 3, 4, 5, 6, 7), buffers);

        assertThat(routed()).containsExactly("S1", "S2", "S5", "S6", "S3", "S4", "S7");
        assertThat(late()).containsExactly("S3", "S4");
    }

    @Test
    void bothChannelsReadTogetherAfterARecoveryReadingThatTookNothingFollowTheRecoveryChannel() {
        polls.accept(primary(1, 2), buffers);
        // a primary poll and then a recovery reading failed without taking anything: the primary holds 3..7, the
        // recovery channel 1..7; read together, the recovery channel goes first and the primary's copies are its twins
        polls.accept(BroadcastPolls.inJobOrder(primary(3, 4, 5, 6, 7), recovery(1, 2, 3, 4, 5, 6, 7)), buffers);
        polls.accept(primary(8), buffers);
        polls.accept(recovery(8), buffers);

        assertThat(routed()).containsExactly("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8");
        assertThat(late()).isEmpty();
    }

    @Test
    void bothChannelsReadTogetherAfterARecoveryReadingThatTookItsMessagesFollowThePrimary() {
        polls.accept(primary(1, 2), buffers);
        // the primary poll failed without taking anything (it holds 3..7), the recovery reading took 1..5 and was
        // lost: read together, the primary goes first and the recovery channel adds what came after it
        polls.accept(BroadcastPolls.inJobOrder(primary(3, 4, 5, 6, 7), recovery(6, 7, 8)), buffers);
        polls.accept(primary(8, 9), buffers);
        polls.accept(recovery(9), buffers);

        assertThat(routed()).containsExactly("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9");
        assertThat(late()).isEmpty();
    }

    @Test
    void aMessageTheJobReallySentTwiceIsRoutedTwice() {
        polls.accept(primary(1, 1), buffers);
        polls.accept(recovery(1, 1, 2), buffers);

        assertThat(routed()).containsExactly("S1", "S1", "S2");
    }

    private ChannelReply primary(int... seqs) {
        return ChannelReply.ok(channel, messages(seqs), null, null);
    }

    private ChannelReply recovery(int... seqs) {
        return ChannelReply.ok(channel, messages(seqs), null, null).fromRecovery(false);
    }

    private static List<CardsavrMessage> messages(int... seqs) {
        StringBuilder json = new StringBuilder("[");
        for (int seq : seqs) {
            json.append(json.length() > 1 ? "," : "").append("{\"type\":\"job_status\",\"job_id\":7,\"message\":")
                    .append("{\"status\":\"S").append(seq).append("\",\"job_timeout\":").append(900_000 - seq).append("}}");
        }
        return CardsavrJson.parseMessageBatch(json.append(']').toString().getBytes(StandardCharsets.UTF_8));
    }

    private List<String> routed() {
        List<String> statuses = new ArrayList<>();
        buffers.of(7).items().forEach(item -> statuses.add(((CardsavrMessage) item).getStatus().getStatus()));
        return statuses;
    }

    private List<String> late() {
        JobBuffer buffer = buffers.of(7);
        List<String> statuses = new ArrayList<>();
        buffer.items().forEach(item -> {
            if (buffer.isLate(item)) {
                statuses.add(((CardsavrMessage) item).getStatus().getStatus());
            }
        });
        return statuses;
    }
}
