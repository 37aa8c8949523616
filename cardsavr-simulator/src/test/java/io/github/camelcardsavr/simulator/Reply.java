package io.github.camelcardsavr.simulator;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A response as the test client saw it: status, raw wire body, whether its signature verified with the
 * key the client expected, the scheme its body was encrypted in, and the JSON after decryption (or why
 * there is none).
 *
 * @param encryption {@code aes-256-gcm}, {@code aes-256-cbc}, or null for a plain body
 */
record Reply(int status, HttpHeaders headers, String rawBody, Object json, Boolean signatureValid, boolean encrypted,
        String encryption, String problem) {

    static final String GCM = "aes-256-gcm";
    static final String CBC = "aes-256-cbc";

    static Reply of(int status, HttpHeaders headers, String raw, byte[] key, String path) {
        Boolean signatureValid = null;
        if (key != null) {
            String authorization = headers.firstValue("x-cardsavr-authorization").orElse(null);
            String nonce = headers.firstValue("x-cardsavr-nonce").orElse(null);
            String signature = headers.firstValue("x-cardsavr-signature").orElse(null);
            signatureValid = authorization != null && nonce != null && signature != null
                    && RawCardsavrClient.signature(key, path, authorization, nonce, raw).equals(signature);
        }
        Object json;
        try {
            json = raw.isEmpty() ? null : RawCardsavrClient.JSON.readValue(raw, Object.class);
        } catch (java.io.IOException e) {
            return new Reply(status, headers, raw, null, signatureValid, false, null, "malformed");
        }
        if (json instanceof Map<?, ?> map && map.get("encrypted_body") instanceof String encrypted) {
            String[] parts = encrypted.split("\\$", -1);
            String scheme = parts.length == 3 && parts[2].equals(GCM) ? GCM : parts.length == 2 ? CBC : "unknown";
            if (key == null) {
                return new Reply(status, headers, raw, null, signatureValid, true, scheme, "no key to decrypt");
            }
            try {
                byte[] iv = Base64.getDecoder().decode(parts[1]);
                Cipher cipher;
                if (scheme.equals(GCM)) {
                    cipher = Cipher.getInstance("AES/GCM/NoPadding");
                    cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
                } else if (scheme.equals(CBC) && iv.length == 16) {
                    cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
                    cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
                } else {
                    return new Reply(status, headers, raw, null, signatureValid, true, scheme, "undecryptable");
                }
                String plain = new String(cipher.doFinal(Base64.getDecoder().decode(parts[0])), StandardCharsets.UTF_8);
                try {
                    return new Reply(status, headers, raw, RawCardsavrClient.JSON.readValue(plain, Object.class),
                            signatureValid, true, scheme, null);
                } catch (java.io.IOException e) {
                    return new Reply(status, headers, raw, null, signatureValid, true, scheme, "malformed");
                }
            } catch (GeneralSecurityException | RuntimeException e) {
                return new Reply(status, headers, raw, null, signatureValid, true, scheme, "undecryptable");
            }
        }
        return new Reply(status, headers, raw, json, signatureValid, false, null, null);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map() {
        if (!(json instanceof Map)) {
            throw new AssertionError("Expected a JSON object, got " + status + " " + problem + " " + rawBody);
        }
        return (Map<String, Object>) json;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list() {
        if (!(json instanceof List)) {
            throw new AssertionError("Expected a JSON array, got " + status + " " + problem + " " + rawBody);
        }
        return (List<Map<String, Object>>) json;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> firstError() {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) map().get("_errors");
        if (errors == null || errors.isEmpty()) {
            throw new AssertionError("No _errors in " + rawBody);
        }
        return errors.get(0);
    }

    String errorName() {
        return (String) firstError().get("name");
    }

    String errorProperty() {
        return (String) firstError().get("property");
    }

    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    byte[] rawBytes() {
        return rawBody.getBytes(StandardCharsets.UTF_8);
    }
}
