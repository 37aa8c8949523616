package io.github.camelcardsavr.reliability;

import io.github.camelcardsavr.testsupport.LogRecorder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.model.CredentialRequest;
import io.github.camelcardsavr.simulator.CreatedJob;
import io.github.camelcardsavr.simulator.JobSpec;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.spi.DumpRoutesStrategy;
import org.apache.camel.util.URISupport;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets never leak: the username and password, the integrator key, session tokens and session keys, access keys, TFA
 * codes and answer values.
 * <ul>
 * <li>A full signed run with every logger of the JVM at TRACE, credentials set on the component as the docs advise:
 * three jobs asking for a TFA code, new credentials and security answers, answered through both producers, with session
 * expiry, a revoked access key, server errors and wrong signatures on the way. No log line, exception text, endpoint
 * description, health result or route dump may hold a secret.</li>
 * <li>Credentials written into endpoint URIs: masked wherever Camel prints an endpoint (toString, sanitized URI,
 * health details, WARN lines) at the usual log levels.</li>
 * </ul>
 * What the component cannot control is measured and reported, not failed: Apache HttpClient's header and wire loggers
 * ({@code org.apache.hc.client5.http.headers/.wire}, DEBUG) print request headers, i.e. session token and access keys;
 * and at DEBUG/TRACE Camel's own engine prints route definitions and endpoint parameters as written, so a secret
 * written into a URI shows up there (it does not when it is set on the component).
 */
class SecretsUnderTraceTest {

