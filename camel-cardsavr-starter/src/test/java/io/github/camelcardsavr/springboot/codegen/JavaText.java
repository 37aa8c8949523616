package io.github.camelcardsavr.springboot.codegen;

import java.util.ArrayList;
import java.util.List;

/**
 * Catalog text made safe for generated Java source. Spring Boot's configuration processor takes a property's
 * description from the field's Javadoc verbatim (line breaks become spaces), so the text is kept as it is and only
 * what would break the source is refused.
 */
final class JavaText {

    private static final int WIDTH = 100;

    private JavaText() {
    }

    static String stringLiteral(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /**
     * A Javadoc comment with {@code text} wrapped at {@link #WIDTH} columns. A line never starts with {@code @}, which
     * Javadoc would read as a block tag.
     */
    static String javadoc(String text, String indent) {
        if (text.contains("*/") || text.contains("\\u")) {
            throw new IllegalStateException("Text cannot go into a Javadoc comment as it is ('*/' or '\\u'): " + text);
        }
        StringBuilder out = new StringBuilder(indent).append("/**\n");
        for (String line : wrap(text.replaceAll("\\s+", " ").strip(), WIDTH - indent.length() - 3)) {
            out.append(indent).append(" * ").append(line).append('\n');
        }
        return out.append(indent).append(" */\n").toString();
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            boolean fits = line.length() + 1 + word.length() <= width;
            if (line.length() > 0 && !fits && !word.startsWith("@")) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
