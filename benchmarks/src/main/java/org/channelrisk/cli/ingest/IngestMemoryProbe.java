package org.channelrisk.cli.ingest;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import org.channelrisk.benchmarks.MemoryProbe;
import org.channelrisk.observe.DailyActivity;

/**
 * Heap used while reading Telegram exports of growing size: the peak of the heap pools (garbage
 * included) and what stays reachable afterwards (the counters), with the export's size in bytes, and
 * the reading speed of a second pass. Run it with a small heap to show that memory does not grow with
 * the export:
 * {@code java -Xmx32m -cp benchmarks/target/benchmarks.jar org.channelrisk.cli.ingest.IngestMemoryProbe 100000 1000000}
 */
public final class IngestMemoryProbe {
  private IngestMemoryProbe() {}

  private static long peak() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static void resetPeak() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      p.resetPeakUsage();
    }
  }

  /**
   * @param args message counts (default 100000 1000000)
   * @throws Exception if writing or reading fails
   */
  public static void main(String[] args) throws Exception {
    String[] sizes = args.length == 0 ? new String[] {"100000", "1000000"} : args;
    System.out.printf("max heap %d MB%n", Runtime.getRuntime().maxMemory() >> 20);
    for (String s : sizes) {
      int n = Integer.parseInt(s);
      Path f = Files.createTempFile("telegram-export", ".json");
      try {
        long total = TelegramIngestBenchmark.generator(n).write(f, true).total;
        long before = MemoryProbe.usedAfterGc();
        resetPeak();
        DailyActivity a = TelegramIngestBenchmark.read(f);
        long peak = peak();
        long retained = MemoryProbe.usedAfterGc() - before;
        // speed: the best of five more passes, in wall time and in this thread's CPU time (on a shared
        // machine the CPU time is what one core does; the wall time includes waiting for a core)
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double wall = Double.MAX_VALUE;
        double cpu = Double.MAX_VALUE;
        for (int pass = 0; pass < 5; pass++) {
          long c0 = mx.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          DailyActivity b = TelegramIngestBenchmark.read(f);
          wall = Math.min(wall, (System.nanoTime() - t0) * 1e-9);
          cpu = Math.min(cpu, (mx.getCurrentThreadCpuTime() - c0) * 1e-9);
          if (b.posts() != total) {
            throw new IllegalStateException("read " + b.posts() + " posts, wrote " + total);
          }
        }
        double tokCpu = Double.MAX_VALUE;
        double jacksonCpu = Double.MAX_VALUE;
        for (int pass = 0; pass < 5; pass++) {
          long c0 = mx.getCurrentThreadCpuTime();
          TelegramIngestBenchmark.tokens(f);
          tokCpu = Math.min(tokCpu, (mx.getCurrentThreadCpuTime() - c0) * 1e-9);
          c0 = mx.getCurrentThreadCpuTime();
          TelegramIngestBenchmark.read(f, false);
          jacksonCpu = Math.min(jacksonCpu, (mx.getCurrentThreadCpuTime() - c0) * 1e-9);
        }
        if (a.posts() != total) {
          throw new IllegalStateException("read " + a.posts() + " posts, wrote " + total);
        }
        System.out.printf("messages=%d export_mb=%.1f heap_peak_mb=%.1f retained_mb=%.2f messages_per_s_wall=%.3g"
            + " messages_per_cpu_s=%.3g mb_per_cpu_s=%.0f jackson_reader_messages_per_cpu_s=%.3g"
            + " jackson_tokens_only_messages_per_cpu_s=%.3g reader/tokens=%.2f%n",
            total, Files.size(f) / 1048576.0, peak / 1048576.0, retained / 1048576.0, total / wall, total / cpu,
            Files.size(f) / 1048576.0 / cpu, total / jacksonCpu, total / tokCpu, cpu / tokCpu);
      } finally {
        Files.deleteIfExists(f);
      }
    }
  }
}
