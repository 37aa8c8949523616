package io.github.camelcardsavr.examples.support;

import java.util.Map;

/**
 * A job the example follows. {@code site} is the synthetic site it runs on in the simulator, or
 * {@link #UNKNOWN_SITE} for a real instance's job (the messaging API does not say which site).
 */
public record DemoJob(long jobId, String site) {

    public static final String UNKNOWN_SITE = "-";

    // with the examples' answers files every site that asks for input is satisfied; only site_failure fails
    private static final Map<String, String> TERMINATION_BY_SITE = Map.of(
            "good_email", "BILLABLE",
            "tfa", "BILLABLE",
            "bad_email", "BILLABLE",
            "security", "BILLABLE",
            "site_failure", "SITE_INTERACTION_FAILURE");

    /**
     * The termination type this job's synthetic site ends with when the example answers its requests from its
     * answers file, or null for a site the simulator scenarios do not fix (a real instance's job).
     */
    public String expectedTermination() {
        return TERMINATION_BY_SITE.get(site);
    }
}
