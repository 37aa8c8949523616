package io.github.camelcardsavr.springboot.codegen;

import java.util.List;
import java.util.Locale;

import org.apache.camel.tooling.model.ComponentModel.ComponentOptionModel;

/**
 * One component option as a Spring Boot property of {@code camel.component.cardsavr}: the field that holds it, its
 * initializer (the catalog default) and its documentation.
 *
 * @param name          the option name, e.g. {@code integratorKey} (the field name)
 * @param propertyName  the kebab-case property name, e.g. {@code integrator-key}
 * @param type          the field's type
 * @param initializer   Java expression of the default, or null without one
 * @param description   the catalog description followed by what a Spring user must know (how to write the value,
 *                      required, secret)
 * @param enumValues    the values the catalog allows, for IDE hints; empty when any value goes
 */
public record StarterOption(String name, String propertyName, FieldType type, String initializer, String description,
        boolean required, boolean secret, boolean deprecated, String deprecationNote, List<String> enumValues) {

    /** Appended to the description of every secret: Spring's metadata has no secret flag, so the text says it. */
    public static final String SECRET_NOTE = "This is a secret: set it from the environment or a secret store, never in"
                                             + " a committed file; Actuator masks its value in /env and /configprops.";
    public static final String REQUIRED_NOTE = "Required.";
    public static final String BEAN_REFERENCE_NOTE = "Set it to #beanName to use a bean of that type.";
    public static final String DURATION_NOTE = "Takes a number of milliseconds or a duration such as 10s or 1m.";

    public StarterOption {
        enumValues = List.copyOf(enumValues);
    }

    public static StarterOption of(ComponentOptionModel option) {
        FieldType type = FieldType.of(option);
        String defaultValue = option.getDefaultValue() == null ? "" : option.getDefaultValue().toString();
        String initializer = defaultValue.isEmpty() ? null : type.initializer(defaultValue, option.getName());
        return new StarterOption(option.getName(), dashed(option.getName()), type, initializer,
                describe(option, type), option.isRequired(), option.isSecret(), option.isDeprecated(),
                option.getDeprecationNote() == null ? "" : option.getDeprecationNote(),
                option.getEnums() == null ? List.of() : option.getEnums());
    }

    private static String describe(ComponentOptionModel option, FieldType type) {
        String text = option.getDescription() == null ? "" : option.getDescription().strip();
        if (text.isEmpty()) {
            throw new IllegalStateException("Component option " + option.getName() + " has no description in the"
                                            + " catalog; describe it in the component, then rebuild");
        }
        StringBuilder out = new StringBuilder(sentence(text));
        if (type.beanReference()) {
            out.append(" The option is a ").append(option.getJavaType()).append(" type. ").append(BEAN_REFERENCE_NOTE);
        }
        if (type.kind() == FieldType.Kind.DURATION) {
            out.append(' ').append(DURATION_NOTE);
        }
        if (option.isRequired()) {
            out.append(' ').append(REQUIRED_NOTE);
        }
        if (option.isSecret()) {
            out.append(' ').append(SECRET_NOTE);
        }
        return out.toString();
    }

    private static String sentence(String text) {
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? text : text + ".";
    }

    /** {@code maxBufferedMessagesPerJob} becomes {@code max-buffered-messages-per-job}, as Spring Boot names it. */
    public static String dashed(String camelCase) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < camelCase.length(); i++) {
            char c = camelCase.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                out.append('-');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** {@code maxBufferedMessagesPerJob} becomes {@code MaxBufferedMessagesPerJob}, for accessor names. */
    public String capitalized() {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
