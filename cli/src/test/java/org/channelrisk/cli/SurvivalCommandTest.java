package org.channelrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.channelrisk.cli.MainTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.channelrisk.io.CsvTable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SurvivalCommandTest {
  @TempDir Path dir;

  /** The R reference folder in the core module's test resources (copied from shared/reference). */
  static Path reference(String ds) {
    Path p = Path.of("..", "core", "src", "test", "resources", "reference", "survival", ds);
    Assumptions.assumeTrue(Files.isDirectory(p), "R reference data not found at " + p);
    return p;
  }

  static double r(String cell) {
    return cell.equals("NA") ? Double.NaN : cell.equals("Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(cell);
  }

  static void same(String what, String expected, String actual) {
    double e = r(expected);
    double a = actual.isEmpty() ? Double.NaN : Double.parseDouble(actual);
    if (Double.isNaN(e)) {
      assertThat(a).as(what).isNaN();
    } else {
      assertThat(Math.abs(a - e)).as("%s: expected %s, got %s", what, expected, actual).isLessThanOrEqualTo(1e-9 * Math.abs(e));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"aml", "kidney", "lung", "ovarian", "veteran"})
  void kmCsvMatchesSurvfit(String ds) throws IOException {
    Path data = reference(ds).resolve("data.csv");
    for (String ct : List.of("log", "log-log", "plain")) {
      MainTest.Result res = run("survival", "km", "--input", data.toString(), "--time", "time", "--event", "status",
          "--group", "group", "--conf-type", ct, "--format", "csv");
      assertThat(res.code()).as(res.err()).isZero();
      CsvTable ours = CsvTable.read(new StringReader(res.out()), "stdout");
      assertThat(ours.header()).containsExactly("group", "time", "n_risk", "n_event", "n_censor", "survival", "std_err",
          "lower", "upper", "cumhaz");
      CsvTable ref = CsvTable.read(reference(ds).resolve("km_" + ct.replace("-", "") + ".csv"));
      CsvTable na = CsvTable.read(reference(ds).resolve("nelson_aalen.csv"));
      int k = 0;
      for (int r = 0; r < ref.size(); r++) {
        if (ref.cell(r, "strata").equals("ALL")) {
          continue;
        }
        String at = ds + " " + ct + " line " + ref.line(r);
        assertThat(ours.cell(k, "group")).as(at).isEqualTo(ref.cell(r, "strata"));
        same(at + " time", ref.cell(r, "time"), ours.cell(k, "time"));
        same(at + " n_risk", ref.cell(r, "n.risk"), ours.cell(k, "n_risk"));
        same(at + " survival", ref.cell(r, "surv"), ours.cell(k, "survival"));
        same(at + " std_err", ref.cell(r, "se.surv"), ours.cell(k, "std_err"));
        same(at + " lower", ref.cell(r, "lower"), ours.cell(k, "lower"));
        same(at + " upper", ref.cell(r, "upper"), ours.cell(k, "upper"));
        same(at + " cumhaz", na.cell(r, "cumhaz"), ours.cell(k, "cumhaz"));
        k++;
      }
      assertThat(k).isEqualTo(ours.size());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"aml", "kidney", "lung", "ovarian", "veteran"})
  void summaryAndLogRankJsonMatchR(String ds) throws IOException {
    Path data = reference(ds).resolve("data.csv");
    CsvTable med = CsvTable.read(reference(ds).resolve("median_rmean.csv"));
    MainTest.Result res = run("survival", "summary", "--input", data.toString(), "--time", "time", "--event", "status",
        "--group", "group", "--tau", "" + org.channelrisk.cli.SurvivalCommandTest.tau(ds), "--format", "json");
    assertThat(res.code()).as(res.err()).isZero();
    JsonNode rows = new ObjectMapper().readTree(res.out());
    for (JsonNode row : rows) {
      assertThat(row.fieldNames()).toIterable().containsExactly("group", "n", "events", "median", "median_lower",
          "median_upper", "rmean", "rmean_se");
      int r = ReferenceRows.find(med, "log", row.get("group").asText(), "tau");
      String at = ds + " summary " + row.get("group").asText();
      same(at + " median", med.cell(r, "median"), row.get("median").isNull() ? "" : row.get("median").asText());
      same(at + " median_lower", med.cell(r, "median.lower"), row.get("median_lower").isNull() ? "" : row.get("median_lower").asText());
      same(at + " median_upper", med.cell(r, "median.upper"), row.get("median_upper").isNull() ? "" : row.get("median_upper").asText());
      same(at + " rmean", med.cell(r, "rmean"), row.get("rmean").asText());
      same(at + " rmean_se", med.cell(r, "se.rmean"), row.get("rmean_se").asText());
    }
    CsvTable lr = CsvTable.read(reference(ds).resolve("logrank.csv"));
    for (int r = 0; r < lr.size(); r++) {
      MainTest.Result l = run("survival", "logrank", "--input", data.toString(), "--time", "time", "--event", "status",
          "--group", "group", "--rho", lr.cell(r, "rho"), "--format", "json");
      JsonNode j = new ObjectMapper().readTree(l.out());
      same(ds + " chisq", lr.cell(r, "chisq"), j.get("chisq").asText());
      same(ds + " df", lr.cell(r, "df"), j.get("df").asText());
      same(ds + " p_value", lr.cell(r, "p"), j.get("p_value").asText());
    }
  }

  static double tau(String ds) {
    return java.util.Map.of("lung", 365.0, "veteran", 180.0, "ovarian", 730.0, "aml", 48.0, "kidney", 300.0).get(ds);
  }

  /** Row lookup in median_rmean.csv. */
  static final class ReferenceRows {
    static int find(CsvTable t, String confType, String strata, String rmeanType) {
      for (int r = 0; r < t.size(); r++) {
        if (t.cell(r, "conf.type").equals(confType) && t.cell(r, "strata").equals(strata)
            && t.cell(r, "rmean.type").equals(rmeanType)) {
          return r;
        }
      }
      throw new AssertionError("no reference row for " + strata);
    }
  }

  @Test
  void coxJsonMatchesCoxph() throws IOException {
    Path data = reference("lung").resolve("data.csv");
    MainTest.Result res = run("survival", "cox", "--input", data.toString(), "--time", "time", "--event", "status",
        "--covariates", "age,sex", "--ties", "breslow", "--format", "json");
    assertThat(res.code()).as(res.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(res.out());
    assertThat(j.get("converged").asBoolean()).isTrue();
    CsvTable cox = CsvTable.read(reference("lung").resolve("cox.csv"));
    for (int r = 0; r < cox.size(); r++) {
      if (!cox.cell(r, "ties").equals("breslow")) {
        continue;
      }
      JsonNode term = j.get("terms").get(cox.cell(r, "term").equals("age") ? 0 : 1);
      assertThat(term.get("coef").asDouble()).isCloseTo(r(cox.cell(r, "coef")), org.assertj.core.data.Percentage.withPercentage(1e-4));
      assertThat(term.get("std_error").asDouble()).isCloseTo(r(cox.cell(r, "se")), org.assertj.core.data.Percentage.withPercentage(1e-4));
    }
  }

  Path file(String name, String content) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, content);
    return f;
  }

  @Test
  void badInputExitsTwoNamingFileLineAndColumnAndWritesNothing() throws IOException {
    Path out = dir.resolve("out.csv");
    String[][] cases = {
      {"neg.csv", "time,status\n1,1\n-2,0\n", "neg.csv line 3, column 'time': expected a number >= 0, found '-2'"},
      {"nan.csv", "time,status\n1,1\nNaN,0\n", "nan.csv line 3, column 'time': expected a finite number, found 'NaN'"},
      {"inf.csv", "time,status\nInfinity,1\n", "inf.csv line 2, column 'time': expected a finite number, found 'Infinity'"},
      {"status.csv", "time,status\n1,yes\n", "status.csv line 2, column 'status': expected 0/1 or true/false, found 'yes'"},
      {"missing.csv", "time,dead\n1,1\n", "missing.csv line 1, column 'status': missing column; the header has [time, dead]"},
      {"empty.csv", "", "empty.csv: the file is empty: expected a header line"},
    };
    for (String[] c : cases) {
      Path in = file(c[0], c[1]);
      MainTest.Result res = run("survival", "km", "--input", in.toString(), "--time", "time", "--event", "status",
          "--format", "csv", "--output", out.toString());
      assertThat(res.code()).as(c[0]).isEqualTo(2);
      assertThat(res.err().strip()).as(c[0]).isEqualTo("channelrisk: " + c[2]);
      assertThat(out).as(c[0]).doesNotExist();
    }
    MainTest.Result noGroup = run("survival", "logrank", "--input", file("ok.csv", "time,status\n1,1\n").toString(),
        "--time", "time", "--event", "status");
    assertThat(noGroup.code()).isEqualTo(2);
    assertThat(noGroup.err()).contains("--group");
    MainTest.Result badType = run("survival", "km", "--input", file("ok2.csv", "time,status\n1,1\n").toString(),
        "--time", "time", "--event", "status", "--conf-type", "logit");
    assertThat(badType.code()).isEqualTo(2);
    assertThat(badType.err()).contains("Invalid value for option '--conf-type': expected one of [log, log-log, plain]"
        + " (case-insensitive) but was 'logit'");
  }

  @Test
  void edgeCasesGiveClearResults() throws IOException {
    // one observation, all censored, all events at one time, ties of events and censorings, zero times
    MainTest.Result one = run("survival", "summary", "--input", file("one.csv", "time,status\n5,1\n").toString(),
        "--time", "time", "--event", "status", "--format", "json");
    assertThat(one.code()).isZero();
    assertThat(new ObjectMapper().readTree(one.out()).get(0).get("median").asDouble()).isEqualTo(5.0);
    MainTest.Result censored = run("survival", "summary", "--input", file("cens.csv", "time,status\n5,0\n7,0\n").toString(),
        "--time", "time", "--event", "status", "--format", "json");
    assertThat(new ObjectMapper().readTree(censored.out()).get(0).get("median").isNull()).isTrue();
    MainTest.Result tie = run("survival", "km", "--input", file("tie.csv", "time,status\n0,1\n3,1\n3,0\n3,1\n").toString(),
        "--time", "time", "--event", "status", "--format", "csv");
    CsvTable t = CsvTable.read(new StringReader(tie.out()), "stdout");
    assertThat(t.size()).isEqualTo(2);
    assertThat(t.cell(1, "n_risk")).isEqualTo("3");
    assertThat(t.cell(1, "n_event")).isEqualTo("2");
    assertThat(t.cell(1, "n_censor")).isEqualTo("1");
    MainTest.Result empty = run("survival", "km", "--input", file("header.csv", "time,status\n").toString(),
        "--time", "time", "--event", "status", "--format", "csv");
    // a header without rows is refused, as R's survfit refuses no observations (it used to print an
    // empty table here, an index error with --group and p = NaN in logrank)
    assertThat(empty.code()).isEqualTo(2);
    assertThat(empty.err().strip()).isEqualTo("channelrisk: header.csv: no data rows after the header: nothing to estimate");
    assertThat(empty.out()).isEmpty();
  }
}
