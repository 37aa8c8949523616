package io.github.camelcardsavr.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * Replaces the text between {@code // <name>: START} and {@code // <name>: END} comment lines of
 * an AsciiDoc page (or between any two marker lines, e.g. HTML comments in Markdown), leaving every
 * hand-written line outside the markers untouched.
 */
public final class MarkedSections {

    private MarkedSections() {
    }

    static String replace(String page, String name, String generated) {
        return replaceBetween(page, "// " + name + ": START", "// " + name + ": END", generated);
    }

    /** Replaces what lies between the line {@code start} and the line {@code end}, both appearing once. */
    public static String replaceBetween(String page, String start, String end, String generated) {
        String name = start;
        List<String> lines = page.lines().toList();
        int startLine = indexOfOnly(lines, start, name);
        int endLine = indexOfOnly(lines, end, name);
        if (endLine < startLine) {
            throw new IllegalArgumentException("Marker '" + end + "' comes before '" + start + "'");
        }
        List<String> result = new ArrayList<>(lines.subList(0, startLine + 1));
        result.addAll(generated.lines().toList());
        result.addAll(lines.subList(endLine, lines.size()));
        return String.join("\n", result) + "\n";
    }

    private static int indexOfOnly(List<String> lines, String marker, String name) {
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                if (found >= 0) {
                    throw new IllegalArgumentException("Marker '" + marker + "' appears twice (section " + name + ")");
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException("Marker '" + marker + "' is missing from the page");
        }
        return found;
    }
}
