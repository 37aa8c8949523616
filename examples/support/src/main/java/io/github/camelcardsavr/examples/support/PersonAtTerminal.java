package io.github.camelcardsavr.examples.support;

import java.io.PrintStream;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whoever runs an example, when it needs something only a person knows (a TFA code, a new password,
 * security answers). On a terminal it can ask; otherwise it can only be told. Tests feed answers
 * through their own implementation.
 */
public interface PersonAtTerminal {

    /** True when questions reach a person who can type an answer. */
    boolean canAsk();

    /** A line for the person; without a terminal it goes to standard error, where a log would show it. */
    void tell(String line);

    /** The line typed in answer (possibly blank); empty when nobody can answer (no terminal, end of input). */
    Optional<String> ask(String prompt);

    /** Like {@link #ask} without echoing what is typed; the answer must never be printed or logged. */
    Optional<String> askSecret(String prompt);

    /**
     * Runs one request's questions with the screen to themselves: a terminal implementation keeps other
     * conversations and the progress display out of the way meanwhile.
     */
    default <T> T converse(Supplier<T> conversation) {
        return conversation.get();
    }

    /** The terminal of this process when there is one, else nobody to ask and {@code System.err} to tell. */
    static PersonAtTerminal ofThisProcess() {
        return SystemTerminal.interactiveConsole().<PersonAtTerminal>map(SystemTerminal::new)
                .orElseGet(() -> new NoTerminal(System.err));
    }

    /** The same person, with the progress display paused while they are asked something. */
    default PersonAtTerminal pausing(ProgressDisplay display) {
        return new PausingTerminal(this, display);
    }

    /** No one to ask: every question goes unanswered and what would be told is printed to {@code out}. */
    static PersonAtTerminal nobody(PrintStream out) {
        return new NoTerminal(out);
    }
}
