package io.github.camelcardsavr.quarkus.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import io.quarkus.builder.BuildChainBuilder;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.GeneratedResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.RuntimeInitializedClassBuildItem;

/**
 * A build step added to the test's build chain that writes down what every extension produced (features, reflective
 * classes with their flags, runtime-initialised classes) into a resource the test reads back at run time: the build
 * runs in another class loader, so that is how its outcome reaches the test.
 */
final class BuildStepRecorder {

    static final String RESOURCE = "cardsavr-build-steps.properties";
    static final String FEATURES = "features";
    static final String RUNTIME_INITIALIZED = "runtime-initialized";
    static final String REFLECTIVE_PREFIX = "reflective.";
    private static final String SEPARATOR = ",";

    private BuildStepRecorder() {
    }

    static Consumer<BuildChainBuilder> chainCustomizer() {
        return chain -> chain.addBuildStep(context -> {
            Properties recorded = new Properties();
            recorded.setProperty(FEATURES, join(context.consumeMulti(FeatureBuildItem.class).stream()
                    .map(FeatureBuildItem::getName).toList()));
            recorded.setProperty(RUNTIME_INITIALIZED, join(context.consumeMulti(RuntimeInitializedClassBuildItem.class)
                    .stream().map(RuntimeInitializedClassBuildItem::getClassName).toList()));
            for (ReflectiveClassBuildItem item : context.consumeMulti(ReflectiveClassBuildItem.class)) {
                for (String className : item.getClassNames()) {
                    Set<String> flags = new TreeSet<>(split(recorded.getProperty(REFLECTIVE_PREFIX + className, "")));
                    if (item.isConstructors()) {
                        flags.add("constructors");
                    }
                    if (item.isMethods()) {
                        flags.add("methods");
                    }
                    if (item.isFields()) {
                        flags.add("fields");
                    }
                    flags.add("registered");
                    recorded.setProperty(REFLECTIVE_PREFIX + className, join(flags));
                }
            }
            StringWriter text = new StringWriter();
            try {
                recorded.store(text, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            context.produce(new GeneratedResourceBuildItem(RESOURCE, text.toString().getBytes(StandardCharsets.UTF_8)));
        }).consumes(FeatureBuildItem.class)
                .consumes(ReflectiveClassBuildItem.class)
                .consumes(RuntimeInitializedClassBuildItem.class)
                .produces(GeneratedResourceBuildItem.class)
                .build();
    }

    /** What the build recorded, read in the application's class loader. */
    static Properties read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " was not generated: did the recording build step run?");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> split(String joined) {
        return joined.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(joined.split(SEPARATOR)));
    }

    private static String join(Collection<String> values) {
        return String.join(SEPARATOR, values);
    }
}
