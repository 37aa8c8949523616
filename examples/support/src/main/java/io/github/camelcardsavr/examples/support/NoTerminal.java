package io.github.camelcardsavr.examples.support;

import java.io.PrintStream;
import java.util.Optional;

/** Nobody to ask (output to a file or pipe, CI): questions go unanswered, and telling means printing. */
final class NoTerminal implements PersonAtTerminal {

    private final PrintStream out;

    NoTerminal(PrintStream out) {
        this.out = out;
    }

    @Override
    public boolean canAsk() {
        return false;
    }

    @Override
    public void tell(String line) {
        out.println(line);
        out.flush();
    }

    @Override
    public Optional<String> ask(String prompt) {
        return Optional.empty();
    }

    @Override
    public Optional<String> askSecret(String prompt) {
        return Optional.empty();
    }
}