    private static final String TFA_CODE = "739146025";
    private static final Map<String, String> NEW_CREDENTIALS = Map.of("username", "acct-user-8d1f", "password", "acct-pass-77e2");
    private static final String SECURITY_ANSWER = "sec-answer-4a9c";
    /** An agent account of this test's own, so that its name can be looked for in every text. */
    private static final String AGENT = "agent-7e3b9d";
    private static final String AGENT_PASSWORD = "agent-password-51c8";
    /** Any JWT, i.e. any session token the simulator issues. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");
    private static final Set<String> HTTP_CLIENT_HEADER_LOGGERS = Set.of("org.apache.hc.client5.http.headers",
            "org.apache.hc.client5.http.wire");

    @TempDir
    Path dumps;

    @Test
    void fullSignedRunAtTraceLeaksNoSecret() throws Exception {
        List<String> texts = new ArrayList<>();
        Map<String, Set<String>> inHttpClientLogs = new TreeMap<>();
        try (ReliabilityHarness h = new ReliabilityHarness(AGENT, AGENT_PASSWORD, UnaryOperator.identity());
             LogRecorder logs = new LogRecorder(Level.TRACE)) {
            CreatedJob tfa = job(h, SimulatorSites.TFA);
            CreatedJob badEmail = job(h, SimulatorSites.BAD_EMAIL);
            CreatedJob security = job(h, SimulatorSites.SECURITY);
            List<Long> ids = List.of(tfa.jobId(), badEmail.jobId(), security.jobId());
            String common = "?delay=20&initialDelay=0&exceptionHandler=#relHandler&jobId=" + ReliabilityHarness.jobIdList(ids);
            Map<Long, List<CardsavrMessage>> statuses = new ConcurrentHashMap<>();
            CamelContext context = h.startContext(null, config -> { }, new RouteBuilder() {
                @Override
                public void configure() {
                    from("cardsavr:jobStatus" + common).routeId(ReliabilityHarness.ROUTE_ID)
                            .log("status ${header.CamelCardsavrStatus} of job ${header.CamelCardsavrJobId}: ${body}")
                            .process(e -> {
                                CardsavrMessage m = e.getIn().getBody(CardsavrMessage.class);
                                statuses.computeIfAbsent(m.getJobId(), id -> new CopyOnWriteArrayList<>()).add(m);
                            });
                    from("cardsavr:credentialRequests" + common).routeId("answers")
                            .log("credential request ${body} with headers ${headers}")
                            .process(e -> e.getIn().setBody(answerFor(e.getIn().getBody(CredentialRequest.class),
                                    security.jobId())))
                            .choice()
                                .when(body().isInstanceOf(String.class)).to("cardsavr:credentialResponse")
                                .otherwise().to("cardsavr:jobCredentials")
                            .end()
                            .log("answered: ${body} with headers ${headers}");
                }
            });
            h.awaitSubscribed(ids);
            h.admin().faults().seed(FaultRows.SEED).onPath("/messages/").errorRate(0.1, 503).badSignature(0.05);
            h.admin().faults().expireSessions();
            // revoked before the jobs start: what a job publishes before the consumer has subscribed again (a wrongly
            // signed subscription reply delays that) is lost by design, and the run must see every job end
            Set<String> revoked = new LinkedHashSet<>(h.admin().broadcastPolls(tfa.jobId()).keySet());
            revoked.remove(tfa.accessKey());
            revoked.forEach(key -> h.admin().faults().revokeAccessKey(key));
            ReliabilityHarness.await().until(() -> h.admin().broadcastPolls(tfa.jobId()).entrySet().stream()
                    .anyMatch(e -> !revoked.contains(e.getKey()) && !e.getKey().equals(tfa.accessKey()) && e.getValue() > 0));
            ids.forEach(id -> h.admin().startJob(id));
            ReliabilityHarness.await().until(() -> ids.stream().allMatch(id -> h.admin().job(id).isTerminated()
                    && statuses.getOrDefault(id, List.of()).stream().anyMatch(CardsavrMessage::isTerminal)));
            assertThat(ids).allSatisfy(id -> assertThat(h.admin().job(id).getTerminationType()).isEqualTo("BILLABLE"));
            assertThat(h.admin().answerValues(tfa.jobId()).values()).containsExactly(TFA_CODE);
            assertThat(h.admin().answerValues(security.jobId()).values()).containsExactly(SECURITY_ANSWER);
            assertThat(h.handler.handled()).as("the faults happened and were reported").isNotEmpty();
            assertThat(logs.lines()).as("the component logged at DEBUG")
                    .anySatisfy(line -> assertThat(line.logger()).startsWith("io.github.camelcardsavr.client"));

            texts.addAll(printedEndpointsAndHealth(h, context));
            texts.add(routeDump(context, dumps.resolve("trace-run")));
            Map<String, String> secrets = secrets(h);
            secrets.put(AGENT, "username");
            List<byte[]> sessionKeys = h.admin().sessionKeys();
            assertThat(sessionKeys).as("a session before the expiry and one after").hasSizeGreaterThanOrEqualTo(2);
            sessionKeys.forEach(key -> encodings(key).forEach(text -> secrets.put(text, "session key")));
            for (LogRecorder.Line line : logs.lines()) {
                if (HTTP_CLIENT_HEADER_LOGGERS.contains(line.logger())) {
                    findSecrets(line.text(), secrets).forEach(name -> inHttpClientLogs
                            .computeIfAbsent(name, n -> new LinkedHashSet<>()).add(line.logger()));
                } else {
                    texts.add("[" + line.logger() + "] " + line.text());
                }
            }
            FaultFigures.report("RELIABILITY secrets logLines=" + logs.lines().size() + " textsChecked=" + texts.size()
                               + " secretValues=" + secrets.size() + " inHttpClientHeaderLogs=" + inHttpClientLogs);
            assertNoSecrets(texts, secrets);
            // the username is there as the trace key, which defaults to it (as in Strivve's SDKs): header x-cardsavr-trace
            assertThat(inHttpClientLogs.keySet()).as("even HttpClient's header/wire logs hold no password, key, code or answer")
                    .allSatisfy(name -> assertThat(name).matches("session token|access key.*|username"));
        }
    }

    /**
     * Password and integrator key written into the URIs are masked in what Camel prints for an endpoint: toString, the
     * sanitized URI, health check details, and the WARN lines of failing polls.
     */
    @Test
    void secretsWrittenIntoEndpointUrisAreMaskedWhereCamelPrintsTheEndpoint() throws Exception {
        try (ReliabilityHarness h = new ReliabilityHarness(); LogRecorder logs = new LogRecorder(Level.INFO)) {
            CreatedJob job = job(h, SimulatorSites.MANUAL);
            String inUri = "&username=" + h.username() + "&password=RAW(" + h.password()
                           + ")&integratorKey=RAW(" + h.simulator.getIntegratorKey() + ")&accessKey=RAW(" + job.accessKey()
                           + ")";
            h.admin().faults().onPath("/broadcasts").errorRate(1.0, 503);
            CamelContext context = h.startContext(null, config -> {
                config.setPassword(null);
                config.setIntegratorKey(null);
            }, new RouteBuilder() {
                @Override
                public void configure() {
                    from("cardsavr:jobStatus?delay=20&initialDelay=0&exceptionHandler=#relHandler&jobId=" + job.jobId()
                         + inUri).routeId(ReliabilityHarness.ROUTE_ID).to("mock:status");
                    from("direct:answer").to("cardsavr:jobCredentials?" + inUri.substring(1));
                }
            });
            ReliabilityHarness.await().until(() -> h.health.sawDownWithCode(503) && h.handler.handled().size() >= 3);
            List<String> texts = new ArrayList<>(printedEndpointsAndHealth(h, context));
            logs.lines().forEach(line -> texts.add("[" + line.logger() + "] " + line.text()));
            assertThat(texts).anySatisfy(text -> assertThat(text).contains("password=xxxxxx"));
            assertNoSecrets(texts, secrets(h));
        }
    }

