package io.github.camelcardsavr.client;

import java.util.Locale;

/** How the client authenticates and protects its requests. Written in configuration as {@code signed}, {@code unsigned}, {@code token}. */
public enum AuthMode {
    /** ECDH login with a password proof; every request and response signed (HMAC-SHA256) and encrypted (AES-256-GCM). */
    SIGNED,
    /** Plain login with username and password, plain JSON afterwards (development instances). */
    UNSIGNED,
    /** A caller-supplied session token; plain JSON, no login. */
    TOKEN;

    /**
     * The mode a configuration names, in any letter case and with surrounding blanks.
     *
     * @throws IllegalArgumentException naming the accepted values (the given text is not secret and is quoted)
     */
    public static AuthMode of(String name) {
        String wanted = name == null ? "" : name.trim();
        for (AuthMode mode : values()) {
            if (mode.name().equalsIgnoreCase(wanted)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("authMode must be signed, unsigned or token, got '" + wanted + "'");
    }

    /** The name as configuration spells it: {@code signed}, {@code unsigned} or {@code token}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
