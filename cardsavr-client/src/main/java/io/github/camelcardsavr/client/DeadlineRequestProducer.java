package io.github.camelcardsavr.client;

import java.io.IOException;

import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.nio.RequestChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Delegates to another request producer and reports the moment the request is written to a connection, which is
 * when {@link HttpTransport} arms a call's overall deadline (leasing and connecting have their own overall timeouts).
 */
final class DeadlineRequestProducer implements AsyncRequestProducer {

    private final AsyncRequestProducer delegate;
    private final Runnable onSend;

    DeadlineRequestProducer(AsyncRequestProducer delegate, Runnable onSend) {
        this.delegate = delegate;
        this.onSend = onSend;
    }

    @Override
    public void sendRequest(RequestChannel channel, HttpContext context) throws HttpException, IOException {
        onSend.run();
        delegate.sendRequest(channel, context);
    }

    @Override
    public boolean isRepeatable() {
        return delegate.isRepeatable();
    }

    @Override
    public void failed(Exception cause) {
        delegate.failed(cause);
    }

    @Override
    public int available() {
        return delegate.available();
    }

    @Override
    public void produce(DataStreamChannel channel) throws IOException {
        delegate.produce(channel);
    }

    @Override
    public void releaseResources() {
        delegate.releaseResources();
    }
}
