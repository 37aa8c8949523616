package io.github.camelcardsavr.simulator;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A response as the test client saw it: status, raw wire body, whether its signature verified with the
 * key the client expected, and the JSON after decryption (or why there is none).
 */
record Reply(int status, HttpHeaders headers, String rawBody, Object json, Boolean signatureValid, boolean encrypted,
        String problem) {

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
            return new Reply(status, headers, raw, null, signatureValid, false, "malformed");
        }
        if (json instanceof Map<?, ?> map && map.get("encrypted_body") instanceof String encrypted) {
            if (key == null) {
                return new Reply(status, headers, raw, null, signatureValid, true, "no key to decrypt");
            }
            try {
                String[] parts = encrypted.split("\\$");
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                        new GCMParameterSpec(128, Base64.getDecoder().decode(parts[1])));
                String plain = new String(cipher.doFinal(Base64.getDecoder().decode(parts[0])), StandardCharsets.UTF_8);
                try {
                    return new Reply(status, headers, raw, RawCardsavrClient.JSON.readValue(plain, Object.class),
                            signatureValid, true, null);
                } catch (java.io.IOException e) {
                    return new Reply(status, headers, raw, null, signatureValid, true, "malformed");
                }
            } catch (GeneralSecurityException | RuntimeException e) {
                return new Reply(status, headers, raw, null, signatureValid, true, "undecryptable");
            }
        }
        return new Reply(status, headers, raw, json, signatureValid, false, null);
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
