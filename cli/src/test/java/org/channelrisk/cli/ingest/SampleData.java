package org.channelrisk.cli.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The sample data shipped in {@code examples/data/}: a synthetic full-account Telegram export of two
 * channels and a group around an action day (2019-11-21, day 45: posts fall by about 95% and come back
 * partly), the hosts file that classifies their out-links, and a monitoring log of 30 channels created
 * after the action day (lifetimes about 14 days on average, some turned private, some still alive at
 * the end). Nothing in it is real. {@code SampleDataTest} checks that the shipped files are what this
 * class writes; run it with {@code -Dchannelrisk.sample.write=true} to rewrite them.
 */
final class SampleData {
  private SampleData() {}

  static final LocalDate FIRST = LocalDate.parse("2019-10-07");
  static final int ACTION_DAY = 45; // 2019-11-21
  static final int DAYS = 90;

  /** Mean posts on date d: a baseline, a drop to {@code low} on the action day, a recovery towards {@code plateau}. */
  static double rate(int d, double baseline, double low, double plateau, double k) {
    if (d < ACTION_DAY) {
      return baseline;
    }
    return plateau - (plateau - low) * Math.exp(-k * (d - ACTION_DAY));
  }

  /**
   * Writes the three files.
   *
   * @param dir the folder ({@code examples/data})
   * @throws IOException if writing fails
   */
  static void write(Path dir) throws IOException {
    Path tg = Files.createDirectories(dir.resolve("telegram"));
    new ExportGenerator(20191121)
        .chat(1371000001L, "Nashir Sample News", "public_channel", FIRST, DAYS, d -> rate(d, 9.0, 0.3, 2.5, 0.06), 1)
        .chat(1371000002L, "Sample Archive", "public_channel", FIRST, DAYS, d -> rate(d, 4.0, 0.1, 0.8, 0.05), 1)
        .chat(1371000003L, "Sample Supporters", "public_supergroup", FIRST, DAYS, d -> rate(d, 6.0, 0.4, 2.0, 0.08), 60)
        .write(tg.resolve("result.json"), true);
    Files.writeString(tg.resolve("hosts.csv"), ExportGenerator.HOSTS_CSV);
    Files.writeString(dir.resolve("channel-checks.csv"), checks());
  }

  /** Daily checks at 06:00 UTC of channels created after the action day, until 2020-01-04. */
  static String checks() {
    SplittableRandom rnd = new SplittableRandom(2019_11_21L);
    long end = FIRST.plusDays(DAYS - 1).toEpochDay();
    List<long[]> rows = new ArrayList<>(); // day, channel, status (0 alive, 1 removed, 2 private, 3 unknown)
    for (int c = 0; c < 30; c++) {
      long created = FIRST.toEpochDay() + ACTION_DAY + 1 + rnd.nextInt(30);
      double life = -14.0 * Math.log(1 - rnd.nextDouble()); // exponential, mean 14 days
      long gone = created + (long) Math.ceil(life);
      int cause = rnd.nextInt(5) == 0 ? 2 : 1;
      for (long d = created; d <= end; d++) {
        int status = d < gone ? (rnd.nextInt(25) == 0 && d > created ? 3 : 0) : cause;
        rows.add(new long[] {d, c, status});
        if (status == 1 || status == 2) {
          break;
        }
      }
    }
    rows.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    StringBuilder sb = new StringBuilder("channel,checked_at,status\n");
    String[] names = {"alive", "removed", "private", "unknown"};
    for (long[] r : rows) {
      sb.append(String.format("recreated_%02d", r[1])).append(',')
          .append(Instant.ofEpochSecond(LocalDate.ofEpochDay(r[0]).atStartOfDay(ZoneOffset.UTC).toEpochSecond() + 6 * 3600))
          .append(',').append(names[(int) r[2]]).append('\n');
    }
    return sb.toString();
  }
}
