package io.github.camelcardsavr.quarkus.deployment;

import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.Type;

/**
 * Classes of ours with static state that must not be built into a native image: a random generator (it would be
 * seeded at build time) or cryptographic objects and keys, held directly or in a container such as
 * {@code ThreadLocal<Cipher>}.
 */
final class SecretHoldingClasses {

    static final Set<String> SECRET_TYPES = Set.of(
            "java.util.Random",
            "java.security.SecureRandom",
            "java.security.Key",
            "java.security.KeyPair",
            "java.security.KeyPairGenerator",
            "java.security.PrivateKey",
            "java.security.Signature",
            "javax.crypto.Cipher",
            "javax.crypto.KeyAgreement",
            "javax.crypto.KeyGenerator",
            "javax.crypto.Mac",
            "javax.crypto.SecretKey",
            "javax.crypto.spec.SecretKeySpec");

    private SecretHoldingClasses() {
    }

    static List<String> in(IndexView index) {
        return CardsavrClasses.in(index)
                .filter(SecretHoldingClasses::holdsSecretsStatically)
                .map(c -> c.name().toString())
                .sorted()
                .toList();
    }

    private static boolean holdsSecretsStatically(ClassInfo classInfo) {
        for (FieldInfo field : classInfo.fields()) {
            if (Modifier.isStatic(field.flags()) && mentionsSecretType(field.type())) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionsSecretType(Type type) {
        return switch (type.kind()) {
            case CLASS -> SECRET_TYPES.contains(type.name().toString());
            case ARRAY -> mentionsSecretType(type.asArrayType().elementType());
            case PARAMETERIZED_TYPE -> SECRET_TYPES.contains(type.name().toString())
                    || type.asParameterizedType().arguments().stream().anyMatch(SecretHoldingClasses::mentionsSecretType);
            case WILDCARD_TYPE -> mentionsSecretType(type.asWildcardType().extendsBound());
            default -> false;
        };
    }
}
