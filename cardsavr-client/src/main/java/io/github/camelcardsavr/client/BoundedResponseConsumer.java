package io.github.camelcardsavr.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpResponse;

/**
 * Buffers a response body up to a fixed limit and fails the exchange as soon as the limit is passed, so a
 * misbehaving server cannot make the client buffer without bound. The buffer grows (doubling) as bytes arrive; a
 * declared {@code Content-Length} over the limit fails at once, but is never allocated up front.
 */
final class BoundedResponseConsumer extends AbstractBinResponseConsumer<RawResponse> {

    /** Signals that a body passed the configured limit; mapped to reason BODY_TOO_LARGE. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message);
        }
    }

    private static final int INITIAL_CAPACITY = 8 * 1024;

    private final int maxBytes;
    private final Runnable released;
    private HttpResponse head;
    private byte[] buffer;
    private int length;

    /**
     * @param released run when HttpClient releases this consumer, which for a completed exchange comes right after
     *                 the connection went back to the pool
     */
    BoundedResponseConsumer(int maxBytes, Runnable released) {
        this.maxBytes = maxBytes;
        this.released = released;
    }

    @Override
    protected void start(HttpResponse response, ContentType contentType) throws HttpException, IOException {
        head = response;
        long declared = declaredLength(response);
        if (declared > maxBytes) {
            throw new TooLargeException("declares " + declared + " bytes, over the maxResponseBytes limit of " + maxBytes
                    + " bytes");
        }
        // The declared length is only a promise: a server that declares megabytes and sends nothing must not cost
        // megabytes per call, so the buffer starts small and grows with the bytes that actually arrive.
        buffer = new byte[(int) Math.min(maxBytes, declared > 0 ? Math.min(declared, INITIAL_CAPACITY) : INITIAL_CAPACITY)];
        length = 0;
    }

    private static long declaredLength(HttpResponse response) {
        Header header = response.getFirstHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.getValue().trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    protected int capacityIncrement() {
        return Integer.MAX_VALUE;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
        int incoming = src.remaining();
        if ((long) length + incoming > maxBytes) {
            throw new TooLargeException("exceeds " + maxBytes + " bytes (the maxResponseBytes limit)");
        }
        if (length + incoming > buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(maxBytes, Math.max((long) buffer.length * 2, (long) length + incoming)));
        }
        src.get(buffer, length, incoming);
        length += incoming;
    }

    @Override
    protected RawResponse buildResult() {
        byte[] body = buffer == null ? new byte[0] : (length == buffer.length ? buffer : Arrays.copyOf(buffer, length));
        return new RawResponse(head.getCode(), body, header(RawResponse.SIGNATURE), header(RawResponse.AUTHORIZATION),
                header(RawResponse.NONCE), header(RawResponse.RETRY_AFTER));
    }

    private String header(String name) {
        Header header = head.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    @Override
    public void releaseResources() {
        buffer = null;
        released.run();
    }
}
