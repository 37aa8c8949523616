package io.github.camelcardsavr.consumer;

/**
 * A request from another thread (a producer, another consumer) for a consumer's poll thread.
 */
record JobCommand(Kind kind, long jobId, String accessKey) {

    enum Kind {
        ADD,
        REMOVE,
        TERMINATED
    }

    @Override
    public String toString() {
        return "JobCommand[" + kind + " " + jobId + "]";
    }
}
