package io.github.camelcardsavr.client;

/** The API paths the client sends, exactly as the seed documents them. */
final class CardsavrPaths {

    static final String LOGIN = "/session/login";
    static final String END = "/session/end";
    static final String REFRESH = "/session/refresh";

    private static final String JOB_MESSAGES = "/messages/place_card_on_single_site_jobs/";

    private CardsavrPaths() {
    }

    static String registrations(long jobId) {
        return JOB_MESSAGES + jobId + "/broadcasts/registrations";
    }

    static String broadcasts(long jobId) {
        return JOB_MESSAGES + jobId + "/broadcasts";
    }

    static String cardholderMessages(long cardholderId) {
        return "/messages/cardholders/" + cardholderId;
    }

    static String credentialRequests(long jobId) {
        return JOB_MESSAGES + jobId + "/credential_requests";
    }

    static String credentialResponses(long jobId) {
        return JOB_MESSAGES + jobId + "/credential_responses";
    }

    static String job(long jobId) {
        return "/place_card_on_single_site_jobs/" + jobId;
    }
}
