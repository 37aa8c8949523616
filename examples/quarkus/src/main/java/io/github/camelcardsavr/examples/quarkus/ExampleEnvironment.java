package io.github.camelcardsavr.examples.quarkus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the example's environment contract before Quarkus starts, so that a mistake ends the run with one line
 * naming the variable instead of a stack trace from deep inside a consumer. The values themselves reach the
 * component through {@code application.properties}; nothing here keeps or prints them.
 */
final class ExampleEnvironment {

    static final String BASE_URL = "CARDSAVR_BASE_URL";
    static final String INTEGRATOR_NAME = "CARDSAVR_INTEGRATOR_NAME";
    static final String INTEGRATOR_KEY = "CARDSAVR_INTEGRATOR_KEY";
    static final String USERNAME = "CARDSAVR_USERNAME";
    static final String PASSWORD = "CARDSAVR_PASSWORD";
    static final String AUTH_MODE = "CARDSAVR_AUTH_MODE";
    static final String JOB_IDS = "CARDSAVR_JOB_IDS";

    private static final List<String> CONNECTION = List.of(INTEGRATOR_NAME, INTEGRATOR_KEY, USERNAME, PASSWORD, JOB_IDS);

    private ExampleEnvironment() {
    }

    /** True for a real instance; false when the embedded simulator is to run. */
    static boolean namesARealInstance(Map<String, String> env) {
        if (isBlank(env.get(BASE_URL))) {
            List<String> stray = CONNECTION.stream().filter(name -> !isBlank(env.get(name))).toList();
            if (!stray.isEmpty()) {
                throw new IllegalArgumentException(stray + " set without " + BASE_URL + ": set " + BASE_URL
                        + " to use a real instance, or unset them all to run the embedded simulator");
            }
            return false;
        }
        List<String> missing = new ArrayList<>();
        for (String name : required(env)) {
            if (isBlank(env.get(name))) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(BASE_URL + " is set, so " + missing + " must be set too");
        }
        for (String id : env.get(JOB_IDS).split(",")) {
            if (!id.trim().matches("\\d+")) {
                throw new IllegalArgumentException(JOB_IDS + " must be job ids separated by commas, found '"
                        + id.trim() + "'");
            }
        }
        return true;
    }

    private static List<String> required(Map<String, String> env) {
        String mode = env.getOrDefault(AUTH_MODE, "");
        return isBlank(mode) || mode.trim().equalsIgnoreCase("signed")
                ? List.of(INTEGRATOR_NAME, INTEGRATOR_KEY, USERNAME, PASSWORD, JOB_IDS)
                : List.of(USERNAME, PASSWORD, JOB_IDS);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
