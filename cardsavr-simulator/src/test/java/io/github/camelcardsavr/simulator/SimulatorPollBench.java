package io.github.camelcardsavr.simulator;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.reactor.IOReactorConfig;

/**
 * Broadcast-poll throughput of the simulator with a client in the same JVM, sharing the cores as in the
 * component's scale benchmark. The polling client is Apache HttpClient 5 async (2 I/O threads), the
 * transport the component uses. Not a unit test: run it by hand, e.g.
 *
 * <pre>
 * mvn -B -ntp -q -pl cardsavr-simulator test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.github.camelcardsavr.simulator.SimulatorPollBench -Dexec.args="10 32 1000 signed"
 * </pre>
 *
 * Arguments: seconds to measure (10), polls in flight (32), jobs (1000), signed|unsigned. Every poll is a
 * full protocol call: session-token check, and when signed the request's HMAC verification, AES-GCM
 * encryption and signing of the reply, and the client's verification and decryption of it. A feeder
 * publishes about 1,000 status messages a second, so some polls carry messages.
 */
public final class SimulatorPollBench {

    private SimulatorPollBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int jobCount = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        boolean signed = args.length <= 3 || !"unsigned".equals(args[3]);
        try (CardsavrSimulator simulator = CardsavrSimulator.builder().stepDelay(Duration.ofSeconds(1)).start();
                CloseableHttpAsyncClient http = HttpAsyncClients.custom()
                        .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(2).setTcpNoDelay(true).build())
                        .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                                .setMaxConnTotal(256).setMaxConnPerRoute(256).build())
                        .build()) {
            http.start();
            List<CreatedJob> jobs = new ArrayList<>();
            for (int i = 0; i < jobCount; i++) {
                jobs.add(simulator.admin().createJob(SimulatorSites.MANUAL, null));
            }
            RawCardsavrClient login = RawCardsavrClient.of(simulator);
            if (signed) {
                login.signedLogin("agent", "agent-password");
            } else {
                login.useToken(simulator.admin().issueSessionToken("agent"));
            }
            Poller poller = new Poller(http, simulator, login.sessionToken(), login.sessionKey(), jobs);
            AtomicBoolean running = new AtomicBoolean(true);
            Thread feeder = feeder(simulator, jobs, running);
            CountDownLatch done = new CountDownLatch(concurrency);
            for (int lane = 0; lane < concurrency; lane++) {
                poller.loop(running, done);
            }
            Thread.sleep(3_000); // warm-up; a hand-run benchmark, not a test
            long startPolls = poller.polls.get();
            long startMessages = poller.messages.get();
            long start = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            double elapsed = (System.nanoTime() - start) / 1e9;
            long polls = poller.polls.get() - startPolls;
            long messages = poller.messages.get() - startMessages;
            running.set(false);
            done.await();
            feeder.join();
            System.out.printf("SimulatorPollBench: %s, %d cores, %d jobs, %d in flight, %d s: %.0f polls/s, "
                    + "%.0f messages/s, %d failed polls%n", signed ? "signed" : "unsigned (token)",
                    Runtime.getRuntime().availableProcessors(), jobCount, concurrency, seconds, polls / elapsed,
                    messages / elapsed, poller.failures.get());
        }
    }

    /** One poll after another per lane; signs like a CardSavr client and verifies/decrypts every reply. */
    private static final class Poller {
        final AtomicLong polls = new AtomicLong();
        final AtomicLong messages = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        private final CloseableHttpAsyncClient http;
        private final String baseUrl;
        private final String authorization;
        private final String token;
        private final byte[] key;
        private final List<CreatedJob> jobs;

        Poller(CloseableHttpAsyncClient http, CardsavrSimulator simulator, String token, byte[] key,
                List<CreatedJob> jobs) {
            this.http = http;
            this.baseUrl = simulator.getBaseUrl();
            this.authorization = "SWCH-HMAC-SHA256 Credentials=" + simulator.getIntegratorName();
            this.token = token;
            this.key = key;
            this.jobs = jobs;
        }

        void loop(AtomicBoolean running, CountDownLatch done) {
            if (!running.get()) {
                done.countDown();
                return;
            }
            CreatedJob job = jobs.get(ThreadLocalRandom.current().nextInt(jobs.size()));
            String path = ApiPaths.broadcasts(job.jobId());
            SimpleRequestBuilder request = SimpleRequestBuilder.get(baseUrl + path)
                    .addHeader("x-cardsavr-trace", RawCardsavrClient.TRACE)
                    .addHeader("x-cardsavr-session-jwt", token)
                    .addHeader(ApiPaths.ACCESS_KEY, job.accessKey())
                    .addHeader(ApiPaths.SDK_ACCESS_KEY, job.accessKey());
            if (key != null) {
                String nonce = Long.toString(System.currentTimeMillis());
                request.addHeader("x-cardsavr-authorization", authorization).addHeader("x-cardsavr-nonce", nonce)
                        .addHeader("x-cardsavr-signature", RawCardsavrClient.signature(key, path, authorization, nonce, ""));
            }
            SimpleHttpRequest built = request.build();
            http.execute(built, new FutureCallback<SimpleHttpResponse>() {
                @Override
                public void completed(SimpleHttpResponse response) {
                    Reply reply = Reply.of(response.getCode(), headers(response), response.getBodyText(), key, path);
                    if (reply.status() == 200 && reply.problem() == null && !Boolean.FALSE.equals(reply.signatureValid())) {
                        polls.incrementAndGet();
                        messages.addAndGet(reply.list().size());
                    } else {
                        failures.incrementAndGet();
                    }
                    loop(running, done);
                }

                @Override
                public void failed(Exception ex) {
                    failures.incrementAndGet();
                    loop(running, done);
                }

                @Override
                public void cancelled() {
                    done.countDown();
                }
            });
        }

        private static HttpHeaders headers(SimpleHttpResponse response) {
            Map<String, List<String>> map = new java.util.HashMap<>();
            for (Header header : response.getHeaders()) {
                map.computeIfAbsent(header.getName().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>())
                        .add(header.getValue());
            }
            return HttpHeaders.of(map, (name, value) -> true);
        }
    }

    private static Thread feeder(CardsavrSimulator simulator, List<CreatedJob> jobs, AtomicBoolean running) {
        Thread feeder = new Thread(() -> {
            long sequence = 0;
            while (running.get()) {
                for (int i = 0; i < 10; i++) {
                    CreatedJob job = jobs.get(ThreadLocalRandom.current().nextInt(jobs.size()));
                    simulator.admin().injectMessage(job.jobId(), Map.of("status", "UPDATING", "percent_complete",
                            50 + (sequence++ % 40)));
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }, "bench-feeder");
        feeder.setDaemon(true);
        feeder.start();
        return feeder;
    }
}
