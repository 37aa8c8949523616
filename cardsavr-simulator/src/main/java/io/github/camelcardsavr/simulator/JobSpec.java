package io.github.camelcardsavr.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * What job to create: a synthetic site (see {@link SimulatorSites}), optionally an existing cardholder,
 * and per-job overrides of the step delay and the expected TFA code.
 */
public final class JobSpec {

    private final String site;
    private final Long cardholderId;
    private final Duration stepDelay;
    private final String tfaCode;
    private final boolean autoStart;

    private JobSpec(Builder builder) {
        this.site = SimulatorSites.requireKnown(builder.site);
        this.cardholderId = builder.cardholderId;
        this.stepDelay = builder.stepDelay;
        this.tfaCode = builder.tfaCode;
        this.autoStart = builder.autoStart;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static JobSpec of(String site) {
        return builder().site(site).build();
    }

    public static JobSpec of(String site, Long cardholderId) {
        return builder().site(site).cardholderId(cardholderId).build();
    }

    public String site() {
        return site;
    }

    /** The cardholder to attach the job to, or null for a new cardholder. */
    public Long cardholderId() {
        return cardholderId;
    }

    /** The per-job step delay, or null for the simulator's. */
    public Duration stepDelay() {
        return stepDelay;
    }

    /** The TFA code the {@code tfa} site accepts. */
    public String tfaCode() {
        return tfaCode;
    }

    /** False creates the job in REQUESTED and waits for {@link SimulatorAdmin#startJob(long)}. */
    public boolean autoStart() {
        return autoStart;
    }

    @Override
    public String toString() {
        return "JobSpec[site=" + site + ", cardholderId=" + cardholderId + ", stepDelay=" + stepDelay
                + ", autoStart=" + autoStart + "]";
    }

    /** Builder; only the site is required. */
    public static final class Builder {
        private String site;
        private Long cardholderId;
        private Duration stepDelay;
        private String tfaCode = SimulatorSites.DEFAULT_TFA_CODE;
        private boolean autoStart = true;

        private Builder() {
        }

        public Builder site(String site) {
            this.site = site;
            return this;
        }

        public Builder cardholderId(Long cardholderId) {
            this.cardholderId = cardholderId;
            return this;
        }

        public Builder stepDelay(Duration stepDelay) {
            if (stepDelay != null && stepDelay.isNegative()) {
                throw new IllegalArgumentException("stepDelay must not be negative, was " + stepDelay);
            }
            this.stepDelay = stepDelay;
            return this;
        }

        public Builder tfaCode(String tfaCode) {
            this.tfaCode = Objects.requireNonNull(tfaCode, "tfaCode");
            return this;
        }

        public Builder autoStart(boolean autoStart) {
            this.autoStart = autoStart;
            return this;
        }

        public JobSpec build() {
            return new JobSpec(this);
        }
    }
}
