package io.github.camelcardsavr.client;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReleasedResponseTest {

    private static final RawResponse OK = new RawResponse(200, new byte[0], null, null, null, null);

    private final CompletableFuture<RawResponse> result = new CompletableFuture<>();
    private final ReleasedResponse handOver = new ReleasedResponse(result);

    @Test
    void aResponseIsHandedOverOnlyOnceItsConnectionWasReleased() {
        handOver.arrived(OK);
        assertThat(result).isNotDone();

        handOver.connectionReleased();
        assertThat(result).isCompletedWithValue(OK);
    }

    @Test
    void aReleaseReportedFirstLetsTheResponseThroughAtOnce() {
        handOver.connectionReleased();
        assertThat(result).isNotDone();

        handOver.arrived(OK);
        assertThat(result).isCompletedWithValue(OK);
    }

    @Test
    void theDeadlineDeliversAResponseWhoseReleaseNeverCame() {
        assertThat(handOver.completeIfArrived()).isFalse();
        assertThat(result).isNotDone();

        handOver.arrived(OK);
        assertThat(handOver.completeIfArrived()).isTrue();
        assertThat(result).isCompletedWithValue(OK);
    }

    @Test
    void aFailedExchangeIsNotTurnedIntoAResponseByItsRelease() {
        result.completeExceptionally(new java.io.IOException("connection reset"));
        handOver.connectionReleased();

        assertThat(result).isCompletedExceptionally();
    }
}
