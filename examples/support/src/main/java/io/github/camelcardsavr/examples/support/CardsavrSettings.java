package io.github.camelcardsavr.examples.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the examples connect: the embedded simulator or a real CardSavr instance. Holds secrets (the
 * component treats even the username as one), so {@link #toString()} names the instance only.
 */
public final class CardsavrSettings {

    static final String BASE_URL = "CARDSAVR_BASE_URL";
    static final String INTEGRATOR_NAME = "CARDSAVR_INTEGRATOR_NAME";
    static final String INTEGRATOR_KEY = "CARDSAVR_INTEGRATOR_KEY";
    static final String USERNAME = "CARDSAVR_USERNAME";
    static final String PASSWORD = "CARDSAVR_PASSWORD";
    static final String CARDHOLDER_ID = "CARDSAVR_CARDHOLDER_ID";
    /** Optional: jobs of that cardholder to wait for (and answer credential requests of). */
    static final String JOB_IDS = "CARDSAVR_JOB_IDS";
    /** Optional: {@code signed} (the default, production) or {@code unsigned} (development instances, no integrator). */
    static final String AUTH_MODE = "CARDSAVR_AUTH_MODE";

    static final String SIGNED = "signed";
    static final String UNSIGNED = "unsigned";

    private static final List<String> REQUIRED =
            List.of(BASE_URL, INTEGRATOR_NAME, INTEGRATOR_KEY, USERNAME, PASSWORD, CARDHOLDER_ID);
    private static final List<String> REQUIRED_UNSIGNED = List.of(BASE_URL, USERNAME, PASSWORD, CARDHOLDER_ID);

    private final String baseUrl;
    private final String authMode;
    private final String integratorName;
    private final String integratorKey;
    private final String username;
    private final String password;
    private final long cardholderId;
    private final List<Long> jobIds;

    public CardsavrSettings(String baseUrl, String integratorName, String integratorKey, String username,
            String password, long cardholderId, List<Long> jobIds) {
        this(baseUrl, SIGNED, Objects.requireNonNull(integratorName, "integratorName"),
                Objects.requireNonNull(integratorKey, "integratorKey"), username, password, cardholderId, jobIds);
    }

    /** With {@code authMode} {@code unsigned} the integrator name and key may be null. */
    public CardsavrSettings(String baseUrl, String authMode, String integratorName, String integratorKey,
            String username, String password, long cardholderId, List<Long> jobIds) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.authMode = Objects.requireNonNull(authMode, "authMode");
        this.integratorName = integratorName;
        this.integratorKey = integratorKey;
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
        this.cardholderId = cardholderId;
        this.jobIds = List.copyOf(jobIds);
    }

    /**
     * The real instance described by the {@code CARDSAVR_*} variables, or empty when none of the
     * required ones is set (the examples then start the simulator). Setting only some of them is a
     * mistake worth stopping for, rather than silently running against the simulator.
     */
    public static Optional<CardsavrSettings> fromEnvironment(Map<String, String> env) {
        String authMode = authMode(env.get(AUTH_MODE));
        List<String> required = authMode.equals(UNSIGNED) ? REQUIRED_UNSIGNED : REQUIRED;
        List<String> missing = new ArrayList<>();
        for (String name : required) {
            if (isBlank(env.get(name))) {
                missing.add(name);
            }
        }
        if (missing.size() == required.size() && isBlank(env.get(AUTH_MODE))) {
            return Optional.empty();
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("To use a real CardSavr instance" + (authMode.equals(UNSIGNED)
                    ? " in unsigned mode" : "") + " set all of " + required + "; missing: " + missing
                    + ". Unset them all to run against the embedded simulator.");
        }
        return Optional.of(new CardsavrSettings(env.get(BASE_URL).trim(), authMode, trimmed(env.get(INTEGRATOR_NAME)),
                trimmed(env.get(INTEGRATOR_KEY)), env.get(USERNAME).trim(), env.get(PASSWORD),
                parseId(CARDHOLDER_ID, env.get(CARDHOLDER_ID)), parseIds(env.get(JOB_IDS))));
    }

    private static String authMode(String value) {
        if (isBlank(value)) {
            return SIGNED;
        }
        String mode = value.trim().toLowerCase(java.util.Locale.ROOT);
        if (!mode.equals(SIGNED) && !mode.equals(UNSIGNED)) {
            throw new IllegalArgumentException(AUTH_MODE + " must be signed or unsigned, was '" + value.trim() + "'");
        }
        return mode;
    }

    private static String trimmed(String value) {
        return isBlank(value) ? null : value.trim();
    }

    /**
     * The component configuration as Camel Main properties, so the examples configure the
     * component the same way a user's {@code application.properties} would.
     */
    public Map<String, String> componentProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("camel.component.cardsavr.base-url", baseUrl);
        properties.put("camel.component.cardsavr.auth-mode", authMode);
        if (integratorName != null) {
            properties.put("camel.component.cardsavr.integrator-name", integratorName);
        }
        if (integratorKey != null) {
            properties.put("camel.component.cardsavr.integrator-key", integratorKey);
        }
        properties.put("camel.component.cardsavr.username", username);
        properties.put("camel.component.cardsavr.password", password);
        return properties;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** {@code signed} or {@code unsigned}. */
    public String authMode() {
        return authMode;
    }

    public String integratorName() {
        return integratorName;
    }

    public String integratorKey() {
        return integratorKey;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public long cardholderId() {
        return cardholderId;
    }

    /** Jobs named up front (always the created ones for the simulator; optional for a real instance). */
    public List<Long> jobIds() {
        return jobIds;
    }

    @Override
    public String toString() {
        return "CardsavrSettings[baseUrl=" + baseUrl + ", authMode=" + authMode + ", integratorName=" + integratorName
                + ", cardholderId="
                + cardholderId + ", jobIds=" + jobIds + "]";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static long parseId(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a numeric id, was '" + value.trim() + "'", e);
        }
    }

    private static List<Long> parseIds(String value) {
        if (isBlank(value)) {
            return List.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> parseId(JOB_IDS, s))
                .toList();
    }
}
