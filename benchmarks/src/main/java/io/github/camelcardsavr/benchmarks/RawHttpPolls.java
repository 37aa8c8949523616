package io.github.camelcardsavr.benchmarks;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelcardsavr.simulator.CreatedJob;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.reactor.IOReactorConfig;

/**
 * The physical budget: Apache HttpClient 5 async alone, no Camel and no CardSavr client, keeping {@code inFlight}
 * unsigned broadcast polls outstanding over the jobs in turn, against the same server and paths, with the headers the
 * component sends (the server parses every header, and it shares the machine).
 */
final class RawHttpPolls implements AutoCloseable {

    private final CloseableHttpAsyncClient client;
    private final List<CreatedJob> jobs;
    private final String baseUrl;
    private final String sessionToken;
    private final AtomicLong completed = new AtomicLong();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);

    RawHttpPolls(String baseUrl, String sessionToken, List<CreatedJob> jobs, int inFlight) {
        this.baseUrl = baseUrl;
        this.sessionToken = sessionToken;
        this.jobs = jobs;
        this.client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(inFlight).setMaxConnPerRoute(inFlight).build())
                .setIOReactorConfig(IOReactorConfig.custom().setTcpNoDelay(true).build())
                .setUserAgent("camel-cardsavr")
                .build();
        client.start();
        for (int i = 0; i < inFlight; i++) {
            send();
        }
    }

    private void send() {
        if (!running.get()) {
            return;
        }
        CreatedJob job = jobs.get(Math.floorMod(next.getAndIncrement(), jobs.size()));
        SimpleHttpRequest request = SimpleRequestBuilder.get(baseUrl + "/messages/place_card_on_single_site_jobs/"
                                                             + job.getJobId() + "/broadcasts")
                // the header set the component sends on an unsigned poll: the same request on the wire
                .addHeader("x-cardsavr-trace", Contestants.TRACE)
                .addHeader("Accept", "application/json")
                .addHeader("x-cardsavr-client-application", "camel-cardsavr")
                .addHeader("x-cardsavr-session-jwt", sessionToken)
                .addHeader("cardsavr-messaging-access-key", job.getAccessKey())
                .addHeader("x-cardsavr-cardsavr-messaging-access-key", job.getAccessKey())
                .build();
        client.execute(request, new FutureCallback<SimpleHttpResponse>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                if (response.getCode() == 200) {
                    completed.incrementAndGet();
                }
                send();
            }

            @Override
            public void failed(Exception ex) {
                send();
            }

            @Override
            public void cancelled() {
            }
        });
    }

    long completed() {
        return completed.get();
    }

    @Override
    public void close() {
        running.set(false);
        // graceful: the polls still out complete first (an immediate close once raised a
        // ConcurrentModificationException on the client's reactor thread)
        client.close(org.apache.hc.core5.io.CloseMode.GRACEFUL);
    }
}
