package io.github.camelcardsavr.simulator.internal.engine;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides whether an answer satisfies what a scenario waits for. Answers arrive as a string (messages
 * endpoint, or a TFA code through PUT) or as a map (account_link values through PUT).
 */
final class AnswerEvaluator {

    private AnswerEvaluator() {
    }

    static boolean accepts(InputKind kind, Object value, String expectedTfaCode) {
        return switch (kind) {
            case TFA -> expectedTfaCode.equals(tfaCode(value));
            case SECURITY -> allNonBlank(value);
            case NEW_CREDENTIALS -> newCredentials(value);
        };
    }

    private static String tfaCode(Object value) {
        if (value instanceof Map<?, ?> map) {
            for (String key : List.of("tfa", "code", "tfa_code")) {
                if (map.get(key) != null) {
                    return String.valueOf(map.get(key)).trim();
                }
            }
            return map.size() == 1 ? String.valueOf(map.values().iterator().next()).trim() : null;
        }
        return value == null ? null : String.valueOf(value).trim();
    }

    private static boolean allNonBlank(Object value) {
        if (value instanceof Map<?, ?> map) {
            return !map.isEmpty() && map.values().stream().allMatch(AnswerEvaluator::nonBlank);
        }
        return nonBlank(value);
    }

    /** "success" says the credentials were updated elsewhere; a map must carry both username and password. */
    private static boolean newCredentials(Object value) {
        if (value instanceof Map<?, ?> map) {
            return nonBlank(map.get("username")) && nonBlank(map.get("password"));
        }
        return value != null && "success".equals(String.valueOf(value).trim().toLowerCase(Locale.ROOT));
    }

    private static boolean nonBlank(Object value) {
        return value != null && !String.valueOf(value).isBlank();
    }
}
