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

    private static final List<String> REQUIRED =
            List.of(BASE_URL, INTEGRATOR_NAME, INTEGRATOR_KEY, USERNAME, PASSWORD, CARDHOLDER_ID);

    private final String baseUrl;
    private final String integratorName;
    private final String integratorKey;
    private final String username;
    private final String password;
    private final long cardholderId;
    private final List<Long> jobIds;

    public CardsavrSettings(String baseUrl, String integratorName, String integratorKey, String username,
            String password, long cardholderId, List<Long> jobIds) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.integratorName = Objects.requireNonNull(integratorName, "integratorName");
        this.integratorKey = Objects.requireNonNull(integratorKey, "integratorKey");
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
        List<String> missing = new ArrayList<>();
        for (String name : REQUIRED) {
            if (isBlank(env.get(name))) {
                missing.add(name);
            }
        }
        if (missing.size() == REQUIRED.size()) {
            return Optional.empty();
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("To use a real CardSavr instance set all of " + REQUIRED
                    + "; missing: " + missing + ". Unset them all to run against the embedded simulator.");
        }
        return Optional.of(new CardsavrSettings(env.get(BASE_URL).trim(), env.get(INTEGRATOR_NAME).trim(),
                env.get(INTEGRATOR_KEY).trim(), env.get(USERNAME).trim(), env.get(PASSWORD),
                parseId(CARDHOLDER_ID, env.get(CARDHOLDER_ID)), parseIds(env.get(JOB_IDS))));
    }

    /**
     * The component configuration as Camel Main properties, so the examples configure the
     * component the same way a user's {@code application.properties} would.
     */
    public Map<String, String> componentProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("camel.component.cardsavr.base-url", baseUrl);
        properties.put("camel.component.cardsavr.integrator-name", integratorName);
        properties.put("camel.component.cardsavr.integrator-key", integratorKey);
        properties.put("camel.component.cardsavr.username", username);
        properties.put("camel.component.cardsavr.password", password);
        return properties;
    }

    public String baseUrl() {
        return baseUrl;
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
        return "CardsavrSettings[baseUrl=" + baseUrl + ", integratorName=" + integratorName + ", cardholderId="
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
