package io.driftwatch.tools.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of threads of this JVM, so a benchmark can report what each side costs per record in CPU as well
 * as in wall time: on a shared machine wall time also counts waiting for a core, CPU time does not.
 */
final class ThreadCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadCpu() {
    }

    static long currentThreadNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** CPU time so far of the live threads whose name contains {@code nameFragment}. */
    static long nanosOfThreadsNamed(String nameFragment) {
        long total = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains(nameFragment)) {
                total += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }
}
