package io.github.camelcardsavr.simulator.internal.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Minimal HS256 JSON Web Tokens for session tokens. The simulator only has to mint tokens and recognise its
 * own, so header and claims are fixed; anything not produced here fails verification.
 */
public final class HmacJwt {

    private static final String HEADER = Base64.getUrlEncoder().withoutPadding()
            .encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final byte[] secret;

    private HmacJwt(byte[] secret) {
        this.secret = secret.clone();
    }

    /** A signer with a fresh random secret: tokens of one simulator instance are worthless to another. */
    public static HmacJwt withRandomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new HmacJwt(secret);
    }

    public String mint(Map<String, Object> claims) {
        try {
            String payload = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MAPPER.writeValueAsBytes(new LinkedHashMap<>(claims)));
            String signingInput = HEADER + "." + payload;
            return signingInput + "." + signature(signingInput);
        } catch (IOException e) {
            throw new IllegalStateException("JWT claims could not be serialised", e);
        }
    }

    /** The claims of a token this signer minted, or empty when the token is malformed or forged. */
    public Optional<Map<String, Object>> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int firstDot = token.indexOf('.');
        int lastDot = token.lastIndexOf('.');
        if (firstDot <= 0 || lastDot == firstDot) {
            return Optional.empty();
        }
        String signingInput = token.substring(0, lastDot);
        if (!HEADER.equals(token.substring(0, firstDot))) {
            return Optional.empty();
        }
        byte[] expected = signature(signingInput).getBytes(StandardCharsets.US_ASCII);
        byte[] presented = token.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!Hashing.constantTimeEquals(expected, presented)) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.substring(firstDot + 1, lastDot));
            return Optional.of(MAPPER.readValue(payload, MAP));
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    private String signature(String signingInput) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Hashing.hmacSha256(secret, signingInput.getBytes(StandardCharsets.US_ASCII)));
    }
}
