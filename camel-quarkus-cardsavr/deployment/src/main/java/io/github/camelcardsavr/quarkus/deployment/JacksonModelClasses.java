package io.github.camelcardsavr.quarkus.deployment;

import java.util.List;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.IndexView;

/**
 * The types Jackson binds: every class of the model package (including the deserializers Jackson instantiates from
 * {@code @JsonDeserialize(using=...)}) and any other class of ours that carries a Jackson annotation.
 */
final class JacksonModelClasses {

    static final String MODEL_PACKAGE = CardsavrClasses.PACKAGE_ROOT + ".model";
    private static final String JACKSON_PACKAGE = "com.fasterxml.jackson.";

    private JacksonModelClasses() {
    }

    static List<String> in(IndexView index) {
        return CardsavrClasses.in(index)
                .filter(c -> inModelPackage(c) || hasJacksonAnnotation(c))
                .map(c -> c.name().toString())
                .sorted()
                .toList();
    }

    private static boolean inModelPackage(ClassInfo classInfo) {
        String packageName = classInfo.name().packagePrefix();
        return packageName.equals(MODEL_PACKAGE) || packageName.startsWith(MODEL_PACKAGE + ".");
    }

    /** Annotations on the class, its fields, methods and parameters alike. */
    private static boolean hasJacksonAnnotation(ClassInfo classInfo) {
        for (AnnotationInstance annotation : classInfo.annotations()) {
            if (annotation.name().toString().startsWith(JACKSON_PACKAGE)) {
                return true;
            }
        }
        return false;
    }
}
