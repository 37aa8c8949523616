package io.github.camelcardsavr.examples.support;

/**
 * A job the example follows. {@code site} is the synthetic site it runs on in the simulator, or
 * {@link #UNKNOWN_SITE} for a real instance's job (the messaging API does not say which site).
 */
public record DemoJob(long jobId, String site) {

    public static final String UNKNOWN_SITE = "-";
}
