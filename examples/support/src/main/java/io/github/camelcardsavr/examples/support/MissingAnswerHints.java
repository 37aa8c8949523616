package io.github.camelcardsavr.examples.support;

import io.github.camelcardsavr.model.AccountLinkField;
import io.github.camelcardsavr.model.CredentialRequest;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Says, once per request type and site, which key in which answers file would answer a request nobody
 * answered, so a run without a terminal tells its reader how to get further instead of going quiet.
 */
final class MissingAnswerHints {

    private final Set<String> told = ConcurrentHashMap.newKeySet();

    void tellOnce(PersonAtTerminal person, AnswersFile answers, CredentialRequest request, String site) {
        if (!told.add(request.getType() + "@" + site)) {
            return;
        }
        String prefix = DemoJob.UNKNOWN_SITE.equals(site) ? AnswersFile.DEFAULT_SITE : site;
        String where = answers.path().isPresent() ? " to it"
                : " to a properties file and set " + ExampleFiles.ANSWERS_FILE + " to its path";
        person.tell("No answer for job " + request.getJobId() + "'s " + request.getType() + " request"
                + (DemoJob.UNKNOWN_SITE.equals(site) ? "" : " (site " + site + ")") + " in " + answers.source()
                + ": add " + keys(prefix, request) + where
                + (person.canAsk() ? "" : ", or run the example in a terminal to be asked") + ".");
    }

    private static String keys(String prefix, CredentialRequest request) {
        if (request.isTfa()) {
            return "tfa_message".equals(request.getType()) ? prefix + ".tfa_message=ack" : prefix + ".tfa=<the code>";
        }
        List<String> fields = request.getAccountLink().stream().map(AccountLinkField::getKeyName).toList();
        if (fields.isEmpty()) {
            return "(the request names no fields, so no key can answer it)";
        }
        return fields.stream().map(field -> prefix + "." + field + "=<" + field.replace('_', ' ') + ">")
                .collect(Collectors.joining(" and "));
    }
}
