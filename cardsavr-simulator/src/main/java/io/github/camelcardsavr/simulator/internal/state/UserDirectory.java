package io.github.camelcardsavr.simulator.internal.state;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.github.camelcardsavr.simulator.internal.crypto.Hashing;

/**
 * The agent accounts the simulator accepts. The PBKDF2 password key is derived once at start, so a signed
 * login costs one HMAC instead of 5,000 PBKDF2 rounds.
 */
public final class UserDirectory {

    private final Map<String, Account> accounts;

    public UserDirectory(Map<String, String> passwordsByUsername) {
        Map<String, Account> built = new LinkedHashMap<>();
        long id = 1;
        for (Map.Entry<String, String> entry : passwordsByUsername.entrySet()) {
            built.put(entry.getKey(), new Account(id++, entry.getKey(),
                    entry.getValue().getBytes(StandardCharsets.UTF_8),
                    Hashing.passwordKey(entry.getKey(), entry.getValue())));
        }
        this.accounts = Collections.unmodifiableMap(built);
    }

    public Optional<Account> find(String username) {
        return Optional.ofNullable(username == null ? null : accounts.get(username));
    }

    /** Checks a signed login's password proof against the integrator key; constant time. */
    public Optional<Account> verifyProof(String username, String proofBase64, byte[] integratorKey) {
        return find(username).filter(account -> proofBase64 != null && Hashing.constantTimeEquals(
                Hashing.passwordProof(account.passwordKey, integratorKey).getBytes(StandardCharsets.US_ASCII),
                proofBase64.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Checks an unsigned (development mode) login's plain password; constant time. */
    public Optional<Account> verifyPassword(String username, String password) {
        return find(username).filter(account -> password != null
                && Hashing.constantTimeEquals(account.password, password.getBytes(StandardCharsets.UTF_8)));
    }

    /** One agent; {@code toString} names the user only. */
    public static final class Account {
        private final long userId;
        private final String username;
        private final byte[] password;
        private final byte[] passwordKey;

        Account(long userId, String username, byte[] password, byte[] passwordKey) {
            this.userId = userId;
            this.username = username;
            this.password = password;
            this.passwordKey = passwordKey;
        }

        public long userId() {
            return userId;
        }

        public String username() {
            return username;
        }

        /** The {@code user} object of a login reply. */
        public Map<String, Object> asUserJson() {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("id", userId);
            user.put("username", username);
            user.put("role", "cardholder_agent");
            return user;
        }

        @Override
        public String toString() {
            return "Account[" + username + "]";
        }
    }
}
