package io.github.camelcardsavr.client;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The response buffer grows with the bytes that arrive, never with what a header promises. */
class BoundedResponseConsumerTest {

    private static final int LIMIT = 64 * 1024 * 1024;
    private static final int PROMISED = 60 * 1024 * 1024;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static BasicHttpResponse declaring(long contentLength) {
        BasicHttpResponse head = new BasicHttpResponse(200);
        head.addHeader("Content-Length", Long.toString(contentLength));
        return head;
    }

    @Test
    void aPromisedContentLengthCostsNoMemoryUntilTheBytesArrive() throws Exception {
        new BoundedResponseConsumer(LIMIT, () -> { }).start(declaring(10), ContentType.APPLICATION_JSON); // load the classes first
        BoundedResponseConsumer consumer = new BoundedResponseConsumer(LIMIT, () -> { });

        long before = THREADS.getCurrentThreadAllocatedBytes();
        consumer.start(declaring(PROMISED), ContentType.APPLICATION_JSON);
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;

        // a server that declares 60 MiB and then sends a few bytes (or nothing) must not cost 60 MiB per call
        assertThat(allocated).as("bytes allocated by start()").isLessThan(1024 * 1024);
        byte[] sent = "[{\"type\":\"job_status\"}]".getBytes(StandardCharsets.UTF_8);
        consumer.data(ByteBuffer.wrap(sent), true);
        assertThat(consumer.buildResult().body).isEqualTo(sent);
    }

    @Test
    void theBufferGrowsWithTheBodyUpToTheLimit() throws Exception {
        BoundedResponseConsumer consumer = new BoundedResponseConsumer(100_000, () -> { });
        consumer.start(declaring(-1), ContentType.APPLICATION_JSON);
        byte[] chunk = new byte[7_000];
        Arrays.fill(chunk, (byte) 'x');
        for (int i = 0; i < 14; i++) {
            consumer.data(ByteBuffer.wrap(chunk), false);
        }
        assertThat(consumer.buildResult().body).hasSize(98_000);
        assertThatThrownBy(() -> consumer.data(ByteBuffer.wrap(chunk), true))
                .isInstanceOf(BoundedResponseConsumer.TooLargeException.class)
                .hasMessageContaining("exceeds 100000 bytes");
    }

    @Test
    void aDeclaredLengthOverTheLimitFailsAtOnce() {
        assertThatThrownBy(() -> new BoundedResponseConsumer(1000, () -> { }).start(declaring(1001), ContentType.APPLICATION_JSON))
                .isInstanceOf(BoundedResponseConsumer.TooLargeException.class)
                .hasMessageContaining("declares 1001 bytes");
    }
}
