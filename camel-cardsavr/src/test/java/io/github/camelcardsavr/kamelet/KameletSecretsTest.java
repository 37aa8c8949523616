package io.github.camelcardsavr.kamelet;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelcardsavr.simulator.SimulatorSites;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key and password a kamelet is handed never show, plain or URL-encoded, in what Camel and the component log at
 * DEBUG while the kamelet routes are created and run, nor in the endpoints' and routes' string forms.
 */
class KameletSecretsTest {

    private static final List<String> SECRETS = List.of(KameletFixture.INTEGRATOR_KEY, KameletFixture.PASSWORD,
            URLEncoder.encode(KameletFixture.INTEGRATOR_KEY, StandardCharsets.UTF_8),
            URLEncoder.encode(KameletFixture.PASSWORD, StandardCharsets.UTF_8));

    @ParameterizedTest
    @EnumSource(HandOver.class)
    void secretsStayOutOfLogsAndStringForms(HandOver handOver) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (KameletFixture f = KameletFixture.start(true); DebugLog log = new DebugLog()) {
            long jobId = f.createdJob(SimulatorSites.GOOD_EMAIL);
            f.load("secrets.yaml", new KameletYaml(handOver, f.properties).sourceTo("cardsavr-job-status-source",
                    f.source("jobId", Long.toString(jobId)), List.of(), "mock:captured"));
            f.start();
            f.startWhenPolled(jobId);
            KameletFixture.await().until(() -> f.job(jobId).isTerminated()
                                               && f.mock("mock:captured").getReceivedCounter() > 0);
            for (Endpoint e : f.context.getEndpoints()) {
                seen.add(e.toString());
            }
            for (Route r : f.context.getRoutes()) {
                seen.add(r.toString());
                seen.add(r.getEndpoint().toString());
            }
            assertThat(log.lines).as("DEBUG lines captured").isNotEmpty();
            log.lines.stream().filter(line -> !printsValuesByDesign(line)).forEach(seen::add);
        }
        for (String secret : SECRETS) {
            assertThat(seen).noneMatch(line -> line.contains(secret));
        }
    }

    /**
     * Camel itself prints, at DEBUG and whatever the component, the value of every property placeholder it resolves
     * and every route definition it adds (with the URIs as written, so a Pipe's or route's literal values).
     * docs/camel-k.md says to keep those loggers at INFO; what remains must not show a secret.
     */
    private static boolean printsValuesByDesign(String line) {
        return line.startsWith("org.apache.camel.component.properties.")
               || line.startsWith("org.apache.camel.impl.engine.DefaultCamelContextExtension Resolved text: ")
               || line.matches("(?s)org\\.apache\\.camel\\.impl\\.engine\\.AbstractCamelContext Adding (templated )?routes from builder: .*");
    }

    /** Everything org.apache.camel and io.github.camelcardsavr log at DEBUG and above, as "logger message". */
    private static final class DebugLog implements AutoCloseable {

        private static final List<String> LOGGERS = List.of("org.apache.camel", "io.github.camelcardsavr");
        final List<String> lines = new CopyOnWriteArrayList<>();
        private final AbstractAppender appender;

        DebugLog() {
            appender = new AbstractAppender("secrets-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY) {
                @Override
                public void append(LogEvent event) {
                    StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
                            .append(event.getMessage().getFormattedMessage());
                    for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
                        line.append(" | ").append(t);
                    }
                    lines.add(line.toString());
                }
            };
            appender.start();
            LoggerContext context = (LoggerContext) LogManager.getContext(false);
            for (String name : LOGGERS) {
                Configurator.setLevel(name, Level.DEBUG);
                context.getConfiguration().getLoggerConfig(name).addAppender(appender, Level.DEBUG, null);
            }
            context.updateLoggers();
        }

        @Override
        public void close() {
            LoggerContext context = (LoggerContext) LogManager.getContext(false);
            for (String name : LOGGERS) {
                LoggerConfig config = context.getConfiguration().getLoggerConfig(name);
                config.removeAppender(appender.getName());
                Configurator.setLevel(name, name.startsWith("io.") ? Level.INFO : null);
            }
            appender.stop();
            context.updateLoggers();
        }
    }
}
