package io.github.camelcardsavr.simulator;

import java.util.List;
import java.util.Locale;

/**
 * The synthetic merchant sites the simulator knows, after CardSavr's own test sites. Each one drives a job
 * through a different realistic path.
 */
public final class SimulatorSites {

    /** Logs in and places the card: ends SUCCESSFUL / BILLABLE. {@code good_password} is an alias. */
    public static final String GOOD_EMAIL = "good_email";
    /** Asks for a TFA code (PENDING_TFA); the right code succeeds, a wrong one ends TFA_FAILURE. */
    public static final String TFA = "tfa";
    /** Asks security questions (PENDING); any non-empty answers succeed. */
    public static final String SECURITY = "security";
    /** Rejects the credentials (PENDING_NEWCREDS); "success" or new username+password succeed. */
    public static final String BAD_EMAIL = "bad_email";
    /** Reaches UPDATING, then fails: UNSUCCESSFUL / SITE_INTERACTION_FAILURE. */
    public static final String SITE_FAILURE = "site_failure";
    /** No automatic progress at all: the test injects every message. */
    public static final String MANUAL = "manual";

    public static final String DEFAULT_TFA_CODE = "1234";

    public static final List<String> ALL = List.of(GOOD_EMAIL, TFA, SECURITY, BAD_EMAIL, SITE_FAILURE, MANUAL);

    private SimulatorSites() {
    }

    /** The canonical site name, or IllegalArgumentException naming the known ones. */
    public static String requireKnown(String site) {
        if (site == null || site.isBlank()) {
            throw new IllegalArgumentException("site is required; one of " + ALL);
        }
        String normalised = site.trim().toLowerCase(Locale.ROOT);
        if ("good_password".equals(normalised)) {
            return GOOD_EMAIL;
        }
        if (!ALL.contains(normalised)) {
            throw new IllegalArgumentException("Unknown site '" + site + "'; one of " + ALL);
        }
        return normalised;
    }
}
