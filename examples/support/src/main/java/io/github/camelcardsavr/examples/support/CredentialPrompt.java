package io.github.camelcardsavr.examples.support;

import io.github.camelcardsavr.model.AccountLinkField;
import io.github.camelcardsavr.model.CredentialRequest;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Asks the person at the terminal for what a credential request wants: the TFA code, an acknowledgement
 * for a {@code tfa_message}, or each account_link field (new username and password, security answers).
 * Secret fields and TFA codes are read without echo; no answer is ever printed. An empty answer leaves
 * the request unanswered.
 */
final class CredentialPrompt {

    static final String SKIP = "skip";
    private static final String TFA_MESSAGE = "tfa_message";
    private static final String ACKNOWLEDGED = "ack";

    private CredentialPrompt() {
    }

    /** The TFA code (or "ack") as a String, the account_link values as a Map; empty when not answered. */
    static Optional<Object> ask(PersonAtTerminal person, CredentialRequest request, String site) {
        return person.converse(() -> {
            person.tell("");
            person.tell("Job " + request.getJobId() + siteNote(site) + " needs your input (" + request.getType()
                    + statusNote(request) + "). An empty answer leaves it unanswered.");
            Optional<Object> answer;
            if (TFA_MESSAGE.equals(request.getType())) {
                answer = acknowledgement(person);
            } else if (request.isTfa()) {
                answer = tfaCode(person, request).map(Object.class::cast);
            } else {
                answer = accountLink(person, request).map(Object.class::cast);
            }
            person.tell(answer.isPresent() ? "Sending the answer for job " + request.getJobId() + "."
                    : "Job " + request.getJobId() + "'s request stays unanswered.");
            return answer;
        });
    }

    private static Optional<Object> acknowledgement(PersonAtTerminal person) {
        Optional<String> typed = person.ask("Approve the sign-in where the site asks you to, then press Enter"
                + " (or type " + SKIP + "): ");
        return typed.filter(line -> !line.trim().equalsIgnoreCase(SKIP)).map(line -> ACKNOWLEDGED);
    }

    private static Optional<String> tfaCode(PersonAtTerminal person, CredentialRequest request) {
        String label = request.getAccountLink().stream().map(AccountLinkField::getLabel)
                .filter(l -> l != null && !l.isBlank()).findFirst().orElse("Verification code");
        return person.askSecret(label + " (hidden): ").map(String::trim).filter(code -> !code.isEmpty());
    }

    private static Optional<Map<String, String>> accountLink(PersonAtTerminal person, CredentialRequest request) {
        if (request.getAccountLink().isEmpty()) {
            person.tell("It names no fields to fill in.");
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (AccountLinkField field : request.getAccountLink()) {
            String label = field.getLabel() == null || field.getLabel().isBlank() ? field.getKeyName() : field.getLabel();
            Optional<String> value = isSecret(field) ? person.askSecret(label + " (hidden): ") : person.ask(label + ": ");
            if (value.isEmpty() || value.get().isEmpty()) {
                return Optional.empty();
            }
            values.put(field.getKeyName(), value.get());
        }
        return Optional.of(values);
    }

    /** The server's flag, and names that are secrets whatever the flag says. */
    static boolean isSecret(AccountLinkField field) {
        String name = field.getKeyName() == null ? "" : field.getKeyName().toLowerCase(Locale.ROOT);
        return field.isSecret() || name.contains("password") || name.contains("tfa") || name.startsWith("security");
    }

    private static String siteNote(String site) {
        return DemoJob.UNKNOWN_SITE.equals(site) ? "" : " on " + site;
    }

    private static String statusNote(CredentialRequest request) {
        return request.getStatus() == null || request.getStatus().getStatus() == null ? ""
                : ", " + request.getStatus().getStatus();
    }
}
