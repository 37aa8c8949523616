package io.github.camelcardsavr.kamelet;

import java.nio.file.Path;
import java.util.Properties;

import org.apache.camel.main.Main;

/**
 * Camel Main running route files in a thread, as Camel JBang and the Camel K runtime run them: it applies
 * {@code camel.component.*} properties to the components.
 */
final class MainRun implements AutoCloseable {

    private final Main main = new Main();
    private final Thread runner;

    MainRun(Path routes, Properties initial, Properties overrides) {
        main.configure().withRoutesIncludePattern("file:" + routes.toAbsolutePath().normalize());
        main.configure().setAutoConfigurationLogSummary(false);
        initial.stringPropertyNames().forEach(k -> main.addInitialProperty(k, initial.getProperty(k)));
        overrides.stringPropertyNames().forEach(k -> main.addOverrideProperty(k, overrides.getProperty(k)));
        runner = new Thread(() -> {
            try {
                main.run();
            } catch (Exception e) {
                throw new IllegalStateException("Camel Main failed", e);
            }
        }, "camel-main");
        runner.start();
    }

    @Override
    public void close() throws InterruptedException {
        main.completed();
        runner.join();
    }
}
