package io.github.camelcardsavr;

import org.apache.camel.spi.Metadata;

/**
 * Message headers of the {@code cardsavr:} component.
 */
public final class CardsavrConstants {

    @Metadata(label = "common",
              description = "The CardSavr job id. Set by every consumer; read by the producers (it wins over the"
                            + " jobId endpoint option) and by jobStatus/credentialRequests producers that add a job"
                            + " to a running consumer.",
              javaType = "Long")
    public static final String JOB_ID = "CamelCardsavrJobId";

    @Metadata(label = "consumer",
              description = "The cardholder id (cardholderMessages consumer).",
              javaType = "Long")
    public static final String CARDHOLDER_ID = "CamelCardsavrCardholderId";

    @Metadata(label = "common",
              description = "The message type as sent by CardSavr, e.g. job_status, tfa, credential_request."
                            + " The credentialResponse producer posts it as the answer's type unless"
                            + " CamelCardsavrCredentialType is set.",
              javaType = "String")
    public static final String MESSAGE_TYPE = "CamelCardsavrMessageType";

    @Metadata(label = "common",
              description = "The job status, e.g. UPDATING, PENDING_TFA, SUCCESSFUL (consumers, and the"
                            + " jobCredentials producer's reply).",
              javaType = "String")
    public static final String STATUS = "CamelCardsavrStatus";

    @Metadata(label = "consumer",
              description = "The job's percent_complete, fractional (e.g. 4.5).",
              javaType = "Double")
    public static final String PERCENT_COMPLETE = "CamelCardsavrPercentComplete";

    @Metadata(label = "consumer",
              description = "The termination_type of a job's last message (BILLABLE, USER_DATA_FAILURE,"
                            + " SITE_INTERACTION_FAILURE, PROCESS_FAILURE, NEVER_STARTED); absent before.",
              javaType = "String")
    public static final String TERMINATION_TYPE = "CamelCardsavrTerminationType";

    @Metadata(label = "consumer",
              description = "True on the message that ends a job (termination_type present or percent_complete"
                            + " 100).",
              javaType = "Boolean")
    public static final String TERMINAL = "CamelCardsavrTerminal";

    @Metadata(label = "common",
              description = "The envelope id of a credential request. Set by the credentialRequests consumer,"
                            + " required by the credentialResponse and jobCredentials producers.",
              javaType = "String")
    public static final String ENVELOPE_ID = "CamelCardsavrEnvelopeId";

    @Metadata(label = "common",
              description = "A job's messaging access key: set by the subscribe producer; read by a jobStatus"
                            + " producer adding a job (use this key instead of subscribing). Secret: do not log it.",
              javaType = "String", secret = true)
    public static final String ACCESS_KEY = "CamelCardsavrAccessKey";

    @Metadata(label = "producer",
              description = "Overrides the type the credentialResponse producer posts (default: the"
                            + " CamelCardsavrMessageType header, i.e. the request's own type).",
              javaType = "String")
    public static final String CREDENTIAL_TYPE = "CamelCardsavrCredentialType";

    @Metadata(label = "producer",
              description = "For the jobStatus and credentialRequests producers: add (default) hands the job to"
                            + " the running consumer, remove makes it stop polling the job.",
              javaType = "String", enums = "add,remove")
    public static final String JOB_ACTION = "CamelCardsavrJobAction";

    private CardsavrConstants() {
    }
}
