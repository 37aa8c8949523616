package io.github.camelcardsavr.client;

import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import io.github.camelcardsavr.simulator.CardsavrSimulator;
import io.github.camelcardsavr.simulator.CardsavrSimulatorExtension;
import io.github.camelcardsavr.simulator.CreatedJob;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's example is this test's code: the test takes the one Java block out of {@code README.md}, compiles it,
 * and runs it as a reader would, in a JVM of its own, against the simulator, typing the TFA code on its standard
 * input. The README's coordinates and defaults are checked against the build and the code.
 */
class ReadmeExampleTest {

    private static final Path README = Path.of("README.md");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PUBLIC_CLASS = Pattern.compile("public class (\\w+)");
    private static final Pattern PARENT_VERSION = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL);

    @RegisterExtension
    static final CardsavrSimulatorExtension SIM = new CardsavrSimulatorExtension();

    @TempDir
    Path work;

    @Test
    void theExampleFollowsATfaJobToItsEndWithTheCodeTypedIn() throws Exception {
        String source = onlyJavaBlock(Files.readString(README));
        Matcher declared = PUBLIC_CLASS.matcher(source);
        assertThat(declared.find()).as("the README example declares a public class").isTrue();
        String mainClass = declared.group(1);
        Path classes = compile(mainClass, source);

        CardsavrSimulator simulator = SIM.getSimulator();
        CreatedJob job = simulator.admin().createJob(SimulatorSites.TFA, null);
        Path printed = work.resolve("printed.txt");
        ProcessBuilder run = new ProcessBuilder(java(), "-cp", classes + File.pathSeparator + System.getProperty("java.class.path"),
                mainClass, Long.toString(job.jobId())).redirectErrorStream(true).redirectOutput(printed.toFile());
        Map<String, String> environment = run.environment();
        environment.put("CARDSAVR_BASE_URL", simulator.getBaseUrl());
        environment.put("CARDSAVR_INTEGRATOR_NAME", simulator.getIntegratorName());
        environment.put("CARDSAVR_INTEGRATOR_KEY", simulator.getIntegratorKey());
        environment.put("CARDSAVR_USERNAME", SimulatorClients.USERNAME);
        environment.put("CARDSAVR_PASSWORD", SimulatorClients.PASSWORD);
        Process process = run.start();
        try (Writer stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
            stdin.write(SimulatorSites.DEFAULT_TFA_CODE + "\n");
        }
        // a guard against a hung example, not a speed requirement
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("The README example did not end; it printed:\n" + Files.readString(printed));
        }

        String output = Files.readString(printed);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("TFA code: ");
        List<String> messages = output.lines().filter(line -> line.contains("CardsavrMessage[")).toList();
        assertThat(messages).as(output).isNotEmpty().allSatisfy(line -> assertThat(line).contains("jobId=" + job.jobId()));
        assertThat(messages.get(messages.size() - 1)).contains("status=SUCCESSFUL", "terminationType=BILLABLE");
        assertThat(simulator.admin().answerValues(job.jobId())).containsValue(SimulatorSites.DEFAULT_TFA_CODE);
    }

    @Test
    void theReadmeNamesThisModulesCoordinatesAndTheClientsDefaults() throws IOException {
        String readme = Files.readString(README);
        Matcher version = PARENT_VERSION.matcher(Files.readString(Path.of("pom.xml")));
        assertThat(version.find()).isTrue();
        assertThat(readme).contains("<groupId>io.github.camelcardsavr</groupId>", "<artifactId>cardsavr-client</artifactId>",
                "<version>" + version.group(1) + "</version>");
        assertThat(readme).contains(
                "| `connectTimeout` | connecting to the server | " + CardsavrClientConfig.DEFAULT_CONNECT_TIMEOUT.toSeconds() + " s |",
                "| " + CardsavrClientConfig.DEFAULT_RESPONSE_TIMEOUT.toSeconds() + " s |",
                "one per call in flight | " + CardsavrClientConfig.DEFAULT_MAX_CONNECTIONS + " |",
                "`BODY_TOO_LARGE` | " + CardsavrClientConfig.DEFAULT_MAX_RESPONSE_BYTES / (1024 * 1024) + " MiB |",
                "| `authMode` | `SIGNED`, `UNSIGNED` or `TOKEN`, see below | `" + defaultAuthMode().name() + "` |");
    }

    private static AuthMode defaultAuthMode() {
        return CardsavrClientConfig.builder().baseUrl("https://cardsavr.example").integratorName("integrator")
                .integratorKey(Base64.getEncoder().encodeToString(new byte[32])).username("agent").password("secret")
                .build().getAuthMode();
    }

    private static String onlyJavaBlock(String markdown) {
        Matcher blocks = JAVA_BLOCK.matcher(markdown);
        assertThat(blocks.find()).as("README.md has a java block").isTrue();
        String block = blocks.group(1);
        assertThat(blocks.find()).as("README.md has exactly one java block: the example this test runs").isFalse();
        return block;
    }

    private Path compile(String className, String source) throws IOException {
        Path sources = Files.createDirectories(work.resolve("src"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        Path file = Files.writeString(sources.resolve(className + ".java"), source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean compiled = javac.getTask(null, files, diagnostics,
                    List.of("--release", "17", "-Xlint:all,-path,-options", "-Werror", "-d", classes.toString(),
                            "-classpath", System.getProperty("java.class.path")),
                    null, files.getJavaFileObjects(file)).call();
            assertThat(compiled).as("the README example compiles without warnings: %s", diagnostics.getDiagnostics()).isTrue();
        }
        return classes;
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
