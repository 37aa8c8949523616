package io.github.camelcardsavr.examples.support;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One line per job: status, percent and a bar. On a terminal the lines are redrawn in place a few
 * times a second; when output goes to a file or pipe (CI, {@code | tee}) each change is printed as a
 * new line instead, because cursor movement would only garble a log.
 */
public final class ProgressDisplay implements AutoCloseable {

    private static final int BAR_WIDTH = 12;
    /** A wrapped line would throw the cursor arithmetic off, so lines stay inside 80 columns. */
    private static final int MAX_LINE = 79;
    private static final long REDRAW_MILLIS = 200;
    private static final int PLAIN_PERCENT_STEP = 10;
    private static final String CURSOR_UP_LINES = "\u001b[%dF";
    private static final String CLEAR_LINE = "\u001b[2K";

    private final JobTracker tracker;
    private final PrintStream out;
    private final boolean ansi;
    private final long startNanos = System.nanoTime();
    private final Map<Long, String> lastPrinted = new ConcurrentHashMap<>();
    private ScheduledExecutorService redrawer;
    private int linesDrawn;
    private String lastFrame = "";
    // Guarded by this: while a person is being asked something, nothing is drawn or printed.
    private int pauses;
    private final Map<Long, String> heldLines = new LinkedHashMap<>();

    public ProgressDisplay(JobTracker tracker, PrintStream out, boolean ansi) {
        this.tracker = tracker;
        this.out = out;
        this.ansi = ansi;
    }

    /** In-place redraw only makes sense when stdout is an interactive terminal that understands ANSI. */
    public static boolean isInteractiveTerminal() {
        return SystemTerminal.interactiveConsole().isPresent() && !"dumb".equals(System.getenv("TERM"));
    }

    /**
     * Standard output as the process got it. Under {@code mvn exec:java} {@link System#out} is Maven's
     * wrapper, which strips ANSI escapes in batch mode ({@code -B}) and would turn each redraw into new
     * lines.
     */
    public static PrintStream rawStandardOut() {
        return new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    }

    public ProgressDisplay start() {
        if (ansi) {
            redrawer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "cardsavr-progress");
                thread.setDaemon(true);
                return thread;
            });
            redrawer.scheduleWithFixedDelay(this::redraw, 0, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            tracker.snapshot().forEach(this::printIfChanged);
            tracker.onChange(this::printIfChanged);
        }
        return this;
    }

    public boolean isAnsi() {
        return ansi;
    }

    /** The line shown for one job: its status while it runs, its termination type once it ended. */
    public static String line(JobProgress job) {
        double percent = job.percent() == null ? 0 : Math.max(0, Math.min(100, job.percent()));
        int filled = (int) Math.round(percent / 100 * BAR_WIDTH);
        String state = job.terminationType() != null ? job.terminationType() : job.status();
        return String.format(Locale.ROOT, "job %-5d %-12s %-24s %3.0f%% [%s%s] %4d msgs", job.jobId(), job.site(),
                state, percent, "#".repeat(filled), ".".repeat(BAR_WIDTH - filled), job.messages());
    }

    /**
     * Runs {@code action} (a conversation with the person at the terminal) with the display quiet: no redraw
     * writes over the questions, and plain milestone lines wait. Afterwards the next frame starts below what
     * the conversation printed, and the held lines (the latest per job) follow.
     */
    public <T> T pauseWhile(Supplier<T> action) {
        synchronized (this) {
            pauses++;
        }
        try {
            return action.get();
        } finally {
            List<String> held;
            synchronized (this) {
                pauses--;
                linesDrawn = 0;
                lastFrame = "";
                held = new ArrayList<>(heldLines.values());
                heldLines.clear();
            }
            synchronized (out) {
                held.forEach(out::println);
                out.flush();
            }
            if (ansi) {
                redraw();
            }
        }
    }

    private void printIfChanged(JobProgress job) {
        // A log wants milestones, not every message: a new line when the status changes or the
        // percentage enters another tenth.
        String key = job.status() + "/" + job.terminationType() + "/"
                + (job.percent() == null ? -1 : (int) (job.percent() / PLAIN_PERCENT_STEP));
        if (!Objects.equals(lastPrinted.put(job.jobId(), key), key)) {
            String line = String.format(Locale.ROOT, "[%6.1fs] %s", (System.nanoTime() - startNanos) / 1e9,
                    line(job));
            synchronized (this) {
                if (pauses > 0) {
                    heldLines.put(job.jobId(), line);
                    return;
                }
            }
            synchronized (out) {
                out.println(line);
            }
        }
    }

    /** Draws the current frame over the previous one; package-private for tests. */
    synchronized void redraw() {
        if (pauses > 0) {
            return;
        }
        List<JobProgress> jobs = tracker.snapshot();
        StringBuilder frame = new StringBuilder();
        jobs.forEach(job -> {
            String line = line(job);
            frame.append(CLEAR_LINE).append(line, 0, Math.min(line.length(), MAX_LINE)).append('\n');
        });
        String text = frame.toString();
        if (text.equals(lastFrame)) {
            return;
        }
        synchronized (out) {
            if (linesDrawn > 0) {
                out.printf(CURSOR_UP_LINES, linesDrawn);
            }
            out.print(text);
            out.flush();
        }
        linesDrawn = jobs.size();
        lastFrame = text;
    }

    /** Draws the final state once more, so the last frame on screen is the finished one. */
    @Override
    public void close() {
        if (redrawer != null) {
            redrawer.shutdownNow();
            try {
                redrawer.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            redraw();
        }
        out.flush();
    }
}
