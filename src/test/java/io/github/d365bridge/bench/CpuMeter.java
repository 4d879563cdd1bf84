package io.github.d365bridge.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used by this JVM (bridge, sandboxes and load generator) and by its child processes (the
 * Azurite it started), so a benchmark can say where the cycles of a request go. Children are read
 * from {@code /proc}; elsewhere their share reads as zero.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    record Sample(long jvmNanos, long childNanos) {
        Sample minus(Sample earlier) {
            return new Sample(jvmNanos - earlier.jvmNanos, childNanos - earlier.childNanos);
        }
    }

    static Sample now() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long children = ProcessHandle.current().descendants().mapToLong(CpuMeter::cpuNanos).sum();
        return new Sample(jvm, children);
    }

    private static long cpuNanos(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            return (long) (ticks / TICKS_PER_SECOND * 1e9);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
