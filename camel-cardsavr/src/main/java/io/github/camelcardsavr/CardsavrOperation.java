package io.github.camelcardsavr;

/**
 * The path of a {@code cardsavr:} URI. The constant names are the URI spelling, so they are camelCase on purpose.
 */
public enum CardsavrOperation {

    /** Consumer: job status broadcasts of the jobs in {@code jobId}. Producer: hands a job to a running consumer. */
    jobStatus(true, true),
    /** Consumer: every message of every job of the cardholder in {@code cardholderId}. */
    cardholderMessages(true, false),
    /** Consumer: credential and TFA requests of the jobs in {@code jobId}. Producer: hands a job to a running consumer. */
    credentialRequests(true, true),
    /** Producer: registers for a job's broadcasts and returns the access key. */
    subscribe(false, true),
    /** Producer: posts an answer to a credential request on the messaging endpoint. */
    credentialResponse(false, true),
    /** Producer: answers a credential request by updating the job (the path CardSavr prefers). */
    jobCredentials(false, true);

    private final boolean consumer;
    private final boolean producer;

    CardsavrOperation(boolean consumer, boolean producer) {
        this.consumer = consumer;
        this.producer = producer;
    }

    public boolean supportsConsumer() {
        return consumer;
    }

    public boolean supportsProducer() {
        return producer;
    }

    /**
     * Resolves the URI path; unknown names fail with the list of valid ones rather than Java's enum message.
     */
    public static CardsavrOperation fromPath(String path) {
        String name = path == null ? "" : path.trim();
        if (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        for (CardsavrOperation op : values()) {
            if (op.name().equalsIgnoreCase(name)) {
                return op;
            }
        }
        throw new IllegalArgumentException("Unknown cardsavr operation '" + name + "'; use one of "
                + java.util.Arrays.toString(values()));
    }
}
