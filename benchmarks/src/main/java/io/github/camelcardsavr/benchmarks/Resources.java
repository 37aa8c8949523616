package io.github.camelcardsavr.benchmarks;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * What a contestant costs the JVM: live threads, and the bytes of the objects still reachable.
 * <p>
 * The live bytes come from the JVM's class histogram ({@code jcmd GC.class_histogram}), which runs a full collection
 * and counts what survived inside the same pause. Reading {@code totalMemory() - freeMemory()} after
 * {@code System.gc()} instead would count whatever the running contestant allocated between the collection and the
 * reading as well: at 2,000 polls/s that garbage was 13 to 27 MiB, more than the difference being measured.
 */
record Resources(int threads, long heapBytes) {

    static Resources now() {
        return new Resources(ManagementFactory.getThreadMXBean().getThreadCount(), liveHeapBytes());
    }

    // the histogram's last line: "Total <instances> <bytes>"
    static long liveHeapBytes() {
        String histogram;
        try {
            histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] { new String[0] }, new String[] { String[].class.getName() });
        } catch (JMException e) {
            throw new IllegalStateException("this JVM cannot take a class histogram (DiagnosticCommand MBean)", e);
        }
        String[] lines = histogram.strip().split("\n");
        String[] total = lines[lines.length - 1].strip().split("\\s+");
        if (total.length != 3 || !total[0].equals("Total")) {
            throw new IllegalStateException("unexpected class histogram ending: " + lines[lines.length - 1]);
        }
        return Long.parseLong(total[2]);
    }

    Resources minus(Resources before) {
        return new Resources(threads - before.threads, heapBytes - before.heapBytes);
    }

    double heapMiB() {
        return heapBytes / (1024.0 * 1024.0);
    }
}
