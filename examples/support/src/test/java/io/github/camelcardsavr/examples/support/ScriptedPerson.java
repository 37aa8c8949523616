package io.github.camelcardsavr.examples.support;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** A person at a terminal who types the given lines in order; records every prompt and what they were told. */
final class ScriptedPerson implements PersonAtTerminal {

    final List<String> prompts = new ArrayList<>();
    final List<String> told = new ArrayList<>();
    private final Deque<String> typed;
    int conversations;

    ScriptedPerson(String... lines) {
        typed = new ArrayDeque<>(Arrays.asList(lines));
    }

    @Override
    public boolean canAsk() {
        return true;
    }

    @Override
    public void tell(String line) {
        told.add(line);
    }

    @Override
    public Optional<String> ask(String prompt) {
        prompts.add("shown: " + prompt);
        return Optional.ofNullable(typed.poll());
    }

    @Override
    public Optional<String> askSecret(String prompt) {
        prompts.add("hidden: " + prompt);
        return Optional.ofNullable(typed.poll());
    }

    @Override
    public <T> T converse(Supplier<T> conversation) {
        conversations++;
        return conversation.get();
    }

    String allTold() {
        return String.join("\n", told);
    }
}
