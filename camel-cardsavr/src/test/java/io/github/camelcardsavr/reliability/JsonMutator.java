package io.github.camelcardsavr.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Seeded mutations of JSON bodies for the parser fuzz test: byte damage (flips, cuts, splices), and JSON-aware changes
 * that keep the text valid but put unexpected types, sizes and shapes where CardSavr's fields are, which is what a
 * changed or misbehaving server actually sends.
 */
final class JsonMutator {

    private static final String[] FIELDS = {
        "job_id", "type", "message", "envelope_id", "percent_complete", "status", "termination_type",
        "account_link", "key_name", "secret", "job_timeout", "auth_percent_complete", "status_message"
    };

    private final Random random;
    private final String[] values;

    JsonMutator(Random random, String canary) {
        this.random = random;
        this.values = new String[] {
            "null", "true", "false", "0", "-1", "1.5", "1e400", "-1e400", "9223372036854775808", "1" + "0".repeat(900),
            "\"\"", "\"4319\"", "\"abc\"", "\"" + canary + "\"", "\"\\u0000\\ud800\"", "[]", "{}", "[null]", "[1,\"x\"]",
            "{\"status\":\"PENDING\",\"percent_complete\":\"54.5\"}", "{\"job_id\":{\"id\":1}}", "\"NaN\"", "\"Infinity\"",
            "[" .repeat(40) + "]".repeat(40), "{\"a\":".repeat(30) + "1" + "}".repeat(30),
            "[" .repeat(300) + "]".repeat(300), "\"" + "x".repeat(5000) + "\""
        };
    }

    byte[] mutate(byte[] body, byte[] other) {
        byte[] result = body;
        int rounds = 1 + random.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            result = once(result, other);
        }
        return result;
    }

    private byte[] once(byte[] body, byte[] other) {
        if (body.length == 0) {
            return pick(values).getBytes(StandardCharsets.UTF_8);
        }
        return switch (random.nextInt(12)) {
            case 0 -> flipBits(body);
            case 1 -> truncate(body);
            case 2 -> deleteRange(body);
            case 3 -> duplicateRange(body);
            case 4 -> splice(body, other);
            case 5 -> insertByte(body);
            case 6, 7 -> replaceFieldValue(body);
            case 8 -> renameField(body);
            case 9 -> wrap(body);
            case 10 -> invalidUtf8(body);
            default -> replaceStructuralChar(body);
        };
    }

    private byte[] flipBits(byte[] body) {
        byte[] copy = body.clone();
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips; i++) {
            copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }

    private byte[] truncate(byte[] body) {
        return Arrays.copyOf(body, random.nextInt(body.length));
    }

    private byte[] deleteRange(byte[] body) {
        int from = random.nextInt(body.length);
        int to = Math.min(body.length, from + 1 + random.nextInt(Math.max(1, body.length / 4)));
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        out.write(body, 0, from);
        out.write(body, to, body.length - to);
        return out.toByteArray();
    }

    private byte[] duplicateRange(byte[] body) {
        int from = random.nextInt(body.length);
        int to = Math.min(body.length, from + 1 + random.nextInt(Math.max(1, body.length / 3)));
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 2);
        out.write(body, 0, to);
        out.write(body, from, body.length - from);
        return out.toByteArray();
    }

    private byte[] splice(byte[] body, byte[] other) {
        if (other.length == 0) {
            return body;
        }
        int cut = random.nextInt(body.length);
        int from = random.nextInt(other.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + other.length);
        out.write(body, 0, cut);
        out.write(other, from, other.length - from);
        return out.toByteArray();
    }

    private byte[] insertByte(byte[] body) {
        int at = random.nextInt(body.length + 1);
        byte[] noise = { (byte) random.nextInt(256), '"', ',', ':', '[', '{', '\\', '}' };
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 1);
        out.write(body, 0, at);
        out.write(noise[random.nextInt(noise.length)]);
        out.write(body, at, body.length - at);
        return out.toByteArray();
    }

    /** Finds {@code "field":} and replaces the value after it (up to the next , } or ]) with another JSON value. */
    private byte[] replaceFieldValue(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String key = "\"" + pick(FIELDS) + "\":";
        int at = nthIndexOf(text, key);
        if (at < 0) {
            return insertByte(body);
        }
        int valueStart = at + key.length();
        int valueEnd = endOfValue(text, valueStart);
        String replaced = text.substring(0, valueStart) + pick(values) + text.substring(valueEnd);
        return replaced.getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] renameField(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String key = "\"" + pick(FIELDS) + "\"";
        int at = nthIndexOf(text, key);
        if (at < 0) {
            return flipBits(body);
        }
        String replacement = random.nextBoolean() ? "\"" + pick(FIELDS) + "\"" : "\"\"";
        return (text.substring(0, at) + replacement + text.substring(at + key.length())).getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] wrap(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String wrapped = switch (random.nextInt(5)) {
            case 0 -> "[" + text + "]";
            case 1 -> "{\"messages\":" + text + "}";
            case 2 -> text + " " + text;
            case 3 -> "[" + text + "," + text + "]";
            default -> "  \n" + text + "\n\t";
        };
        return wrapped.getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] invalidUtf8(byte[] body) {
        byte[] copy = body.clone();
        byte[][] bad = { { (byte) 0xC3 }, { (byte) 0xFF, (byte) 0xFE }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
            { (byte) 0xF0, (byte) 0x9F } };
        byte[] chosen = bad[random.nextInt(bad.length)];
        int at = random.nextInt(copy.length);
        System.arraycopy(chosen, 0, copy, at, Math.min(chosen.length, copy.length - at));
        return copy;
    }

    private byte[] replaceStructuralChar(byte[] body) {
        byte[] copy = body.clone();
        byte[] structural = { '{', '}', '[', ']', ':', ',', '"' };
        for (int tries = 0; tries < 20; tries++) {
            int at = random.nextInt(copy.length);
            for (byte s : structural) {
                if (copy[at] == s) {
                    copy[at] = structural[random.nextInt(structural.length)];
                    return copy;
                }
            }
        }
        return flipBits(body);
    }

    private int nthIndexOf(String text, String key) {
        int count = 0;
        for (int i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1)) {
            count++;
        }
        if (count == 0) {
            return -1;
        }
        int wanted = random.nextInt(count);
        int at = text.indexOf(key);
        for (int i = 0; i < wanted; i++) {
            at = text.indexOf(key, at + 1);
        }
        return at;
    }

    /** A rough end of the JSON value starting at {@code start}: balanced brackets, strings skipped. */
    private static int endOfValue(String text, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case '{', '[' -> depth++;
                case '}', ']' -> {
                    if (depth == 0) {
                        return i;
                    }
                    depth--;
                }
                case ',' -> {
                    if (depth == 0) {
                        return i;
                    }
                }
                default -> {
                }
            }
        }
        return text.length();
    }

    private <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }
}
