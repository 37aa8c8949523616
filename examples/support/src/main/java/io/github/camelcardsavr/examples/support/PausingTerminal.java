package io.github.camelcardsavr.examples.support;

import java.util.Optional;
import java.util.function.Supplier;

/** A person whose conversations pause the progress display, so redraws do not write over the questions. */
final class PausingTerminal implements PersonAtTerminal {

    private final PersonAtTerminal person;
    private final ProgressDisplay display;

    PausingTerminal(PersonAtTerminal person, ProgressDisplay display) {
        this.person = person;
        this.display = display;
    }

    @Override
    public boolean canAsk() {
        return person.canAsk();
    }

    @Override
    public void tell(String line) {
        person.tell(line);
    }

    @Override
    public Optional<String> ask(String prompt) {
        return person.ask(prompt);
    }

    @Override
    public Optional<String> askSecret(String prompt) {
        return person.askSecret(prompt);
    }

    @Override
    public <T> T converse(Supplier<T> conversation) {
        return person.converse(() -> display.pauseWhile(conversation));
    }
}
