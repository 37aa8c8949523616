package io.github.camelcardsavr.simulator.internal.engine;

import java.util.List;

/** The kinds of cardholder input a scenario can wait for, with the wire names each one uses. */
enum InputKind {
    TFA("PENDING_TFA", "tfa_request", "TIMEOUT_TFA", "TFA_CODE_RECEIVED", "TFA_SUBMITTED", "TFA_FAILURE",
            "Additional information required, this code may be sent to your phone or email address.",
            List.of("tfa")),
    SECURITY("PENDING", "security", "TIMEOUT_CREDENTIALS", "CREDS_RECEIVED", "CREDS_SUBMITTED", "TFA_FAILURE",
            "Additional information required, please answer the security questions.",
            List.of("security_answer_1", "security_answer_2")),
    NEW_CREDENTIALS("PENDING_NEWCREDS", "credential_request", "TIMEOUT_CREDENTIALS", "CREDS_RECEIVED",
            "CREDS_SUBMITTED", "INVALID_CREDENTIALS",
            "The username or password was not accepted, please enter new credentials.",
            List.of("username", "password"));

    final String pendingStatus;
    final String requestType;
    final String timeoutStatus;
    final String receivedStatus;
    final String submittedStatus;
    final String rejectedStatus;
    final String pendingMessage;
    final List<String> fields;

    InputKind(String pendingStatus, String requestType, String timeoutStatus, String receivedStatus,
            String submittedStatus, String rejectedStatus, String pendingMessage, List<String> fields) {
        this.pendingStatus = pendingStatus;
        this.requestType = requestType;
        this.timeoutStatus = timeoutStatus;
        this.receivedStatus = receivedStatus;
        this.submittedStatus = submittedStatus;
        this.rejectedStatus = rejectedStatus;
        this.pendingMessage = pendingMessage;
        this.fields = fields;
    }

    /** Timeout status for any credential request type, injected ones included. */
    static String timeoutStatusFor(String requestType) {
        return requestType != null && requestType.startsWith("tfa") ? TFA.timeoutStatus : SECURITY.timeoutStatus;
    }
}
