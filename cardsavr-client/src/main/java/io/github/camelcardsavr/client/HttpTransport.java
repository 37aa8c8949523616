package io.github.camelcardsavr.client;

import java.net.URI;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HttpsSupport;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The client's only HTTP code: one asynchronous Apache HttpClient 5 with its own connection pool. No thread waits
 * for a response; callbacks complete the returned futures on the client's I/O threads. Automatic retries and
 * redirects are off: the protocol layer decides what is retried, and a redirect would re-send signed requests to
 * another path. The one exception is {@link UnsentRequestRetryStrategy}: a request that never reached the server
 * because its pooled connection had gone stale.
 * <p>
 * Overall deadline: {@code responseTimeout} is an inactivity timeout (the longest silence on the socket), so a server
 * that trickles a byte now and then would otherwise hold a call open indefinitely. Each call therefore also has an
 * overall deadline of {@value #DEADLINE_MULTIPLE} &times; {@code responseTimeout}, counted from the moment the request
 * is written to a connection (leasing a connection and connecting are bounded by their own overall timeouts). When it
 * passes, the exchange is cancelled (its connection is discarded) and the future fails with a
 * {@link DeadlineExceededException}, which the client reports as reason {@code TIMEOUT} naming the operation and
 * the deadline.
 */
final class HttpTransport implements AutoCloseable {

    private static final ContentType JSON = ContentType.APPLICATION_JSON;

    private final HttpHost target;
    private final CloseableHttpAsyncClient client;
    private final int maxResponseBytes;
    private final long deadlineMillis;
    private final ScheduledThreadPoolExecutor deadlines;

    /** The overall deadline of a call after its request is sent, as a multiple of responseTimeout. */
    static final int DEADLINE_MULTIPLE = 2;

    /** A call passed its overall deadline; mapped to reason TIMEOUT. */
    static final class DeadlineExceededException extends TimeoutException {
        private static final long serialVersionUID = 1L;

        DeadlineExceededException(String message) {
            super(message);
        }
    }

    HttpTransport(CardsavrClientConfig config) {
        URI base = config.baseUri();
        this.target = new HttpHost(base.getScheme().toLowerCase(Locale.ROOT), base.getHost(), base.getPort());
        this.maxResponseBytes = config.getMaxResponseBytes();
        Timeout connectTimeout = Timeout.of(config.getConnectTimeout());
        Timeout responseTimeout = Timeout.of(config.getResponseTimeout());
        this.deadlineMillis = Math.max(1L, config.getResponseTimeout().toMillis()) * DEADLINE_MULTIPLE;
        this.deadlines = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "cardsavr-call-deadlines");
            t.setDaemon(true);
            return t;
        });
        this.deadlines.setRemoveOnCancelPolicy(true);
        this.deadlines.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);

        SSLContext sslContext = config.getSslContext() != null ? config.getSslContext() : SSLContexts.createSystemDefault();
        PoolingAsyncClientConnectionManager pool = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(config.getMaxConnections())
                .setMaxConnPerRoute(config.getMaxConnections())
                .setTlsStrategy(ClientTlsStrategyBuilder.create()
                        .setSslContext(sslContext)
                        .setHostnameVerifier(HttpsSupport.getDefaultHostnameVerifier())
                        .buildAsync())
                .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                        .setHandshakeTimeout(connectTimeout).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connectTimeout)
                        .setSocketTimeout(responseTimeout)
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        // servers and load balancers close idle keep-alive connections; check before reuse
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .build();

        HttpAsyncClientBuilder builder = HttpAsyncClients.custom()
                .setConnectionManager(pool)
                .setIOReactorConfig(IOReactorConfig.custom().setSoTimeout(responseTimeout).setTcpNoDelay(true).build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(responseTimeout)
                        .setConnectionRequestTimeout(responseTimeout)
                        .build())
                .setUserAgent("camel-cardsavr")
                .setRetryStrategy(UnsentRequestRetryStrategy.INSTANCE)
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(TimeValue.ofMinutes(1));
        if (config.getProxyHost() != null && !config.getProxyHost().isBlank()) {
            builder.setProxy(new HttpHost(config.getProxyHost(), config.getProxyPort()));
        }
        this.client = builder.build();
        this.client.start();
    }

    /**
     * Sends the request. The future fails with the transport's own exception ({@link java.io.IOException},
     * timeout, {@link BoundedResponseConsumer.TooLargeException}); the caller maps it with the call's context.
     */
    CompletableFuture<RawResponse> send(OutgoingRequest request) {
        CompletableFuture<RawResponse> result = new CompletableFuture<>();
        SimpleHttpRequest http = new SimpleHttpRequest(request.method, target, request.path);
        String[] headers = request.headers;
        for (int i = 0; i < headers.length; i += 2) {
            http.addHeader(headers[i], headers[i + 1]);
        }
        if (request.body != null) {
            http.setBody(request.body, JSON);
        }
        long deadlineMillis = this.deadlineMillis;
        if (request.responseTimeout != null) {
            http.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(request.responseTimeout))
                    .setConnectionRequestTimeout(Timeout.of(request.responseTimeout)).build());
            deadlineMillis = Math.max(1L, request.responseTimeout.toMillis()) * DEADLINE_MULTIPLE;
        }
        long deadline = deadlineMillis;
        ReleasedResponse handOver = new ReleasedResponse(result);
        AtomicReference<Future<RawResponse>> exchange = new AtomicReference<>();
        AtomicReference<ScheduledFuture<?>> timer = new AtomicReference<>();
        Runnable arm = () -> {
            if (result.isDone() || deadlines.isShutdown()) {
                return;
            }
            try {
                ScheduledFuture<?> previous = timer.getAndSet(deadlines.schedule(() -> {
                    if (!handOver.completeIfArrived() && result.completeExceptionally(new DeadlineExceededException("did not complete within its overall"
                            + " deadline of " + deadline + " ms (" + DEADLINE_MULTIPLE + " x responseTimeout after"
                            + " the request was sent); the exchange was cancelled"))) {
                        Future<RawResponse> running = exchange.get();
                        if (running != null) {
                            running.cancel(true);
                        }
                    }
                }, deadline, TimeUnit.MILLISECONDS));
                if (previous != null) {
                    previous.cancel(false);
                }
            } catch (RuntimeException rejected) {
                // the transport is closing; the client's close fails the exchange
            }
        };
        result.whenComplete((response, failure) -> {
            ScheduledFuture<?> pending = timer.get();
            if (pending != null) {
                pending.cancel(false);
            }
        });
        try {
            exchange.set(client.execute(new DeadlineRequestProducer(SimpleRequestProducer.create(http), arm),
                    new BoundedResponseConsumer(maxResponseBytes, handOver::connectionReleased), null, null,
                    new FutureCallback<>() {
                        @Override
                        public void completed(RawResponse response) {
                            handOver.arrived(response);
                        }

                        @Override
                        public void failed(Exception failure) {
                            result.completeExceptionally(failure);
                        }

                        @Override
                        public void cancelled() {
                            result.completeExceptionally(new CancellationException("request cancelled"));
                        }
                    }));
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        client.close(CloseMode.GRACEFUL);
    }
}
