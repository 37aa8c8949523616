package io.github.camelcardsavr.examples.springboot;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.github.camelcardsavr.examples.support.ExampleLauncher;
import io.github.camelcardsavr.examples.support.PathsForHumans;
import io.github.camelcardsavr.examples.support.ProgressDisplay;
import io.github.camelcardsavr.examples.support.RunOptions;
import io.github.camelcardsavr.examples.support.RunSummary;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;

/**
 * Starts the Spring Boot application, shows progress until the run ends, prints the summary and closes the
 * application. The main method and the test differ only in what they pass here.
 */
public final class ExampleRunner {

    /** What a run ended with. */
    public record Outcome(int exitCode, RunSummary summary) {
    }

    static final String SIMULATOR_SOURCE = "embedded-simulator";
    static final String SETTINGS_SOURCE = "example-settings";

    private ExampleRunner() {
    }

    /**
     * @param simulator   the embedded simulator to talk to, or null for the instance the environment names
     * @param settings    properties that win over everything else (tests); usually empty
     * @param args        the command line, as Spring Boot reads it ({@code --name=value} sets a property)
     * @param beforeClose called with the running application once the summary is printed
     */
    public static Outcome run(DemoSimulator simulator, Map<String, Object> settings, String[] args, PrintStream out,
            boolean ansi, Consumer<ConfigurableApplicationContext> beforeClose) throws InterruptedException {
        ConfigurableApplicationContext context = start(simulator, settings, args);
        try {
            ExampleRun run = context.getBean(ExampleRun.class);
            printBanner(out, simulator, context);
            if (simulator != null) {
                simulator.startJobsOncePolled();
            }
            try (ProgressDisplay display = new ProgressDisplay(run.tracker(), out, ansi).start()) {
                run.awaitEnd();
            }
            RunSummary summary = run.summary();
            out.print(summary.format());
            out.flush();
            beforeClose.accept(context);
            ExampleProperties properties = context.getBean(ExampleProperties.class);
            int exitCode = summary.allTerminated() ? ExampleLauncher.OK
                    : ExampleLauncher.timedOut(summary, new RunOptions(null, properties.timeout(), out, ansi));
            return new Outcome(exitCode, summary);
        } finally {
            SpringApplication.exit(context);
        }
    }

    private static ConfigurableApplicationContext start(DemoSimulator simulator, Map<String, Object> settings,
            String[] args) {
        SpringApplication application = new SpringApplication(SpringBootExampleApplication.class);
        application.addInitializers(context -> {
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            if (simulator != null) {
                context.getBeanFactory().registerSingleton("demoSimulator", simulator);
                // Right after the real environment: the simulator stands in for the CARDSAVR_* variables,
                // while system properties and command line arguments still win.
                Map<String, Object> simulated = new LinkedHashMap<>(simulator.environment());
                simulated.put("cardsavr.example.poll-delay", "500ms");
                simulated.put("cardsavr.example.timeout", "3m");
                sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new MapPropertySource(SIMULATOR_SOURCE, simulated));
            }
            if (!settings.isEmpty()) {
                sources.addFirst(new MapPropertySource(SETTINGS_SOURCE, settings));
            }
        });
        try {
            return application.run(args);
        } catch (RuntimeException e) {
            // a bad setting surfaces deep inside Spring's and Camel's wrappers: report the setting, not the wrappers
            throw badSetting(e).orElseThrow(() -> e);
        }
    }

    private static Optional<IllegalArgumentException> badSetting(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IllegalArgumentException bad) {
                return Optional.of(bad);
            }
        }
        return Optional.empty();
    }

    private static void printBanner(PrintStream out, DemoSimulator simulator, ConfigurableApplicationContext context) {
        ExampleProperties properties = context.getBean(ExampleProperties.class);
        String cardsavr = simulator != null ? simulator.describe()
                : context.getEnvironment().getProperty("camel.component.cardsavr.base-url");
        out.println("camel-cardsavr Spring Boot example");
        out.println("  CardSavr : " + cardsavr + ", auth mode "
                    + context.getEnvironment().getProperty("camel.component.cardsavr.auth-mode"));
        out.println("  jobs     : " + context.getBean(FollowedJobs.class).describe());
        out.println("  files    : " + PathsForHumans.shortest(properties.outDir()) + "/<jobId>/<seq>-<status>.json");
        out.println("  JMS      : queue " + properties.queue() + " of Spring Boot's embedded Artemis broker");
        out.println("  answers  : " + context.getBean(Answers.class).describe());
        out.println();
        out.flush();
    }
}
