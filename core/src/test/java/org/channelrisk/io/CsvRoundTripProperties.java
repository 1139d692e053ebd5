package org.channelrisk.io;

import org.channelrisk.survival.Lifetime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.channelrisk.testing.PropertyCheck.forAll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.channelrisk.model.Ecosystem;
import org.channelrisk.model.EcosystemGenerator;
import org.channelrisk.model.Referral;
import org.channelrisk.model.ReferralOutcome;
import org.channelrisk.testing.Coverage;
import org.channelrisk.testing.Gen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRoundTripProperties {
  @TempDir Path dir;

  /** Two keys (the second derived independently of the first) and two identifiers. */
  record Keys(byte[] key, byte[] otherKey, String id, String otherId) {
    @Override
    public String toString() {
      java.util.HexFormat hex = java.util.HexFormat.of();
      return "Keys[key " + hex.formatHex(key) + ", other key " + hex.formatHex(otherKey) + ", id \"" + id.replace("\n", "\\n")
          + "\", other id \"" + otherId.replace("\n", "\\n") + "\"]";
    }
  }

  /** A table as an input: a counterexample prints its values (the table's own text names its columns). */
  record Table(TimeSeriesTable table) {
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("Table[times ").append(java.util.Arrays.toString(table.times()));
      for (String name : table.names()) {
        sb.append(", \"").append(name).append("\" ")
            .append(java.util.Arrays.toString(table.series(name)));
      }
      return sb.append(']').toString();
    }
  }

  /** A generated ecosystem, by what it is generated from (its summary would not say which one failed). */
  record Generated(int channels, long seed) {
    Ecosystem ecosystem() {
      return EcosystemGenerator.builder().channels(channels).seed(seed).build().generate();
    }
  }

  @Test
  void formulaEscapeRoundTripsEveryString() {
    Coverage cov = new Coverage();
    forAll("escape round trip", 2000, rng -> Gen.text(rng, 12), s -> {
      cov.count("escaped", FormulaGuard.needsEscape(s));
      assertThat(FormulaGuard.unescape(FormulaGuard.escape(s))).isEqualTo(s);
      String e = FormulaGuard.escape(s);
      assertThat(e.isEmpty() || "=+-@\t\r".indexOf(e.charAt(0)) < 0).as("escaped cell starts safely").isTrue();
    });
    cov.requireAtLeast("escaped", 50);
  }

  @Test
  void lifetimeTablesRoundTrip() {
    Coverage cov = new Coverage();
    forAll("lifetime CSV round trip", 200, rng -> {
      int n = Gen.intIn(rng, 0, 30);
      List<Lifetime> rows = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        double time = Math.abs(Gen.finiteDouble(rng));
        // strictly before the time (the product rounds up to a subnormal time itself)
        double entry = rng.nextBoolean() || time == 0 ? 0 : Math.min(time * rng.nextDouble(), Math.nextDown(time));
        rows.add(new Lifetime(Gen.text(rng, 15), time, rng.nextBoolean(), Gen.text(rng, 8), entry));
      }
      return rows;
    }, rows -> {
      for (Lifetime l : rows) {
        cov.count("quote", l.id().contains("\""));
        cov.count("line break", l.id().contains("\n") || l.group().contains("\n"));
        cov.count("comma", l.id().contains(","));
        cov.count("formula prefix", FormulaGuard.needsEscape(l.id()));
        cov.count("non-ASCII", l.id().chars().anyMatch(c -> c > 127));
        cov.count("empty id", l.id().isEmpty());
      }
      Path f = dir.resolve("lifetimes.csv");
      write(() -> LifetimeCsv.write(f, rows));
      assertThat(LifetimeCsv.read(f)).isEqualTo(rows);
      assertThat(written(w -> LifetimeCsv.write(w, rows))).as("to a Writer, the file's text").isEqualTo(text(f));
    });
    for (String label : List.of("quote", "line break", "comma", "formula prefix", "non-ASCII", "empty id")) {
      cov.requireAtLeast(label, 10);
    }
  }

  @Test
  void timeSeriesRoundTripExactly() {
    forAll("time series CSV round trip", 200, rng -> {
      int n = Gen.intIn(rng, 0, 40);
      double[] t = new double[n];
      double at = Gen.doubleIn(rng, -1e6, 1e6);
      for (int i = 0; i < n; i++) {
        at = Math.nextUp(at + (rng.nextBoolean() ? rng.nextDouble() * 10 : 0));
        t[i] = at;
      }
      Map<String, double[]> series = new LinkedHashMap<>();
      int k = Gen.intIn(rng, 0, 3);
      for (int j = 0; j < k; j++) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
          v[i] = rng.nextInt(8) == 0 ? Double.NaN : Gen.finiteDouble(rng);
        }
        series.putIfAbsent("s" + j + Gen.identifier(rng, 6), v);
      }
      return new Table(TimeSeriesTable.of(t, series));
    }, x -> {
      TimeSeriesTable table = x.table();
      Path f = dir.resolve("series.csv");
      write(() -> table.write(f));
      assertThat(TimeSeriesTable.read(f)).isEqualTo(table);
      assertThat(written(table::write)).as("to a Writer, the file's text").isEqualTo(text(f));
    });
  }

  @Test
  void referralLogsRoundTrip() {
    forAll("referral log round trip", 200, rng -> {
      int n = Gen.intIn(rng, 0, 20);
      List<Referral> log = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        double sent = Gen.doubleIn(rng, -1000, 20000);
        ReferralOutcome o = ReferralOutcome.values()[rng.nextInt(3)];
        OptionalDouble decided = o == ReferralOutcome.PENDING ? OptionalDouble.empty() : OptionalDouble.of(sent + rng.nextDouble() * 30);
        log.add(new Referral(Gen.identifier(rng, 10), Gen.identifier(rng, 10), Gen.identifier(rng, 6), sent, o, decided));
      }
      return log;
    }, log -> {
      Path f = dir.resolve("referrals.csv");
      write(() -> ReferralLogCsv.write(f, log));
      assertThat(ReferralLogCsv.read(f)).isEqualTo(log);
      assertThat(written(w -> ReferralLogCsv.write(w, log))).as("to a Writer, the file's text").isEqualTo(text(f));
    });
  }

  @Test
  void generatedEcosystemsRoundTrip() {
    forAll("ecosystem CSV round trip", 25,
        rng -> new Generated(Gen.intIn(rng, 0, 300), rng.nextLong()),
        g -> {
          Ecosystem eco = g.ecosystem();
          Path d = dir.resolve("eco");
          write(() -> EcosystemCsv.write(eco, d));
          Ecosystem back = EcosystemCsv.read(d);
          assertThat(back).isEqualTo(eco);
        });
  }

  @Test
  void pseudonymsAreDeterministicPerKeyAndDifferAcrossKeys() {
    forAll("pseudonyms: deterministic per key, different across keys", 300, rng -> {
      byte[] k1 = new byte[16 + rng.nextInt(32)];
      byte[] k2 = k1.clone();
      rng.nextBytes(k1);
      rng.nextBytes(k2);
      return new Keys(k1, k2, Gen.text(rng, 20), Gen.text(rng, 20));
    }, x -> {
      Pseudonymizer a = Pseudonymizer.withKey(x.key());
      Pseudonymizer b = Pseudonymizer.withKey(x.otherKey());
      String id = x.id();
      String other = x.otherId();
      assertThat(a.pseudonym(id)).isEqualTo(Pseudonymizer.withKey(x.key()).pseudonym(id)).matches("p[0-9a-f]{32}");
      assertThat(a.pseudonym(id)).isNotEqualTo(b.pseudonym(id));
      assertThat(a.pseudonym(id).equals(a.pseudonym(other))).isEqualTo(id.equals(other));
    });
  }

  interface IoAction {
    void run() throws IOException;
  }

  static void write(IoAction a) {
    try {
      a.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean noTemporaryFiles(Path d) throws IOException {
    try (var s = Files.list(d)) {
      return s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp"));
    }
  }

  /** Something that writes to a Writer. */
  interface ToWriter {
    void write(java.io.Writer w) throws java.io.IOException;
  }

  private static String written(ToWriter body) {
    java.io.StringWriter w = new java.io.StringWriter();
    try {
      body.write(w);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return w.toString();
  }

  private static String text(Path f) {
    try {
      return java.nio.file.Files.readString(f);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
