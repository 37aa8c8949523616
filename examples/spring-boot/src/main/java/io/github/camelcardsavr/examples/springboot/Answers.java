package io.github.camelcardsavr.examples.springboot;

import java.util.Optional;

import io.github.camelcardsavr.examples.support.AnswersFile;

/**
 * Where answers to credential requests come from: CARDSAVR_ANSWERS_FILE, else, against the embedded simulator, the
 * answers bundled with the example (the demo's), else nowhere, and the requests are left for a person.
 */
public record Answers(Optional<AnswersFile> file) {

    static final String BUNDLED = "answers.properties";

    public String describe() {
        return file.map(AnswersFile::source)
                .orElse("none: credential requests stay unanswered (set CARDSAVR_ANSWERS_FILE to answer them)");
    }
}
