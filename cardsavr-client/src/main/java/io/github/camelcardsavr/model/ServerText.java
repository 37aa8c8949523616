package io.github.camelcardsavr.model;

/**
 * Makes text chosen by the server safe to print: line breaks and other control or direction-changing characters are
 * escaped (so a hostile server cannot start a forged log line or reorder what a terminal shows), and the result is
 * capped in length.
 */
final class ServerText {

    /** The longest text kept, escapes included, before the truncation mark. */
    static final int MAX_CHARS = 200;
    static final String TRUNCATED = "...";

    private ServerText() {
    }

    static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS) + TRUNCATED.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String piece = isUnsafe(c) ? escape(c) : null;
            int added = piece == null ? 1 : piece.length();
            if (out.length() + added > MAX_CHARS) {
                if (out.length() > 0 && Character.isHighSurrogate(out.charAt(out.length() - 1))) {
                    out.setLength(out.length() - 1);
                }
                return out.append(TRUNCATED).toString();
            }
            if (piece == null) {
                out.append(c);
            } else {
                out.append(piece);
            }
        }
        return out.toString();
    }

    private static boolean isUnsafe(char c) {
        return Character.isISOControl(c)
                || c == '\u2028' || c == '\u2029' // line and paragraph separators
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') // bidirectional overrides
                || c == '\u200E' || c == '\u200F' || c == '\u061C';
    }

    private static String escape(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                return String.format("\\u%04x", (int) c);
        }
    }
}
