package io.github.camelcardsavr.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the generated parts of the component page (option and header tables) as AsciiDoc.
 * The output depends only on the catalog, so an unchanged catalog renders byte for byte the same.
 */
final class AdocTables {

    private static final String TABLE_HEADER = "[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]";
    private static final Pattern PACKAGE_PREFIX = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+(?=[A-Za-z_])");
    private static final Pattern ATTRIBUTE_REFERENCE = Pattern.compile("\\{(\\w[\\w-]*)}");

    private AdocTables() {
    }

    static String componentOptions(ComponentCatalog catalog) {
        List<CatalogOption> options = catalog.componentOptions();
        StringBuilder out = new StringBuilder();
        out.append("The ").append(catalog.title()).append(" component supports ").append(options.size())
                .append(" options, which are listed below.\n\n");
        optionTable(out, options);
        return out.toString();
    }

    static String endpointOptions(ComponentCatalog catalog) {
        List<CatalogOption> path = catalog.pathParameters();
        List<CatalogOption> query = catalog.queryParameters();
        StringBuilder out = new StringBuilder();
        out.append("The ").append(catalog.title()).append(" endpoint is configured using URI syntax:\n\n")
                .append("----\n").append(catalog.syntax()).append("\n----\n\n")
                .append("with the following path and query parameters.\n\n");
        out.append("=== Path Parameters (").append(path.size()).append(" parameters)\n\n");
        optionTable(out, path);
        out.append("\n=== Query Parameters (").append(query.size()).append(" parameters)\n\n");
        optionTable(out, query);
        return out.toString();
    }

    static String headers(ComponentCatalog catalog) {
        List<CatalogOption> headers = catalog.headers();
        StringBuilder out = new StringBuilder();
        out.append("The ").append(catalog.title()).append(" component supports ").append(headers.size())
                .append(" message headers, which are listed below.\n\n");
        out.append(TABLE_HEADER).append('\n').append("|===\n").append("| Name | Description | Default | Type\n");
        for (CatalogOption header : headers) {
            out.append("| *").append(escape(header.name())).append("* (").append(groupOf(header)).append(')');
            String constant = constantField(header.constantName());
            if (!constant.isEmpty()) {
                out.append(" +\nConstant: `+").append(constant).append("+`");
            }
            out.append(" | ").append(description(header))
                    .append(" | ").append(literal(header.defaultValue()))
                    .append(" | ").append(literal(simpleType(header.javaType()))).append('\n');
        }
        out.append("|===\n");
        return out.toString();
    }

    private static void optionTable(StringBuilder out, List<CatalogOption> options) {
        out.append(TABLE_HEADER).append('\n').append("|===\n").append("| Name | Description | Default | Type\n");
        for (CatalogOption option : options) {
            out.append("| *").append(escape(option.name())).append("* (").append(groupOf(option)).append(')')
                    .append(" | ").append(description(option))
                    .append(" | ").append(literal(option.defaultValue()))
                    .append(" | ").append(literal(simpleType(option.javaType()))).append('\n');
        }
        out.append("|===\n");
    }

    private static String groupOf(CatalogOption option) {
        return option.group().isEmpty() ? "common" : escape(option.group());
    }

    private static String description(CatalogOption option) {
        List<String> parts = new ArrayList<>();
        if (option.required()) {
            parts.add("*Required*");
        }
        if (option.deprecated()) {
            parts.add("*Deprecated*");
        }
        if (option.autowired()) {
            parts.add("*Autowired*");
        }
        if (option.secret()) {
            parts.add("*Secret*");
        }
        parts.add(escape(option.description()));
        if (!option.enumValues().isEmpty()) {
            List<String> values = option.enumValues().stream().map(AdocTables::literal).toList();
            parts.add("Enum values: " + String.join(", ", values) + ".");
        }
        return String.join(" ", parts);
    }

    /** {@code java.util.Map<java.lang.String, java.lang.Object>} becomes {@code Map<String, Object>}. */
    static String simpleType(String javaType) {
        return PACKAGE_PREFIX.matcher(javaType).replaceAll("");
    }

    private static String constantField(String constantName) {
        if (constantName.isEmpty()) {
            return "";
        }
        int hash = constantName.indexOf('#');
        String owner = hash < 0 ? "" : simpleType(constantName.substring(0, hash));
        String field = hash < 0 ? constantName : constantName.substring(hash + 1);
        return owner.isEmpty() ? field : owner + "#" + field;
    }

    /** Monospace, without AsciiDoc interpreting the value (a default may hold {@code *} or {@code _}). */
    private static String literal(String value) {
        if (value.isEmpty()) {
            return "";
        }
        if (value.contains("+") || value.contains("`")) {
            return escape(value);
        }
        return "`+" + value.replace("|", "\\|") + "+`";
    }

    /** Keeps catalog text from breaking the table: cell separators and attribute references. */
    static String escape(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip().replace("|", "\\|");
        Matcher matcher = ATTRIBUTE_REFERENCE.matcher(oneLine);
        return matcher.replaceAll(match -> Matcher.quoteReplacement("\\{" + match.group(1) + "}"));
    }
}
