package io.github.camelcardsavr.quarkus.deployment;

import java.util.List;

import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.RuntimeInitializedClassBuildItem;

/**
 * The build steps of the cardsavr extension. The component itself, its configurers, URI factory and type converter
 * loader are found by Camel Quarkus in the component jar's {@code META-INF/services}, as Camel finds them in JVM
 * mode, once that jar is indexed; everything else is read from the Jandex index, so a model type or a class with
 * random or key state added later is covered without touching this class.
 */
class CardsavrProcessor {

    static final String FEATURE = "camel-cardsavr";
    static final String GROUP_ID = "io.github.camelcardsavr";
    /** The jars whose classes the steps look at: the protocol client with the model, and the component. */
    static final List<String> INDEXED_ARTIFACTS = List.of("cardsavr-client", "camel-cardsavr");

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /**
     * Puts the jars into the combined index and makes them application archives, which is where Camel Quarkus looks
     * for components, type converters and health checks; neither jar ships a Jandex index of its own.
     */
    @BuildStep
    void indexDependencies(BuildProducer<IndexDependencyBuildItem> indexDependencies) {
        INDEXED_ARTIFACTS.forEach(artifactId -> indexDependencies.produce(new IndexDependencyBuildItem(GROUP_ID, artifactId)));
    }

    /** Real CardSavr instances are only reachable over HTTPS. */
    @BuildStep
    ExtensionSslNativeSupportBuildItem sslNativeSupport() {
        return new ExtensionSslNativeSupportBuildItem(FEATURE);
    }

    /**
     * Jackson reads the model through package-private {@code @JsonCreator} constructors and writes parts of it
     * through private {@code @JsonProperty} methods, so constructors of any visibility, methods and fields are
     * registered.
     */
    @BuildStep
    ReflectiveClassBuildItem jacksonModel(CombinedIndexBuildItem combinedIndex) {
        String[] classes = JacksonModelClasses.in(combinedIndex.getIndex()).toArray(String[]::new);
        return ReflectiveClassBuildItem.builder(classes)
                .constructors()
                .methods()
                .fields()
                .reason("cardsavr: model types bound by Jackson")
                .build();
    }

    /**
     * A {@code SecureRandom} built into the image would hand every process the same seed, and key material in the
     * image heap would be readable from the binary: such classes initialise when the process starts.
     */
    @BuildStep
    void runtimeInitialisedClasses(CombinedIndexBuildItem combinedIndex,
            BuildProducer<RuntimeInitializedClassBuildItem> runtimeInitialized) {
        SecretHoldingClasses.in(combinedIndex.getIndex())
                .forEach(className -> runtimeInitialized.produce(new RuntimeInitializedClassBuildItem(className)));
    }
}
