package io.github.camelcardsavr.benchmarks;

import java.lang.management.ManagementFactory;

/** What a contestant costs the JVM: live threads and heap used after a full collection. */
record Resources(int threads, long heapBytes) {

    static Resources now() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime rt = Runtime.getRuntime();
        return new Resources(ManagementFactory.getThreadMXBean().getThreadCount(), rt.totalMemory() - rt.freeMemory());
    }

    Resources minus(Resources before) {
        return new Resources(threads - before.threads, heapBytes - before.heapBytes);
    }

    double heapMiB() {
        return heapBytes / (1024.0 * 1024.0);
    }
}
