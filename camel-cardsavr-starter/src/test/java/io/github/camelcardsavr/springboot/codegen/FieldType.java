package io.github.camelcardsavr.springboot.codegen;

import java.util.Arrays;

import org.apache.camel.tooling.model.ComponentModel.ComponentOptionModel;
import org.apache.camel.util.TimeUtils;

/**
 * How a catalog option's Java type becomes the type of a Spring Boot property field. Primitives are boxed so that an
 * unset property stays null (and is not copied onto the component); durations become {@link java.time.Duration} so
 * that {@code 10s} works as well as a number of milliseconds; options of any other class are bean references.
 *
 * @param declaration  the type as written in the generated source
 * @param metadataType the type Spring Boot's configuration processor records for such a field
 * @param kind         how defaults are written
 */
public record FieldType(String declaration, String metadataType, Kind kind) {

    public enum Kind {
        STRING, BOOLEAN, INTEGER, LONG, DOUBLE, FLOAT, DURATION, ENUM, COLLECTION, BEAN_REFERENCE
    }

    public static FieldType of(ComponentOptionModel option) {
        String javaType = option.getJavaType();
        String raw = javaType.contains("<") ? javaType.substring(0, javaType.indexOf('<')) : javaType;
        if ("duration".equals(option.getType()) || "java.time.Duration".equals(raw)) {
            return new FieldType("Duration", "java.time.Duration", Kind.DURATION);
        }
        switch (raw) {
            case "java.lang.String":
                return new FieldType("String", "java.lang.String", Kind.STRING);
            case "boolean", "java.lang.Boolean":
                return new FieldType("Boolean", "java.lang.Boolean", Kind.BOOLEAN);
            case "int", "java.lang.Integer":
                return new FieldType("Integer", "java.lang.Integer", Kind.INTEGER);
            case "long", "java.lang.Long":
                return new FieldType("Long", "java.lang.Long", Kind.LONG);
            case "double", "java.lang.Double":
                return new FieldType("Double", "java.lang.Double", Kind.DOUBLE);
            case "float", "java.lang.Float":
                return new FieldType("Float", "java.lang.Float", Kind.FLOAT);
            case "java.util.List", "java.util.Set", "java.util.Map":
                return new FieldType(javaType, javaType, Kind.COLLECTION);
            default:
                if (isJavaEnum(raw)) {
                    return new FieldType(raw, raw, Kind.ENUM);
                }
                // Spring binds these from "#beanName" through the generated converter
                return new FieldType(raw, raw, Kind.BEAN_REFERENCE);
        }
    }

    public boolean beanReference() {
        return kind == Kind.BEAN_REFERENCE;
    }

    /** The Java expression that initializes the field to the catalog default. */
    public String initializer(String defaultValue, String option) {
        return switch (kind) {
            case STRING -> JavaText.stringLiteral(defaultValue);
            case BOOLEAN -> Boolean.toString(Boolean.parseBoolean(checked(defaultValue, "true|false", option)));
            case INTEGER -> Integer.toString(Integer.parseInt(defaultValue));
            case LONG -> Long.parseLong(defaultValue) + "L";
            case DOUBLE -> Double.parseDouble(defaultValue) + "D";
            case FLOAT -> Float.parseFloat(defaultValue) + "F";
            // Camel reads a bare number as milliseconds and also takes 10s, 1m30s, ...
            case DURATION -> "Duration.ofMillis(" + TimeUtils.toMilliSeconds(defaultValue) + "L)";
            case ENUM -> raw(declaration) + "." + enumConstant(declaration, defaultValue, option);
            case COLLECTION, BEAN_REFERENCE -> throw new IllegalStateException("Component option " + option
                    + " has a default (" + defaultValue + ") for a " + declaration + ", which a property cannot hold");
        };
    }

    private static String checked(String value, String allowed, String option) {
        if (!value.matches(allowed)) {
            throw new IllegalStateException("Component option " + option + " has default '" + value + "'; expected "
                                            + allowed);
        }
        return value;
    }

    private static String raw(String type) {
        return type.contains("<") ? type.substring(0, type.indexOf('<')) : type;
    }

    private static boolean isJavaEnum(String className) {
        return loadable(className) != null && loadable(className).isEnum();
    }

    private static Class<?> loadable(String className) {
        try {
            return Class.forName(className, false, FieldType.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            // a type the tests cannot load is not an enum we could name a constant of
            return null;
        }
    }

    /** The constant whose name or text matches the catalog default, as Camel's own type conversion would pick it. */
    private static String enumConstant(String enumClass, String defaultValue, String option) {
        Object[] constants = loadable(enumClass).getEnumConstants();
        return Arrays.stream(constants)
                .filter(c -> ((Enum<?>) c).name().equalsIgnoreCase(defaultValue) || c.toString().equals(defaultValue))
                .map(c -> ((Enum<?>) c).name())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Component option " + option + " defaults to '"
                        + defaultValue + "', which is no constant of " + enumClass));
    }
}
