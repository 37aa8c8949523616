package io.github.camelcardsavr.consumer;

/**
 * A running consumer that accepts jobs at run time. Calls come from producer or other consumer threads: implementations
 * only queue the request, their poll thread applies it.
 */
public interface DynamicJobTarget {

    /**
     * Starts polling the job on the next poll.
     *
     * @param accessKey the job's messaging access key, or null to subscribe
     */
    void addJob(long jobId, String accessKey);

    /** Stops polling the job once the messages already received for it are delivered. */
    void removeJob(long jobId);

    /** Another consumer of the same component saw the job's last message. */
    default void jobTerminated(long jobId) {
    }
}
