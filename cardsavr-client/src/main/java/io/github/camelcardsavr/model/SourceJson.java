package io.github.camelcardsavr.model;

import java.nio.charset.StandardCharsets;

/**
 * The exact JSON text a model object was read from, as the server sent it: unknown fields, number spellings
 * ({@code 5} stays {@code 5}, not {@code 5.0}) and field order included. Shared by the model types that routes pass on.
 */
final class SourceJson {

    private final byte[] utf8;

    private SourceJson(byte[] utf8) {
        this.utf8 = utf8;
    }

    static SourceJson of(byte[] utf8) {
        if (utf8 == null || utf8.length == 0) {
            throw new IllegalArgumentException("source JSON must not be empty");
        }
        return new SourceJson(utf8.clone());
    }

    String text() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    byte[] bytes() {
        return utf8.clone();
    }

    int length() {
        return utf8.length;
    }
}
