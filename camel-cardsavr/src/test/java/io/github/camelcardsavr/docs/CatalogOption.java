package io.github.camelcardsavr.docs;

import java.util.List;

/**
 * One option or header of the component catalog, reduced to what the reference page shows.
 */
record CatalogOption(
        String name,
        String kind,
        String group,
        boolean required,
        String javaType,
        List<String> enumValues,
        boolean deprecated,
        boolean autowired,
        boolean secret,
        String defaultValue,
        String description,
        String constantName) {

    boolean isPathParameter() {
        return "path".equals(kind);
    }
}
