package org.channelrisk.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.channelrisk.model.EcosystemGenerator;
import org.channelrisk.model.Referral;
import org.channelrisk.model.ReferralOutcome;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoErrorTest {
  @TempDir Path dir;

  Path file(String name, String content) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }

  @Nested
  class Tables {
    @Test
    void emptyFile() throws IOException {
      assertThatThrownBy(() -> CsvTable.read(file("e.csv", "")))
          .isInstanceOf(InvalidInputException.class).hasMessage("e.csv: the file is empty: expected a header line");
    }

    @Test
    void missingFile() {
      assertThatThrownBy(() -> CsvTable.read(dir.resolve("nope.csv")))
          .isInstanceOf(InvalidInputException.class).hasMessageEndingWith("nope.csv: no such file");
    }

    @Test
    void missingColumnNamesTheHeader() throws IOException {
      CsvTable t = CsvTable.read(file("t.csv", "id,time\na,1\n"));
      assertThatThrownBy(() -> t.doubles("status"))
          .hasMessage("t.csv line 1, column 'status': missing column; the header has [id, time]");
    }

    @Test
    void duplicateHeader() {
      assertThatThrownBy(() -> CsvTable.read(file("d.csv", "a,a\n1,2\n")))
          .hasMessage("d.csv line 1, column 'a': the column name appears twice in the header");
    }

    @Test
    void wrongFieldCountNamesTheLine() {
      assertThatThrownBy(() -> CsvTable.read(file("w.csv", "a,b\n1,2\n3\n")))
          .hasMessage("w.csv line 3: expected 2 fields as in the header [a, b], found 1");
    }

    @Test
    void lineNumbersCountQuotedLineBreaksAndBlankLines() throws IOException {
      CsvTable t = CsvTable.read(file("q.csv", "id,time\n\"a\nb\",1\n\nc,x\n"));
      assertThat(t.line(0)).isEqualTo(2);
      assertThat(t.line(1)).isEqualTo(5);
      assertThatThrownBy(() -> t.doubles("time")).hasMessage("q.csv line 5, column 'time': expected a number, found 'x'");
    }

    @Test
    void numbersMustBeFinite() throws IOException {
      CsvTable t = CsvTable.read(file("n.csv", "time\n1\nNaN\n"));
      assertThatThrownBy(() -> t.doubles("time")).hasMessage("n.csv line 3, column 'time': expected a finite number, found 'NaN'");
      CsvTable inf = CsvTable.read(file("i.csv", "time\nInfinity\n"));
      assertThatThrownBy(() -> inf.doubles("time")).hasMessageContaining("line 2").hasMessageContaining("finite");
    }

    @Test
    void onlyDecimalAndScientificNotationAreNumbers() throws IOException {
      CsvTable t = CsvTable.read(file("x.csv", "time\n0x1p3\n1d\n2f\n"));
      assertThatThrownBy(() -> t.number(0, "time")).hasMessage("x.csv line 2, column 'time': expected a number, found '0x1p3'");
      assertThatThrownBy(() -> t.number(1, "time")).hasMessage("x.csv line 3, column 'time': expected a number, found '1d'");
      assertThatThrownBy(() -> t.number(2, "time")).hasMessage("x.csv line 4, column 'time': expected a number, found '2f'");
      CsvTable ok = CsvTable.read(file("ok.csv", "time\n12\n -0.5 \n.5\n5.\n1.5e-3\n1.0E10\n+3\n"));
      assertThat(ok.doubles("time")).containsExactly(12, -0.5, 0.5, 5, 1.5e-3, 1.0e10, 3);
      CsvTable big = CsvTable.read(file("big.csv", "time\n1e400\n"));
      assertThatThrownBy(() -> big.doubles("time")).hasMessage("big.csv line 2, column 'time': expected a finite number, found '1e400'");
    }

    @Test
    void aTimeCellIsADecimalNumberOrAnIsoTime() {
      java.time.Instant origin = java.time.Instant.parse("2019-01-01T00:00:00Z");
      assertThat(ReferralLogCsv.parseTime(" 1.5 ", origin)).isEqualTo(1.5);
      assertThat(ReferralLogCsv.parseTime("2019-01-03", origin)).isEqualTo(2);
      assertThatThrownBy(() -> ReferralLogCsv.parseTime("0x1p3", origin)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("expected an ISO-8601 instant or a number of days, found '0x1p3'");
      assertThatThrownBy(() -> ReferralLogCsv.parseTime("1d", origin)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeTimes() throws IOException {
      CsvTable t = CsvTable.read(file("neg.csv", "time\n1\n-2\n"));
      assertThatThrownBy(() -> t.nonNegativeDoubles("time")).hasMessage("neg.csv line 3, column 'time': expected a number >= 0, found '-2'");
    }

    @Test
    void statuses() throws IOException {
      CsvTable t = CsvTable.read(file("s.csv", "event\n1\n0\nTRUE\nfalse\n"));
      assertThat(t.statuses("event")).containsExactly(true, false, true, false);
      CsvTable bad = CsvTable.read(file("b.csv", "event\n1\n2\n"));
      assertThatThrownBy(() -> bad.statuses("event")).hasMessage("b.csv line 3, column 'event': expected 0/1 or true/false, found '2'");
    }

    @Test
    void malformedQuoting() {
      assertThatThrownBy(() -> CsvTable.read(file("m.csv", "a,b\n\"x\"y,1\n")))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("m.csv line").hasMessageContaining("malformed CSV");
    }

    @Test
    void aQuoteLeftOpenIsShownWhereItOpens() {
      // Commons CSV's own words named a line past the end ("line 4: (startline 2) EOF reached ...")
      assertThatThrownBy(() -> CsvTable.read(file("u.csv", "time,event\n\"5,1\n3,0\n")))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("u.csv line 2: a quoted field opens here and is not closed before the end of the file");
    }

    @Test
    void aNegativeZeroTimeReadsAsZero() throws IOException {
      CsvTable t = CsvTable.read(file("z.csv", "time\n-0\n-0.0e5\n"));
      double[] v = t.nonNegativeDoubles("time");
      assertThat(Double.doubleToRawLongBits(v[0])).isZero();
      assertThat(Double.doubleToRawLongBits(v[1])).isZero();
    }

    @Test
    void byteOrderMarkIsIgnored() throws IOException {
      CsvTable t = CsvTable.read(file("bom.csv", "\uFEFFtime\n1\n"));
      assertThat(t.header()).containsExactly("time");
    }

    @Test
    void invalidUtf8() throws IOException {
      Path f = dir.resolve("latin1.csv");
      Files.write(f, new byte[] {'a', '\n', (byte) 0xE9, '\n'});
      assertThatThrownBy(() -> CsvTable.read(f)).isInstanceOf(InvalidInputException.class).hasMessage("latin1.csv: not valid UTF-8 text");
    }
  }

  @Nested
  class Formats {
    @Test
    void timeSeriesTimesMustIncrease() {
      assertThatThrownBy(() -> TimeSeriesTable.read(file("ts.csv", "t,y\n0,1\n2,1\n2,3\n")))
          .hasMessage("ts.csv line 4, column 't': times must strictly increase: 2.0 follows 2.0");
      assertThatThrownBy(() -> TimeSeriesTable.of(new double[] {1, 0}, java.util.Map.of()))
          .hasMessageContaining("times must strictly increase");
      assertThatThrownBy(() -> TimeSeriesTable.of(new double[] {1}, java.util.Map.of("y", new double[2])))
          .hasMessage("series 'y' has 2 values for 1 times");
    }

    @Test
    void aTimeSeriesTableHoldsOnlyWhatItCanReadBack() throws IOException {
      double[] t = {0, 1, 2};
      assertThatThrownBy(() -> TimeSeriesTable.of(t, java.util.Map.of("v", new double[] {1, Double.POSITIVE_INFINITY, Double.NaN})))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("series 'v' value 1 must be finite or NaN (missing): Infinity");
      assertThatThrownBy(() -> TimeSeriesTable.of("", t, java.util.Map.of())).hasMessage("timeName must not be empty");
      assertThatThrownBy(() -> TimeSeriesTable.of(t, null)).isInstanceOf(NullPointerException.class)
          .hasMessage("series must not be null");
      assertThatThrownBy(() -> TimeSeriesTable.of(null, java.util.Map.of())).hasMessage("times must not be null");
      java.util.Map<String, double[]> withNull = new java.util.HashMap<>();
      withNull.put("v", null);
      assertThatThrownBy(() -> TimeSeriesTable.of(t, withNull)).hasMessage("series 'v' must not be null");
      TimeSeriesTable gaps = TimeSeriesTable.of(t, java.util.Map.of("v", new double[] {1, Double.NaN, -0.5}));
      Path f = dir.resolve("gaps-out.csv");
      gaps.write(f);
      assertThat(TimeSeriesTable.read(f)).isEqualTo(gaps);
    }

    @Test
    void timeSeriesEmptyCellsAreMissing() throws IOException {
      TimeSeriesTable t = TimeSeriesTable.read(file("gaps.csv", "day,active,audience\n0,10,\n1,,5\n"));
      assertThat(t.timeName()).isEqualTo("day");
      assertThat(t.series("active")).containsExactly(10, Double.NaN);
      assertThatThrownBy(() -> t.series("nope")).hasMessageContaining("no series 'nope'");
    }

    @Test
    void lifetimeEntryAfterTime() {
      assertThatThrownBy(() -> LifetimeCsv.read(file("l.csv", "id,time,event,entry\na,5,1,6\n")))
          .hasMessage("l.csv line 2, column 'entry': entry 6 is not before the time 5 (a row that enters at or after its end is never at risk)");
      // entering at its end: read without error before, then refused by SurvivalData with no file or line
      assertThatThrownBy(() -> LifetimeCsv.read(file("e.csv", "id,time,event,entry\na,5,1,5\n")))
          .hasMessageStartingWith("e.csv line 2, column 'entry': entry 5 is not before the time 5");
    }

    @Test
    void referralLogsAcceptInstantsDatesAndDays() throws IOException {
      Path f = file("r.csv", String.join("\n",
          "id,platform,sent_at,outcome,decided_at",
          "r1,telegram,2019-11-21T00:00:00Z,removed,2019-11-21T12:00:00Z",
          "r2,telegram,2019-11-21,Declined,2019-11-23T00:00:00+00:00",
          "r3,telegram,18221.5,PENDING,",
          ""));
      List<Referral> log = ReferralLogCsv.read(f, java.time.Instant.parse("2019-11-21T00:00:00Z"));
      assertThat(log.get(0).sentAt()).isEqualTo(0.0);
      assertThat(log.get(0).latency()).hasValue(0.5);
      assertThat(log.get(1).outcome()).isEqualTo(ReferralOutcome.DECLINED);
      assertThat(log.get(1).latency()).hasValue(2.0);
      assertThat(log.get(2).sentAt()).isEqualTo(18221.5);
      assertThat(log.get(2).target()).isEqualTo("r3");
    }

    @Test
    void referralLogErrors() {
      String h = "id,platform,sent_at,outcome,decided_at\n";
      assertThatThrownBy(() -> ReferralLogCsv.read(file("a.csv", h + "r1,tg,yesterday,removed,1\n")))
          .hasMessage("a.csv line 2, column 'sent_at': expected an ISO-8601 instant or a number of days, found 'yesterday'");
      assertThatThrownBy(() -> ReferralLogCsv.read(file("b.csv", h + "r1,tg,1,gone,1\n")))
          .hasMessage("b.csv line 2, column 'outcome': expected removed, declined or pending, found 'gone'");
      assertThatThrownBy(() -> ReferralLogCsv.read(file("c.csv", h + "r1,tg,1,pending,2\n")))
          .hasMessage("c.csv line 2, column 'decided_at': expected an empty cell for a pending referral, found '2'");
      assertThatThrownBy(() -> ReferralLogCsv.read(file("d.csv", h + "r1,tg,1,removed,\n")))
          .hasMessage("d.csv line 2, column 'decided_at': expected a time for outcome REMOVED, found an empty cell");
      assertThatThrownBy(() -> ReferralLogCsv.read(file("e.csv", h + "r1,tg,5,removed,4\n")))
          .hasMessage("e.csv line 2, column 'decided_at': the decision (4) is before sent_at (5)");
      assertThatThrownBy(() -> ReferralLogCsv.read(file("f.csv", h + " r1,tg,5,removed,6\n")))
          .hasMessageStartingWith("f.csv line 2: referral id must have no leading or trailing white space");
    }

    @Test
    void ecosystemReferencesAreCheckedWithLineNumbers() throws IOException {
      Path d = dir.resolve("eco");
      EcosystemCsv.write(EcosystemGenerator.builder().channels(20).seed(1).build().generate(), d);
      Files.writeString(d.resolve("links.csv"), "from,to\nc00,c01\nc00,c99\n");
      assertThatThrownBy(() -> EcosystemCsv.read(d)).hasMessage("links.csv line 3, column 'to': unknown channel 'c99'");
      Files.writeString(d.resolve("links.csv"), "from,to\nc00,c01\nc00,c01\n");
      assertThatThrownBy(() -> EcosystemCsv.read(d)).hasMessage("links.csv line 3: link c00 -> c01 appears twice");
      Files.writeString(d.resolve("links.csv"), "from,to\n");
      List<String> channels = Files.readAllLines(d.resolve("channels.csv"));
      channels.set(2, channels.get(2).replace(",telegram,", ",myspace,"));
      Files.write(d.resolve("channels.csv"), channels);
      assertThatThrownBy(() -> EcosystemCsv.read(d)).hasMessage("channels.csv line 3, column 'platform': unknown platform 'myspace'");
      Files.delete(d.resolve("accounts.csv"));
      assertThatThrownBy(() -> EcosystemCsv.read(d)).hasMessageContaining("accounts.csv: no such file");
    }

    @Test
    void cooperationRowsAreValidated() throws IOException {
      Path d = dir.resolve("eco2");
      EcosystemCsv.write(EcosystemGenerator.builder().channels(3).seed(1).build().generate(), d);
      Files.writeString(d.resolve("cooperation.csv"),
          "platform,from_day,compliance,latency,latency_p1,latency_p2,proactive_hazard,visibility_exponent\n"
              + "telegram,,1.5,exponential,1,,0,0.5\n");
      assertThatThrownBy(() -> EcosystemCsv.read(d)).hasMessage("cooperation.csv line 2: compliance must be in [0, 1]: 1.5");
      Files.writeString(d.resolve("cooperation.csv"),
          "platform,from_day,compliance,latency,latency_p1,latency_p2,proactive_hazard,visibility_exponent\n"
              + "telegram,,0.5,gamma,1,,0,0.5\n");
      assertThatThrownBy(() -> EcosystemCsv.read(d))
          .hasMessage("cooperation.csv line 2, column 'latency': expected exponential, weibull, lognormal or fixed, found 'gamma'");
    }
  }

  @Nested
  class Writing {
    @Test
    void nullArgumentsAreNamedBeforeAnythingIsWritten() throws IOException {
      Path f = dir.resolve("n.csv");
      java.io.StringWriter w = new java.io.StringWriter();
      Pseudonymizer p = Pseudonymizer.withKey(new byte[Pseudonymizer.MIN_KEY_BYTES]);
      Map<String, org.assertj.core.api.ThrowableAssert.ThrowingCallable> calls = new java.util.LinkedHashMap<>();
      calls.put("file", () -> CsvTable.read((Path) null));
      calls.put("reader", () -> CsvTable.read(null, "x.csv"));
      calls.put("source", () -> CsvTable.read(new java.io.StringReader("a\n"), null));
      calls.put("file ", () -> TimeSeriesTable.read(null));
      calls.put("origin", () -> ReferralLogCsv.read(f, null));
      calls.put("log", () -> ReferralLogCsv.write(f, null));
      calls.put("log ", () -> ReferralLogCsv.write(w, null));
      calls.put("cell", () -> ReferralLogCsv.parseTime(null, ReferralLogCsv.DEFAULT_ORIGIN));
      calls.put("origin ", () -> ReferralLogCsv.parseTime("1", null));
      calls.put("eco", () -> EcosystemCsv.write(null, dir.resolve("eco")));
      calls.put("dir", () -> EcosystemCsv.read(null));
      calls.put("summary", () -> EnsembleCsv.write(f, null));
      calls.put("summary ", () -> EnsembleCsv.write(w, null));
      calls.put("body", () -> AtomicFiles.write(f, null));
      calls.put("target", () -> CsvOutput.write((Path) null, List.of("a"), out -> { }));
      calls.put("header", () -> CsvOutput.write(w, null, out -> { }));
      calls.put("key", () -> Pseudonymizer.withKey(null));
      calls.put("file  ", () -> Pseudonymizer.fromKeyFile(null));
      calls.put("id", () -> p.pseudonym(null));
      calls.put("log  ", () -> p.apply((List<Referral>) null));
      calls.put("values", () -> Sparkline.of(null));
      calls.forEach((name, call) -> assertThatThrownBy(call).as(name).isInstanceOf(NullPointerException.class)
          .hasMessage(name.strip() + " must not be null"));
      assertThat(f).doesNotExist();
      assertThat(w.toString()).isEmpty();
      assertThat(CsvRoundTripProperties.noTemporaryFiles(dir)).isTrue();
    }

    @Test
    void failedWriteLeavesNoFileAndNoTemporary() throws IOException {
      Path target = dir.resolve("out.csv");
      assertThatThrownBy(() -> CsvOutput.write(target, List.of("a"), out -> {
        out.row().text("first").end();
        throw new IOException("disk full");
      })).hasMessage("disk full");
      assertThat(target).doesNotExist();
      assertThat(CsvRoundTripProperties.noTemporaryFiles(dir)).isTrue();
    }

    @Test
    void failedWriteKeepsThePreviousFile() throws IOException {
      Path target = file("keep.csv", "old\n");
      assertThatThrownBy(() -> AtomicFiles.write(target, w -> {
        w.write("new");
        throw new IOException("boom");
      }));
      assertThat(Files.readString(target)).isEqualTo("old\n");
    }

    @Test
    void formulaCellsAreNeutralisedButNumbersAreNot() throws IOException {
      Path target = dir.resolve("f.csv");
      CsvOutput.write(target, List.of("text", "number"), out -> out.row().text("=cmd|' /C calc'!A0").number(-3.5).end());
      assertThat(Files.readString(target)).isEqualTo("text,number\n'=cmd|' /C calc'!A0,-3.5\n");
    }

    @Test
    void shortKeysAreRefused() throws IOException {
      assertThatThrownBy(() -> Pseudonymizer.withKey(new byte[15])).hasMessageContaining("at least 16 bytes: found 15");
      Path k = file("k", "0123456789abcde\n");
      assertThatThrownBy(() -> Pseudonymizer.fromKeyFile(k)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("at least 16 bytes, found 15");
      Path k2 = file("k2", "0123456789abcdef\n");
      Path k3 = file("k3", "0123456789abcdef");
      assertThat(Pseudonymizer.fromKeyFile(k2).pseudonym("x")).isEqualTo(Pseudonymizer.fromKeyFile(k3).pseudonym("x"));
      assertThat(Pseudonymizer.fromKeyFile(k2).toString()).doesNotContain("0123");
    }

    @Test
    void pseudonymMatchesAnIndependentHmac() throws Exception {
      byte[] key = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
      byte[] h = mac.doFinal("nashir".getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder("p");
      for (int i = 0; i < 16; i++) {
        hex.append(String.format("%02x", h[i]));
      }
      assertThat(Pseudonymizer.withKey(key).pseudonym("nashir")).isEqualTo(hex.toString());
    }
  }
}
