package org.channelrisk.cli.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.channelrisk.observe.DailyActivity;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One operation = reading a generated full-account Telegram export of {@code messages} messages (ten
 * chats: five channels, five groups of 500 authors; links, forwards, entities, service messages as the
 * test generator writes them) into daily series, on one thread, from a file in the page cache; the
 * baselines are the Jackson reader alone ({@link #readWithJackson}, the scanner's fallback) and {@link
 * #jacksonTokensOnly}, which walks the same tokens without doing anything. Goal: at
 * least 10^6 messages per second, i.e. under 1,000 ms per operation at 10^6 messages. The heap is
 * capped at 64 MB while the 10^6-message export is about 400 MB: the reader streams.
 *
 * <p>Warm-up: the scanner's compiled code settles after 5 to 10 s on a 2-core machine (per-iteration
 * times at 10^5 messages, one fork: 915, 352, 167, 152, 102, 103, 93 ms ...; another fork was steady
 * from its second iteration), so 10 warm-up iterations of 2 s, and two forks because a fork's JIT can
 * settle in a slower state.
 *
 * <p>This class lives in the reader's package (the reader and the generator are package-private); run
 * it as {@code java -jar benchmarks/target/benchmarks.jar TelegramIngestBenchmark}. Memory:
 * {@link IngestMemoryProbe}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms64m", "-Xmx64m"})
@State(Scope.Benchmark)
public class TelegramIngestBenchmark {
  @Param({"100000", "1000000"})
  public int messages;

  Path file;
  long expected;

  /** Writes the export. */
  @Setup
  public void setUp() throws IOException {
    file = Files.createTempFile("telegram-export", ".json");
    expected = generator(messages).write(file, true).total;
  }

  /**
   * Ten chats, about {@code messages} messages: 100 a day on average for {@code messages / 1000} days.
   *
   * @param messages about how many
   * @return the generator
   */
  static ExportGenerator generator(int messages) {
    int days = Math.max(1, messages / 1000);
    ExportGenerator g = new ExportGenerator(20191121);
    LocalDate first = LocalDate.parse("2019-01-01");
    for (int i = 0; i < 10; i++) {
      boolean group = i % 2 == 1;
      g.chat(1000 + i, "chat " + i, group ? "public_supergroup" : "public_channel", first, days, 100.0, group ? 500 : 1);
    }
    return g;
  }

  /** Deletes the export. */
  @TearDown
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
  }

  /**
   * @return the accumulated activity
   * @throws IOException if reading fails
   */
  @Benchmark
  public DailyActivity read() throws IOException {
    return read(file);
  }

  /**
   * The same export read by the Jackson reader alone (the fallback and reference of the scanner).
   *
   * @return the accumulated activity
   * @throws IOException if reading fails
   */
  @Benchmark
  public DailyActivity readWithJackson() throws IOException {
    return read(file, false);
  }

  /**
   * The baseline: Jackson's tokenizer alone over the same file (every token, no string decoded), the
   * floor of any reader built on it.
   *
   * @return the number of tokens
   * @throws IOException if reading fails
   */
  @Benchmark
  public long jacksonTokensOnly() throws IOException {
    return tokens(file);
  }

  static long tokens(Path file) throws IOException {
    long n = 0;
    try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16);
        com.fasterxml.jackson.core.JsonParser p = new com.fasterxml.jackson.core.JsonFactory().createParser(in)) {
      while (p.nextToken() != null) {
        n++;
      }
    }
    return n;
  }

  static DailyActivity read(Path file) throws IOException {
    return read(file, true);
  }

  /**
   * @param file the export
   * @param scanner read with the fast scanner (as {@code ingest telegram} does) or with Jackson alone
   * @return what was read
   * @throws IOException if reading fails
   */
  static DailyActivity read(Path file, boolean scanner) throws IOException {
    DailyActivity a = DailyActivity.withLinkClasses(TelegramExportReader.classesFor(LinkHosts.none()));
    TelegramExportReader r = new TelegramExportReader(a, LinkHosts.none(), Optional.empty(), false, Long::toString);
    if (!scanner) {
      r.jacksonOnly();
    }
    r.read(file);
    if (scanner && r.scanned() != 1) {
      throw new IllegalStateException("the scanner handed the generated export back to Jackson");
    }
    return a;
  }
}
