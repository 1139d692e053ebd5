package org.channelrisk.cli.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged exports (truncated, bytes replaced, ranges cut out) never give an internal error, a stack
 * trace or a partial output: exit 0 with all three files, or exit 2 with one line and nothing written.
 * {@code -Dchannelrisk.fuzz.tries=N} runs more (default 60); each try's seed is in its message.
 */
class TelegramFuzzTest {
  @TempDir Path dir;

  private static final byte[] BYTES = "{}[],:\"x1 -\\\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  @Test
  void damagedExportsExitCleanly() throws IOException {
    Path good = dir.resolve("good.json");
    ExportGenerator.twoSmallChats().write(good, true);
    byte[] original = Files.readAllBytes(good);
    int tries = Integer.getInteger("channelrisk.fuzz.tries", 60);
    int ok = 0;
    int refused = 0;
    for (int t = 0; t < tries; t++) {
      long seed = 7919L * t + 1;
      SplittableRandom rnd = new SplittableRandom(seed);
      byte[] b = original.clone();
      String how;
      switch (rnd.nextInt(3)) {
        case 0 -> {
          int n = rnd.nextInt(b.length);
          b = java.util.Arrays.copyOf(b, n);
          how = "truncated at " + n;
        }
        case 1 -> {
          int k = 1 + rnd.nextInt(3);
          StringBuilder at = new StringBuilder();
          for (int i = 0; i < k; i++) {
            int pos = rnd.nextInt(b.length);
            b[pos] = rnd.nextInt(10) == 0 ? (byte) 0xFF : BYTES[rnd.nextInt(BYTES.length)];
            at.append(pos).append(' ');
          }
          how = "bytes replaced at " + at;
        }
        default -> {
          int from = rnd.nextInt(b.length);
          int to = Math.min(b.length, from + 1 + rnd.nextInt(200));
          b = ExportGenerator.cut(b, from, to);
          how = "cut " + from + " to " + to;
        }
      }
      Path f = dir.resolve("t" + t + ".json");
      Files.write(f, b);
      Path out = dir.resolve("out" + t);
      String[] args = rnd.nextBoolean()
          ? new String[] {"ingest", "telegram", "--export", f.toString(), "--out", out.toString()}
          : new String[] {"ingest", "telegram", "--export", f.toString(), "--out", out.toString(), "--skip-bad"};
      Cli.Result r = Cli.run(args);
      String what = "try " + t + " (seed " + seed + ", " + how + "): " + r.err();
      assertThat(r.code()).as(what).isIn(0, 2);
      assertThat(r.err()).as(what).doesNotContain("internal error").doesNotContain("Exception").doesNotContain("\tat ");
      if (r.code() == 0) {
        ok++;
        assertThat(Cli.list(out)).as(what).containsExactly("chats.csv", "series-all.csv", "series.csv");
      } else {
        refused++;
        assertThat(r.err().strip()).as(what).startsWith("channelrisk: ").doesNotContain("\n");
        assertThat(out).as(what).doesNotExist();
      }
    }
    assertThat(Cli.list(dir).stream().filter(n -> n.contains("partial"))).isEmpty();
    assertThat(refused).as("damaged files refused").isGreaterThan(tries / 3);
    assertThat(ok).as("damage that leaves a valid export (inside a text, say)").isGreaterThan(0);
  }
}
