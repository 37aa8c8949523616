package io.github.camelcardsavr.examples.support;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The person at this process's terminal, through {@link Console}: secrets are read without echo. One
 * conversation at a time, so two jobs asking at once do not interleave their questions.
 */
final class SystemTerminal implements PersonAtTerminal {

    private final Console console;
    private final ReentrantLock conversation = new ReentrantLock();

    SystemTerminal(Console console) {
        this.console = console;
    }

    /**
     * The console when standard input and output are a terminal. Java 17 returns a console only then; newer
     * JDKs may return one for redirected streams too, and say so through {@code Console.isTerminal()}.
     */
    static Optional<Console> interactiveConsole() {
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console)) ? Optional.of(console) : Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.of(console);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not ask the console whether it is a terminal", e);
        }
    }

    @Override
    public boolean canAsk() {
        return true;
    }

    @Override
    public void tell(String line) {
        console.writer().println(line);
        console.flush();
    }

    @Override
    public Optional<String> ask(String prompt) {
        return Optional.ofNullable(console.readLine("%s", prompt));
    }

    @Override
    public Optional<String> askSecret(String prompt) {
        char[] typed = console.readPassword("%s", prompt);
        if (typed == null) {
            return Optional.empty();
        }
        String secret = new String(typed);
        Arrays.fill(typed, '\0');
        return Optional.of(secret);
    }

    @Override
    public <T> T converse(Supplier<T> talk) {
        conversation.lock();
        try {
            return talk.get();
        } finally {
            conversation.unlock();
        }
    }
}
