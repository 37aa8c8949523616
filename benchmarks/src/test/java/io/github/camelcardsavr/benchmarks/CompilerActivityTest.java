package io.github.camelcardsavr.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompilerActivityTest {

    /** A compiler whose accumulated time grows by the given milliseconds in each simulated second. */
    private static final class ScriptedCompiler {
        final AtomicLong total = new AtomicLong();
        final List<Duration> slept = new ArrayList<>();
        private final long[] perSecond;

        ScriptedCompiler(long... perSecond) {
            this.perSecond = perSecond;
        }

        CompilerActivity activity() {
            return new CompilerActivity(total::get, duration -> {
                int second = slept.size();
                slept.add(duration);
                total.addAndGet(second < perSecond.length ? perSecond[second] : 0);
            });
        }
    }

    @Test
    void waitsForTwoQuietSecondsInARow() throws Exception {
        // busy, quiet, busy again (one quiet second between two compilations is not enough), then quiet twice
        ScriptedCompiler compiler = new ScriptedCompiler(900, 3, 400, 9, 0, 700);

        assertThat(compiler.activity().awaitQuiet(Duration.ofSeconds(30))).isTrue();
        assertThat(compiler.slept).hasSize(5).allMatch(Duration.ofSeconds(1)::equals);
    }

    @Test
    void givesUpAtTheLimitWhileStillCompiling() throws Exception {
        ScriptedCompiler compiler = new ScriptedCompiler(50, 50, 50, 50, 50, 50, 50, 50);

        assertThat(compiler.activity().awaitQuiet(Duration.ofSeconds(4))).isFalse();
        assertThat(compiler.slept).hasSize(4);
    }

    @Test
    void tenMillisecondsInASecondIsNotQuiet() throws Exception {
        ScriptedCompiler compiler = new ScriptedCompiler(CompilerActivity.QUIET_MILLIS_PER_SECOND,
                CompilerActivity.QUIET_MILLIS_PER_SECOND, CompilerActivity.QUIET_MILLIS_PER_SECOND - 1,
                CompilerActivity.QUIET_MILLIS_PER_SECOND - 1);

        assertThat(compiler.activity().awaitQuiet(Duration.ofSeconds(10))).isTrue();
        assertThat(compiler.slept).hasSize(4);
    }

    @Test
    void thisJvmReportsCompilationTime() {
        CompilerActivity jvm = CompilerActivity.ofThisJvm();

        assertThat(jvm.compiledMillis()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aSleepThatIsInterruptedEndsTheWait() {
        CompilerActivity interrupted = new CompilerActivity(() -> 0, duration -> {
            throw new InterruptedException("stopped");
        });

        assertThatThrownBy(() -> interrupted.awaitQuiet(Duration.ofSeconds(5))).isInstanceOf(InterruptedException.class);
    }
}
