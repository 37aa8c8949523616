package io.github.camelcardsavr.client;

import java.io.IOException;

import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

/**
 * Retries a request once, and only when HttpClient reports that it was never sent (a pooled keep-alive connection
 * that the server had closed). Nothing the server answered is retried here: 401, 429 and 5xx belong to the protocol
 * layer and to Camel's backoff, and a request the server may have seen is never sent twice.
 */
final class UnsentRequestRetryStrategy implements HttpRequestRetryStrategy {

    static final UnsentRequestRetryStrategy INSTANCE = new UnsentRequestRetryStrategy();

    private UnsentRequestRetryStrategy() {
    }

    @Override
    public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
        return execCount <= 1 && exception instanceof RequestNotExecutedException;
    }

    @Override
    public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
        return false;
    }

    @Override
    public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
        return TimeValue.ZERO_MILLISECONDS;
    }
}
