package io.github.camelcardsavr.kamelet;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.github.camelcardsavr.simulator.CardsavrSimulator;
import io.github.camelcardsavr.simulator.JobSpec;
import io.github.camelcardsavr.simulator.JobView;
import io.github.camelcardsavr.simulator.SimulatorAdmin;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * A CardSavr simulator whose credentials hold the characters URLs and URIs mangle, and a plain Camel context that
 * loads YAML as Camel JBang does: the kamelets come from this jar's {@code kamelets/} folder (Camel's default
 * location), nothing is configured on the cardsavr component.
 */
final class KameletFixture implements AutoCloseable {

    /** Base64 of 32 bytes holding '+', '/' and '='. */
    static final String INTEGRATOR_KEY = "+3OfHjlvBoLE4xlYgScwaYaS8/OwVHlpa5/Hjj+MSCY=";
    static final String USERNAME = "agent";
    /** The same three characters in the password, which unsigned mode sends as it is. */
    static final String PASSWORD = "s3cr+t/pa=ss";

    final CardsavrSimulator simulator;
    final CamelContext context = new DefaultCamelContext();
    final Properties properties = new Properties();
    private final boolean signed;

    private KameletFixture(boolean signed) {
        this.signed = signed;
        this.simulator = CardsavrSimulator.builder().signed(signed).integratorKey(INTEGRATOR_KEY)
                .user(USERNAME, PASSWORD).stepDelay(Duration.ofMillis(5)).start();
    }

    static KameletFixture start(boolean signed) {
        return new KameletFixture(signed);
    }

    /** The kamelet connection properties for this simulator, as a user writes them. */
    Map<String, String> connection() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("baseUrl", simulator.getBaseUrl());
        if (signed) {
            c.put("integratorName", simulator.getIntegratorName());
            c.put("integratorKey", INTEGRATOR_KEY);
        } else {
            c.put("authMode", "unsigned");
        }
        c.put("username", USERNAME);
        c.put("password", PASSWORD);
        return c;
    }

    /** Connection properties plus the source's own, polling fast. */
    Map<String, String> source(String property, String value) {
        Map<String, String> c = connection();
        c.put(property, value);
        c.put("delay", "20");
        return c;
    }

    void load(String location, String yaml) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString(location, yaml));
    }

    void start() {
        context.getPropertiesComponent().setInitialProperties(properties);
        context.start();
    }

    MockEndpoint mock(String uri) {
        return context.getEndpoint(uri, MockEndpoint.class);
    }

    SimulatorAdmin admin() {
        return simulator.admin();
    }

    JobView job(long jobId) {
        return admin().job(jobId);
    }

    /** A job that waits for {@link SimulatorAdmin#startJob(long)}. */
    long createdJob(String site) {
        return admin().createJob(JobSpec.builder().site(site).autoStart(false).build()).getJobId();
    }

    long createdJob(String site, long cardholderId) {
        return admin().createJob(JobSpec.builder().site(site).cardholderId(cardholderId).autoStart(false).build())
                .getJobId();
    }

    /**
     * Starts the job once a consumer subscribed and polled it.
     *
     * @return messages published before the start, which a subscriber that registered later never sees
     */
    long startWhenPolled(long jobId) {
        await().until(() -> job(jobId).totalBroadcastPolls() >= 1);
        long before = job(jobId).getMessagesPublished();
        admin().startJob(jobId);
        return before;
    }

    static ConditionFactory await() {
        return Awaitility.await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(20));
    }

    @Override
    public void close() {
        try {
            context.stop();
        } finally {
            simulator.close();
        }
    }
}
