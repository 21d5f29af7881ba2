package io.tacit.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time and heap allocation of the current thread between two points, where the JVM reports them (0 where
 * it does not). Unlike the wall clock, neither grows when other processes share the cores.
 */
final class ThreadCost {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean cpu = threads.isCurrentThreadCpuTimeSupported();
    private final com.sun.management.ThreadMXBean allocation =
            threads instanceof com.sun.management.ThreadMXBean extended && extended.isThreadAllocatedMemorySupported()
                    ? extended : null;

    /** A point to measure from. */
    record Mark(long cpuNanos, long allocatedBytes) {
    }

    Mark mark() {
        return new Mark(cpu ? threads.getCurrentThreadCpuTime() : 0,
                allocation != null ? allocation.getCurrentThreadAllocatedBytes() : 0);
    }

    double cpuMillisSince(Mark mark) {
        return cpu ? (threads.getCurrentThreadCpuTime() - mark.cpuNanos()) / 1e6 : 0;
    }

    double allocatedMiBSince(Mark mark) {
        return allocation != null
                ? (allocation.getCurrentThreadAllocatedBytes() - mark.allocatedBytes()) / (1024.0 * 1024.0) : 0;
    }
}