    /** A route dump shows routes as written; with the credentials on the component there is nothing to leak. */
    @Test
    void routeDumpHoldsNoSecretWhenCredentialsAreSetOnTheComponent() throws Exception {
        try (ReliabilityHarness h = new ReliabilityHarness(); LogRecorder logs = new LogRecorder(Level.INFO)) {
            CreatedJob job = job(h, SimulatorSites.TFA);
            CamelContext context = h.startContext(null, config -> { }, new RouteBuilder() {
                @Override
                public void configure() {
                    from("cardsavr:jobStatus?delay=20&initialDelay=0&jobId=" + job.jobId())
                            .routeId(ReliabilityHarness.ROUTE_ID).to("mock:status");
                    from("cardsavr:credentialRequests?delay=20&initialDelay=0&jobId=" + job.jobId())
                            .setBody(header("answer")).to("cardsavr:jobCredentials");
                }
            });
            h.awaitSubscribed(List.of(job.jobId()));
            String dump = routeDump(context, dumps.resolve("component-level"));
            assertThat(dump).contains("cardsavr:jobStatus");
            Map<String, String> secrets = secrets(h);
            assertThat(findSecrets(dump, secrets)).isEmpty();
            assertNoSecrets(logs.lines().stream().map(LogRecorder.Line::text).toList(), secrets);
        }
    }

    /** The answer for a request: the TFA code, the security answer (a String, posted), or new credentials (a Map). */
    private static Object answerFor(CredentialRequest request, long securityJob) {
        if (request.isTfa()) {
            return TFA_CODE;
        }
        return request.getJobId() == securityJob ? SECURITY_ANSWER : NEW_CREDENTIALS;
    }

    private static List<String> printedEndpointsAndHealth(ReliabilityHarness h, CamelContext context) {
        List<String> texts = new ArrayList<>();
        // getEndpointUri() is the raw configuration in every Camel component; Camel prints it through sanitizeUri
        for (Endpoint endpoint : context.getEndpoints()) {
            texts.add(endpoint.toString());
            texts.add(URISupport.sanitizeUri(endpoint.getEndpointUri()));
            texts.add(endpoint.getEndpointBaseUri());
        }
        context.getRoutes().forEach(route -> texts.add(route + " " + route.getEndpoint()));
        HealthCheckHelper.invokeReadiness(context).forEach(r -> texts.add(r.getMessage().orElse("") + " "
                + r.getDetails() + " " + r.getError().map(SecretsUnderTraceTest::stackTrace).orElse("")));
        h.health.samples().forEach(s -> texts.add(s.message() + " " + s.details()));
        h.handler.handled().forEach(e -> texts.add(stackTrace(e)));
        return texts;
    }

    private static String routeDump(CamelContext context, Path dir) throws Exception {
        DumpRoutesStrategy dumper = context.getCamelContextExtension().getContextPlugin(DumpRoutesStrategy.class);
        dumper.setLog(true);
        dumper.setOutput(dir.toString());
        dumper.dumpRoutes("xml");
        StringBuilder dump = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                dump.append(Files.readString(file));
            }
        }
        return dump.toString();
    }

    private static CreatedJob job(ReliabilityHarness h, String site) {
        CreatedJob job = h.admin().createJob(JobSpec.builder().site(site).tfaCode(TFA_CODE).autoStart(false).build());
        h.track(job);
        return job;
    }

    /** Secret name by value; session tokens are matched by their JWT shape. */
    private static Map<String, String> secrets(ReliabilityHarness h) {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put(h.password(), "password");
        secrets.put(h.simulator.getIntegratorKey(), "integrator key");
        secrets.put(TFA_CODE, "TFA code");
        secrets.put(SECURITY_ANSWER, "security answer");
        NEW_CREDENTIALS.forEach((field, value) -> secrets.put(value, "account_link " + field));
        int i = 0;
        for (String key : h.secrets()) {
            secrets.putIfAbsent(key, "access key " + (++i));
        }
        return secrets;
    }

    /** The forms a 32-byte key would take in a text: base64 (both alphabets, with or without padding) and hex. */
    private static Set<String> encodings(byte[] key) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(Base64.getEncoder().encodeToString(key));
        forms.add(Base64.getEncoder().withoutPadding().encodeToString(key));
        forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(key));
        forms.add(HexFormat.of().formatHex(key));
        forms.add(HexFormat.of().withUpperCase().formatHex(key));
        return forms;
    }

    private static void assertNoSecrets(List<String> texts, Map<String, String> secrets) {
        Set<String> offending = new TreeSet<>();
        for (String text : texts) {
            Set<String> found = findSecrets(text, secrets);
            if (!found.isEmpty()) {
                offending.add(found + " in: " + (text.length() > 400 ? text.substring(0, 400) + "..." : text));
            }
        }
        assertThat(offending).as("texts holding a secret").isEmpty();
    }

    private static Set<String> findSecrets(String text, Map<String, String> secrets) {
        Set<String> found = new LinkedHashSet<>();
        secrets.forEach((value, name) -> {
            if (text.contains(value)) {
                found.add(name);
            }
        });
        if (JWT.matcher(text).find()) {
            found.add("session token");
        }
        return found;
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
