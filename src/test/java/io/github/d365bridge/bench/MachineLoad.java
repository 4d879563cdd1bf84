package io.github.d365bridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How busy the whole machine was over a run, from {@code /proc/stat}, next to what this JVM and its
 * Azurite used ({@link CpuMeter}): the difference is other work on the machine, which a benchmark on a
 * shared build machine should state with its numbers. Reads as unknown where {@code /proc} is absent.
 */
final class MachineLoad {

    private final long[] cpuStart = cpuTicks();
    private final CpuMeter.Sample oursStart = CpuMeter.now();
    private final long wallStart = System.nanoTime();

    /** Busy share of all cores over the run, this run's share, and the 1-minute load average now. */
    String summary() {
        long[] cpu = cpuTicks();
        double wall = (System.nanoTime() - wallStart) / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        CpuMeter.Sample ours = CpuMeter.now().minus(oursStart);
        double oursShare = (ours.jvmNanos() + ours.childNanos()) / 1e9 / (wall * cores);
        if (cpu == null || cpuStart == null) {
            return String.format(Locale.ROOT, "this JVM and its Azurite used %.0f %% of %d cores; machine load unknown",
                    100 * oursShare, cores);
        }
        double busy = (cpu[0] - cpuStart[0]) / (double) Math.max(1, cpu[1] - cpuStart[1]);
        return String.format(Locale.ROOT, "machine %.0f %% busy on %d cores over the run, of which this JVM and its"
                + " Azurite %.0f %%, other work %.0f %%; load average %s", 100 * busy, cores, 100 * oursShare,
                100 * Math.max(0, busy - oursShare), loadAverage());
    }

    /** {busy, total} jiffies of all cores, or null. */
    private static long[] cpuTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]); // idle, iowait
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
