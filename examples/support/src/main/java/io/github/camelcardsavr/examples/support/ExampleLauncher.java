package io.github.camelcardsavr.examples.support;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What every example's {@code main} does around its run: turns the outcome into an exit code (0 done,
 * 1 failed or timed out, 2 bad settings) with one clear line on stderr, and lets a Ctrl-C finish
 * printing the summary before the JVM goes.
 */
public final class ExampleLauncher {

    /** An example's body: returns the exit code. */
    @FunctionalInterface
    public interface ExampleRun {
        int run(PrintStream out) throws Exception;
    }

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_SETTINGS = 2;

    private static final long SUMMARY_GRACE_SECONDS = 15;

    private ExampleLauncher() {
    }

    public static void launch(String exampleName, ExampleRun example) {
        CountDownLatch finished = new CountDownLatch(1);
        ShutdownWatch shutdown = ShutdownWatch.install(finished);
        int exitCode;
        try {
            exitCode = example.run(System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(exampleName + ": configuration error: " + e.getMessage());
            exitCode = BAD_SETTINGS;
        } catch (Exception e) {
            System.err.println(exampleName + " failed: " + rootCause(e));
            if (Boolean.getBoolean("cardsavr.stacktrace")) {
                e.printStackTrace();
            } else {
                System.err.println("(-Dcardsavr.stacktrace=true prints the stack trace)");
            }
            exitCode = FAILED;
        } finally {
            System.out.flush();
            finished.countDown();
        }
        // Broker and client libraries leave threads behind (exec:java would wait for them); during a
        // Ctrl-C the JVM is already exiting and System.exit would block.
        if (!shutdown.shuttingDown) {
            System.exit(exitCode);
        }
    }

    /** The innermost cause says what went wrong; the wrappers only say where. */
    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? e.toString() : cause + " (in " + e.getClass().getSimpleName() + ")";
    }

    /** One line on stderr naming the jobs that did not terminate in time; returns {@link #FAILED}. */
    public static int timedOut(RunSummary summary, RunOptions options) {
        System.err.println("Gave up after " + options.timeout().toSeconds() + " s: job(s) "
                + summary.jobs().stream().filter(j -> j.terminationType() == null)
                        .map(RunSummary.JobSummary::jobId).toList()
                + " did not terminate.");
        return FAILED;
    }

    private static final class ShutdownWatch {
        private volatile boolean shuttingDown;

        static ShutdownWatch install(CountDownLatch finished) {
            ShutdownWatch watch = new ShutdownWatch();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                watch.shuttingDown = true;
                try {
                    finished.await(SUMMARY_GRACE_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "example-summary-on-exit"));
            return watch;
        }
    }
}
