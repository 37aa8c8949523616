package io.github.camelcardsavr.examples.ha;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the replicas wrote for one job: {@code <out>/<jobId>/<n>-<status>.json}, in the order of {@code n}. The test's
 * status messages are {@code S1}, {@code S2}, ...; the job's first message, {@code REQUESTED}, counts as 0; other
 * messages (e.g. the announcement of a credential request) are not part of the sequence.
 */
final class MessageFiles {

    /** One status file: its {@code n} (epoch microseconds of delivery) and its sequence number. */
    record Written(long n, int seq) {
    }

    private static final Pattern NAME = Pattern.compile("(\\d+)-(S(\\d+)|REQUESTED)\\.json");

    private MessageFiles() {
    }

    static List<Written> of(Path outDir, long jobId) {
        String[] names = outDir.resolve(Long.toString(jobId)).toFile().list();
        List<Written> written = new ArrayList<>();
        for (String name : names == null ? new String[0] : names) {
            Matcher m = NAME.matcher(name);
            if (m.matches()) {
                written.add(new Written(Long.parseLong(m.group(1)), m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
            }
        }
        written.sort(Comparator.comparingLong(Written::n));
        return written;
    }

    static List<Integer> sequence(Path outDir, long jobId) {
        return of(outDir, jobId).stream().map(Written::seq).toList();
    }

    /** The highest sequence number written, -1 when none: cheap enough to ask every few milliseconds. */
    static int highest(Path outDir, long jobId) {
        return of(outDir, jobId).stream().mapToInt(Written::seq).max().orElse(-1);
    }

    static File dir(Path outDir, long jobId) {
        return outDir.resolve(Long.toString(jobId)).toFile();
    }
}
