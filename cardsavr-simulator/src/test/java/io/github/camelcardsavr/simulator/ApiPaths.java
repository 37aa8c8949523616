package io.github.camelcardsavr.simulator;

import java.util.Map;

/** The seed's API paths and the access-key headers, for the tests. */
final class ApiPaths {

    static final String ACCESS_KEY = "cardsavr-messaging-access-key";
    static final String SDK_ACCESS_KEY = "x-cardsavr-cardsavr-messaging-access-key";

    private ApiPaths() {
    }

    static String registrations(long jobId) {
        return "/messages/place_card_on_single_site_jobs/" + jobId + "/broadcasts/registrations";
    }

    static String broadcasts(long jobId) {
        return "/messages/place_card_on_single_site_jobs/" + jobId + "/broadcasts";
    }

    static String credentialRequests(long jobId) {
        return "/messages/place_card_on_single_site_jobs/" + jobId + "/credential_requests";
    }

    static String credentialResponses(long jobId) {
        return "/messages/place_card_on_single_site_jobs/" + jobId + "/credential_responses";
    }

    static String cardholder(long cardholderId) {
        return "/messages/cardholders/" + cardholderId;
    }

    static String job(long jobId) {
        return "/place_card_on_single_site_jobs/" + jobId;
    }

    static Map<String, String> key(String accessKey) {
        return Map.of(ACCESS_KEY, accessKey);
    }
}
