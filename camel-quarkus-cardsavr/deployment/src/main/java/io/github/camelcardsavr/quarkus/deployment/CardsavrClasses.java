package io.github.camelcardsavr.quarkus.deployment;

import java.util.stream.Stream;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.IndexView;

/** The classes of this project in an index: the client, the model and the component share one package root. */
final class CardsavrClasses {

    static final String PACKAGE_ROOT = "io.github.camelcardsavr";

    private CardsavrClasses() {
    }

    static Stream<ClassInfo> in(IndexView index) {
        return index.getKnownClasses().stream().filter(CardsavrClasses::isOurs);
    }

    static boolean isOurs(ClassInfo classInfo) {
        String packageName = classInfo.name().packagePrefix();
        return packageName != null && (packageName.equals(PACKAGE_ROOT) || packageName.startsWith(PACKAGE_ROOT + "."));
    }
}
