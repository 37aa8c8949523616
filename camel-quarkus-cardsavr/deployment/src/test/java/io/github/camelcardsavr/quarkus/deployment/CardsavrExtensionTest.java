package io.github.camelcardsavr.quarkus.deployment;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.logging.LogRecord;
import java.util.stream.Stream;

import io.github.camelcardsavr.CardsavrComponent;
import io.github.camelcardsavr.CardsavrConfiguration;
import io.github.camelcardsavr.client.CardsavrClient;
import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.model.JobStatus;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extension in a Quarkus build: its feature, what it registers for native images, and that the component, its
 * configuration and type converters work as in JVM mode. Registrations are checked against the classes in the jars
 * themselves, so a model type or a class with static key state added later fails this test until the build steps
 * cover it.
 */
class CardsavrExtensionTest {

    private static final String INTEGRATOR_KEY = "q7Xb0s1mJm3cVbqk9k4yqS8v1Hh2m1Xk6V6a2rVq0cE=";
    private static final String PASSWORD = "deployment-test-password";
    /** Independent of the extension's own list on purpose: what a static field must not hold in an image. */
    private static final Set<String> RANDOM_OR_KEY_TYPES = Set.of("java.util.Random", "java.security.Key",
            "java.security.KeyPair", "java.security.KeyPairGenerator", "java.security.Signature", "javax.crypto.Cipher",
            "javax.crypto.Mac", "javax.crypto.KeyAgreement", "javax.crypto.KeyGenerator");

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(BuildStepRecorder.class, JarClasses.class))
            .addBuildChainCustomizer(BuildStepRecorder.chainCustomizer())
            .overrideConfigKey("camel.component.cardsavr.base-url", "http://127.0.0.1:9")
            .overrideConfigKey("camel.component.cardsavr.integrator-name", "deployment-test")
            .overrideConfigKey("camel.component.cardsavr.integrator-key", INTEGRATOR_KEY)
            .overrideConfigKey("camel.component.cardsavr.username", "agent")
            .overrideConfigKey("camel.component.cardsavr.password", PASSWORD)
            .setLogRecordPredicate(record -> true)
            .assertLogRecords(CardsavrExtensionTest::noSecretLogged);

    @Inject
    CamelContext context;

    @Test
    void installsTheFeature() {
        assertThat(recorded(BuildStepRecorder.FEATURES)).contains("camel-cardsavr");
    }

    @Test
    void registersEveryModelClassWithAllConstructorsMethodsAndFields() {
        List<Class<?>> model = JarClasses.inPackageOf(CardsavrMessage.class, "io.github.camelcardsavr.model");
        assertThat(model).extracting(Class::getSimpleName)
                .contains("CardsavrMessage", "JobStatus", "CredentialRequest", "CredentialResponse", "Subscription",
                        "SessionLoginReply", "ApiError", "AccountLinkField", "MessagePayloadDeserializer");
        assertThat(model).allSatisfy(type -> assertThat(reflectionOf(type))
                .as("reflection flags of %s", type.getName())
                .contains("constructors", "methods", "fields"));
    }

    @Test
    void registersEveryClassThatCarriesAJacksonAnnotation() {
        List<Class<?>> annotated = Stream.concat(
                        JarClasses.inPackageOf(CardsavrClient.class, "io.github.camelcardsavr").stream(),
                        JarClasses.inPackageOf(CardsavrComponent.class, "io.github.camelcardsavr").stream())
                .distinct()
                .filter(CardsavrExtensionTest::hasJacksonAnnotation)
                .toList();
        assertThat(annotated).isNotEmpty();
        assertThat(annotated).allSatisfy(type -> assertThat(reflectionOf(type))
                .as("reflection flags of %s", type.getName())
                .contains("constructors", "methods", "fields"));
    }

    @Test
    void initialisesClassesWithStaticRandomOrKeyStateAtRunTime() {
        List<String> holders = Stream.concat(
                        JarClasses.inPackageOf(CardsavrClient.class, "io.github.camelcardsavr").stream(),
                        JarClasses.inPackageOf(CardsavrComponent.class, "io.github.camelcardsavr").stream())
                .distinct()
                .filter(CardsavrExtensionTest::holdsSecretTypeStatically)
                .map(Class::getName)
                .toList();
        // the two the client has today; the scan above must keep finding them
        assertThat(holders).contains("io.github.camelcardsavr.client.BodyCipher", "io.github.camelcardsavr.client.Hmac");
        assertThat(recorded(BuildStepRecorder.RUNTIME_INITIALIZED)).containsAll(holders);
    }

    @Test
    void discoversTheComponentAndConfiguresItFromApplicationProperties() {
        CardsavrComponent component = context.getComponent("cardsavr", CardsavrComponent.class);
        CardsavrConfiguration configuration = component.getConfiguration();
        assertThat(configuration.getBaseUrl()).isEqualTo("http://127.0.0.1:9");
        assertThat(configuration.getIntegratorName()).isEqualTo("deployment-test");
        assertThat(configuration.getIntegratorKey()).isEqualTo(INTEGRATOR_KEY);
        assertThat(configuration.getUsername()).isEqualTo("agent");
        assertThat(configuration.getPassword()).isEqualTo(PASSWORD);
        assertThat(context.getEndpoint("cardsavr:jobStatus?jobId=101").getEndpointUri())
                .doesNotContain(INTEGRATOR_KEY).doesNotContain(PASSWORD);
    }

    @Test
    void discoversTheTypeConverters() {
        CardsavrMessage message = CardsavrMessage.jobStatus(101, JobStatus.of("UPDATING", 54.5, null));
        assertThat(context.getTypeConverter().convertTo(String.class, message))
                .isEqualTo("{\"type\":\"job_status\",\"job_id\":101,\"message\":{\"status\":\"UPDATING\","
                           + "\"percent_complete\":54.5}}");
    }

    private static Set<String> recorded(String key) {
        return BuildStepRecorder.split(BuildStepRecorder.read().getProperty(key, ""));
    }

    private static Set<String> reflectionOf(Class<?> type) {
        Properties recorded = BuildStepRecorder.read();
        return BuildStepRecorder.split(recorded.getProperty(BuildStepRecorder.REFLECTIVE_PREFIX + type.getName(), ""));
    }

    private static boolean hasJacksonAnnotation(Class<?> type) {
        List<AnnotatedElement> elements = new ArrayList<>();
        elements.add(type);
        elements.addAll(Arrays.asList(type.getDeclaredFields()));
        elements.addAll(Arrays.asList(type.getDeclaredMethods()));
        elements.addAll(Arrays.asList(type.getDeclaredConstructors()));
        Stream.concat(Arrays.stream(type.getDeclaredMethods()), Arrays.stream(type.getDeclaredConstructors()))
                .forEach(executable -> elements.addAll(Arrays.asList(executable.getParameters())));
        return elements.stream().flatMap(e -> Arrays.stream(e.getDeclaredAnnotations()))
                .anyMatch(a -> a.annotationType().getName().startsWith("com.fasterxml.jackson."));
    }

    private static boolean holdsSecretTypeStatically(Class<?> type) {
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && mentionsSecretType(field.getGenericType())) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionsSecretType(Type type) {
        if (type instanceof Class<?> c) {
            return c.isArray() ? mentionsSecretType(c.getComponentType())
                    : RANDOM_OR_KEY_TYPES.stream().anyMatch(name -> isOrExtends(c, name));
        }
        if (type instanceof ParameterizedType p) {
            return mentionsSecretType(p.getRawType())
                   || Arrays.stream(p.getActualTypeArguments()).anyMatch(CardsavrExtensionTest::mentionsSecretType);
        }
        return false;
    }

    private static boolean isOrExtends(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(name) || Arrays.stream(c.getInterfaces()).anyMatch(i -> i.getName().equals(name))) {
                return true;
            }
        }
        return false;
    }

    /** Camel Main lists the properties it applied at start-up: the secrets must show there masked, and nowhere else. */
    private static void noSecretLogged(List<LogRecord> records) {
        List<String> lines = records.stream().map(CardsavrExtensionTest::text).toList();
        assertThat(lines).anyMatch(line -> line.contains("camel.component.cardsavr.integratorKey = xxxxxx"))
                .anyMatch(line -> line.contains("camel.component.cardsavr.password = xxxxxx"));
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain(INTEGRATOR_KEY).doesNotContain(PASSWORD));
    }

    private static String text(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        return record.getThrown() == null ? message : message + " " + record.getThrown();
    }
}
