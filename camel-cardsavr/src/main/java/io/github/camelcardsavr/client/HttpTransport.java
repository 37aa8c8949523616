package io.github.camelcardsavr.client;

import java.net.URI;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

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
 */
final class HttpTransport implements AutoCloseable {

    private static final ContentType JSON = ContentType.APPLICATION_JSON;

    private final HttpHost target;
    private final CloseableHttpAsyncClient client;
    private final int maxResponseBytes;

    HttpTransport(CardsavrClientConfig config) {
        URI base = config.baseUri();
        this.target = new HttpHost(base.getScheme().toLowerCase(Locale.ROOT), base.getHost(), base.getPort());
        this.maxResponseBytes = config.getMaxResponseBytes();
        Timeout connectTimeout = Timeout.of(config.getConnectTimeout());
        Timeout responseTimeout = Timeout.of(config.getResponseTimeout());

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
        try {
            client.execute(SimpleRequestProducer.create(http),
                    new BoundedResponseConsumer(maxResponseBytes), null, null, new FutureCallback<>() {
                        @Override
                        public void completed(RawResponse response) {
                            result.complete(response);
                        }

                        @Override
                        public void failed(Exception failure) {
                            result.completeExceptionally(failure);
                        }

                        @Override
                        public void cancelled() {
                            result.completeExceptionally(new CancellationException("request cancelled"));
                        }
                    });
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
