package io.github.camelcardsavr.examples.support;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;

/**
 * How one run of an example behaves; an example's main and its test differ only here.
 *
 * @param pollDelay consumer poll interval; null = the component's default (right for a real instance)
 * @param timeout   give up when the jobs have not all terminated by then; {@link Duration#ZERO} = never
 * @param out       where progress goes
 * @param ansi      redraw progress in place (only for a terminal)
 */
public record RunOptions(Duration pollDelay, Duration timeout, PrintStream out, boolean ansi) {

    private static final Duration DEMO_POLL_DELAY = Duration.ofMillis(500);
    private static final Duration DEMO_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration TEST_POLL_DELAY = Duration.ofMillis(20);
    private static final Duration TEST_TIMEOUT = Duration.ofSeconds(60);

    public RunOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(out, "out");
    }

    /**
     * For a main method: brisk polling against the simulator; the component's own default against a
     * real instance, where the run ends with its known jobs or, with none named, only on Ctrl-C.
     */
    public static RunOptions forConsole(CardsavrTarget target) {
        boolean waitsForJobs = target.isSimulated() || !target.jobs().isEmpty();
        boolean ansi = ProgressDisplay.isInteractiveTerminal();
        return new RunOptions(target.isSimulated() ? DEMO_POLL_DELAY : null,
                waitsForJobs ? DEMO_TIMEOUT : Duration.ZERO, ansi ? ProgressDisplay.rawStandardOut() : System.out,
                ansi);
    }

    /** For tests: fast polling, plain progress lines into {@code out}. */
    public static RunOptions forTests(PrintStream out) {
        return new RunOptions(TEST_POLL_DELAY, TEST_TIMEOUT, out, false);
    }

    /** Endpoint options that apply {@link #pollDelay}, to append to a consumer URI that has a query. */
    public String pollOptions() {
        return pollDelay == null ? "" : "&delay=" + pollDelay.toMillis() + "&initialDelay=0";
    }
}
