package io.github.camelcardsavr.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.camelcardsavr.simulator.cli.CliOptions;
import io.github.camelcardsavr.simulator.cli.SimulatorMain;

/** The command line: required flags, validation, start on a free port, no secrets printed. */
class SimulatorMainTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32 });
    private static final String PASSWORD = "cli-Pa55word!";

    private static String[] args(String... extra) {
        List<String> all = new ArrayList<>(List.of("--port", "0", "--integrator-name", "cli-integrator",
                "--integrator-key", KEY, "--username", "cli-user", "--password", PASSWORD));
        all.addAll(List.of(extra));
        return all.toArray(new String[0]);
    }

    @Test
    void parsesEveryFlag() throws Exception {
        CliOptions options = CliOptions.parse(args("--unsigned", "--https", "--step-delay-ms", "250"));

        assertThat(options.port()).isZero();
        assertThat(options.integratorName()).isEqualTo("cli-integrator");
        assertThat(options.username()).isEqualTo("cli-user");
        assertThat(options.unsigned()).isTrue();
        assertThat(options.https()).isTrue();
        assertThat(options.stepDelayMillis()).isEqualTo(250L);
        assertThat(options.toString()).doesNotContain(PASSWORD).doesNotContain(KEY);
        assertThat(CliOptions.parse("--port=0", "--integrator-name=n", "--integrator-key=" + KEY, "--username=u",
                "--password=p").unsigned()).isFalse();
    }

    @Test
    void missingOrInvalidFlagsAreUsageErrors() {
        for (String required : List.of("--port", "--integrator-name", "--integrator-key", "--username", "--password")) {
            List<String> without = new ArrayList<>(List.of(args()));
            int index = without.indexOf(required);
            without.remove(index + 1);
            without.remove(index);
            assertThatThrownBy(() -> CliOptions.parse(without.toArray(new String[0])))
                    .isInstanceOf(CliOptions.UsageException.class).hasMessageContaining(required);
        }
        assertThatThrownBy(() -> CliOptions.parse(args("--verbose"))).hasMessageContaining("Unknown option: --verbose");
        assertThatThrownBy(() -> CliOptions.parse(args("--port", "x"))).hasMessageContaining("--port must be a number");
        assertThatThrownBy(() -> CliOptions.parse("--port", "0", "--integrator-name", "n", "--integrator-key", "c2hvcnQ=",
                "--username", "u", "--password", "p")).hasMessageContaining("32 bytes").hasMessageNotContaining("c2hvcnQ=");
        assertThatThrownBy(() -> CliOptions.parse(args("--step-delay-ms"))).hasMessageContaining("needs a value");
    }

    @Test
    void startsOnAFreePortAndPrintsNoSecrets() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (CardsavrSimulator simulator = SimulatorMain.start(CliOptions.parse(args("--step-delay-ms", "5")),
                new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            String output = printed.toString(StandardCharsets.UTF_8);

            assertThat(output).contains("CardSavr simulator listening on http://127.0.0.1:" + simulator.getPort())
                    .contains("cli-integrator").doesNotContain(PASSWORD).doesNotContain(KEY);
            assertThat(simulator.getIntegratorKey()).isEqualTo(KEY);
            assertThat(RawCardsavrClient.of(simulator).signedLogin("cli-user", PASSWORD).status()).isEqualTo(200);
        }
    }

    @Test
    void theMainExitsWithStatusTwoOnMissingFlags() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SimulatorMain.class.getName(), "--port", "0").redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(SimulatorMain.USAGE_EXIT_CODE).isEqualTo(2);
        assertThat(output).contains("Missing required option --integrator-name").contains("Usage:");
    }
}
