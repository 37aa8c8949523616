package io.github.camelcardsavr.simulator.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import io.github.camelcardsavr.simulator.CardsavrSimulator;

/**
 * {@code java -jar cardsavr-simulator.jar --port 8080 --integrator-name NAME --integrator-key BASE64
 * --username U --password P [--unsigned] [--https] [--step-delay-ms N]}: runs a simulator until killed.
 * Prints the base URL and the integrator name, never the password or the key.
 */
public final class SimulatorMain {

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** Exit status for bad arguments, as most command-line tools use. */
    public static final int USAGE_EXIT_CODE = 2;

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        CliOptions options;
        try {
            options = CliOptions.parse(args);
        } catch (CliOptions.UsageException e) {
            System.err.println(e.getMessage());
            System.err.println(CliOptions.USAGE);
            System.exit(USAGE_EXIT_CODE);
            return;
        }
        if (options.help()) {
            System.out.println(CliOptions.USAGE);
            return;
        }
        CardsavrSimulator simulator = start(options, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "cardsavr-sim-shutdown"));
        stopped.await();
    }

    /** Starts a simulator for parsed options and prints where it listens; the caller closes it. */
    public static CardsavrSimulator start(CliOptions options, PrintStream out) {
        CardsavrSimulator.Builder builder = CardsavrSimulator.builder()
                .port(options.port())
                .integratorName(options.integratorName())
                .integratorKey(options.integratorKey())
                .user(options.username(), options.password())
                .signed(!options.unsigned())
                .https(options.https());
        if (options.stepDelayMillis() != null) {
            builder.stepDelay(Duration.ofMillis(options.stepDelayMillis()));
        }
        CardsavrSimulator simulator = builder.start();
        out.println("CardSavr simulator listening on " + simulator.getBaseUrl());
        out.println("Integrator name: " + simulator.getIntegratorName() + " ("
                + (options.unsigned() ? "unsigned" : "signed") + " mode, user " + options.username() + ")");
        if (options.https()) {
            out.println("Self-signed certificate: " + writeCertificate(simulator));
        }
        out.println("Admin API: " + simulator.getBaseUrl() + "/_simulator/ (e.g. POST /_simulator/jobs {\"site\":\"tfa\"})");
        out.flush();
        return simulator;
    }

    /** Writes the PEM next to nothing secret, so another process can be told to trust it. */
    private static Path writeCertificate(CardsavrSimulator simulator) {
        try {
            Path file = Files.createTempFile("cardsavr-simulator-", ".pem");
            Files.writeString(file, simulator.getCertificatePem());
            file.toFile().deleteOnExit();
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Could not write the simulator certificate", e);
        }
    }
}
