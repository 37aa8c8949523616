package io.github.camelcardsavr.springboot;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the component's secrets in Actuator's {@code /env} and {@code /configprops} even when an application shows
 * values there ({@code management.endpoint.env.show-values=always}): since Spring Boot 3 nothing is masked by key
 * any more unless a {@link SanitizingFunction} says so.
 *
 * <p>A key is a secret when it names CardSavr and ends with a secret option, in any of the spellings Spring accepts
 * for it: {@code camel.component.cardsavr.integrator-key}, {@code CAMEL_COMPONENT_CARDSAVR_INTEGRATORKEY}, the
 * examples' {@code CARDSAVR_INTEGRATOR_KEY}, or {@code camel.component.cardsavr.configuration.password} in
 * {@code /configprops}. The JVM's command line ({@code sun.java.command}) is masked when it mentions CardSavr, as
 * secrets passed as arguments show up there.
 */
final class CardsavrSecretsSanitizingFunction implements SanitizingFunction {

    private static final String SCHEME = "cardsavr";
    private static final String COMMAND_LINE = "sun.java.command";

    private final List<String> secretSuffixes;

    /**
     * @param secretProperties secret option names as properties, e.g. {@code integrator-key}
     */
    CardsavrSecretsSanitizingFunction(List<String> secretProperties) {
        this.secretSuffixes = secretProperties.stream().map(CardsavrSecretsSanitizingFunction::normalized).toList();
    }

    @Override
    public SanitizableData apply(SanitizableData data) {
        return isSecret(data) ? data.withSanitizedValue() : data;
    }

    boolean isSecret(SanitizableData data) {
        if (data.getValue() == null) {
            return false;
        }
        if (COMMAND_LINE.equals(data.getKey())) {
            return data.getValue().toString().toLowerCase(Locale.ROOT).contains(SCHEME);
        }
        return isSecretKey(data.getKey());
    }

    boolean isSecretKey(String key) {
        String normalized = normalized(key);
        return normalized.contains(SCHEME) && secretSuffixes.stream().anyMatch(normalized::endsWith);
    }

    /** Lower case letters and digits only: the form all relaxed spellings of one property share. */
    private static String normalized(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
