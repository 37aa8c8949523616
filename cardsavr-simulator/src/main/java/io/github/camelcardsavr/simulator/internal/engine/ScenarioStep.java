package io.github.camelcardsavr.simulator.internal.engine;

/** One step of a job's script; the engine runs one step per step delay. */
sealed interface ScenarioStep {

    /** Publish a job_status with this status and progress. */
    record Status(String status, double percent, double authPercent, String statusMessage) implements ScenarioStep {
    }

    /** Publish the PENDING status, open a credential request, and wait for its answer (or its expiry). */
    record AwaitInput(InputKind kind) implements ScenarioStep {
    }

    /** Publish the final status with its termination type; the job is then over. */
    record Terminate(String status, String terminationType, String statusMessage,
            String terminationStatusMessage) implements ScenarioStep {
    }
}
