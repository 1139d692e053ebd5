package org.channelrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command stopped while it works (Ctrl-C, {@code kill}) leaves nothing behind: neither its output
 * nor the hidden staging it was writing into. Runs {@code demo} in a JVM of its own and stops it with
 * SIGTERM once its staging folder exists.
 */
class StoppedCommandTest {
  @Test
  void aStoppedDemoLeavesNoStagingFolder(@TempDir Path dir) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path out = dir.resolve("out");
    Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "demo", "--out", out.toString(), "--channels", "20000", "--replicates", "2000", "--threads", "1"))
        .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (staging(dir).isEmpty() && p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(staging(dir)).as("demo's staging folder, stderr: %s", Files.readString(dir.resolve("stderr.txt"))).isNotEmpty();
      p.destroy(); // SIGTERM: the shutdown hooks run
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }
    assertThat(staging(dir)).isEmpty();
    assertThat(out).doesNotExist();
  }

  @Test
  void closingRemovesTheTemporaryFileOfAnInterruptedWrite(@TempDir Path dir) throws Exception {
    // a write stopped halfway leaves the atomic writer's temporary file beside the staging file
    OutputPlan plan = OutputPlan.create(false);
    OutputPlan.Target t = plan.file("--output", dir.resolve("out.csv"), "csv");
    Path staging = plan.staging(t);
    Path partial = Files.writeString(staging.resolveSibling("." + staging.getFileName() + ".1f2e3d.tmp"), "time,value\n1,");
    Path unrelated = Files.writeString(dir.resolve("notes.tmp"), "kept");
    plan.close();
    assertThat(partial).doesNotExist();
    assertThat(unrelated).exists();
    assertThat(staging(dir)).isEmpty();
  }

  private static List<String> staging(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(x -> x.getFileName().toString()).filter(n -> n.startsWith(".channelrisk-")).toList();
    }
  }
}
