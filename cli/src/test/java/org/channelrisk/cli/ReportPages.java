package org.channelrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.channelrisk.io.CsvTable;

/**
 * Checks of a report page: self-contained (no script, no external reference, a Content-Security-Policy),
 * every number equal to the CSV cell it names, and, where Chromium is installed, opened in headless
 * Chromium: no console message, every chart drawn with a non-zero size, a screenshot taken.
 */
final class ReportPages {
  private static final Pattern CELL = Pattern.compile(
      "<span data-csv=\"([^\"]+)\" data-row=\"(\\d+)\" data-column=\"([^\"]+)\" data-value=\"([^\"]*)\" data-format=\"([a-z0-9_]+)\">([^<]*)</span>");

  private ReportPages() {}

  /** The page references nothing outside itself and runs no script. */
  static void selfContained(String html) {
    assertThat(html).startsWith("<!DOCTYPE html>").contains("Content-Security-Policy\" content=\"default-src 'none';");
    String lower = html.toLowerCase(Locale.ROOT);
    assertThat(lower).doesNotContain("<script").doesNotContain("src=").doesNotContain("href=").doesNotContain("url(")
        .doesNotContain("@import").doesNotContain("<link").doesNotContain("<iframe");
  }

  /**
   * @return how many numbers were checked
   */
  static int numbersEqualTheCsvs(String html, Path dir) throws IOException {
    Matcher m = CELL.matcher(html);
    int n = 0;
    while (m.find()) {
      CsvTable csv = CsvTable.read(dir.resolve(m.group(1)));
      String cell = csv.strings(m.group(3))[Integer.parseInt(m.group(2))];
      String where = m.group(1) + " row " + m.group(2) + " column " + m.group(3);
      assertThat(m.group(4)).as(where).isEqualTo(cell);
      String shown = m.group(6).replace("&amp;", "&");
      if (cell.isEmpty()) {
        assertThat(shown).as(where).isIn("never", "n/a");
      } else {
        double v = Double.parseDouble(cell);
        String expected = switch (m.group(5)) {
          case "percent" -> Math.round(100 * v) + "%";
          case "decimals_2" -> String.format(Locale.ROOT, "%.2f", v);
          case "decimals_0" -> String.format(Locale.ROOT, "%,d", Math.round(v));
          default -> throw new AssertionError("unknown format " + m.group(5));
        };
        assertThat(shown).as(where).isEqualTo(expected);
      }
      n++;
    }
    return n;
  }

  /** Where Chromium is: -Dchromium=PATH, $CHROMIUM, or Debian's and others' usual places. */
  static Optional<Path> chromium() {
    List<String> candidates = new ArrayList<>();
    if (System.getProperty("chromium") != null) {
      candidates.add(System.getProperty("chromium"));
    }
    if (System.getenv("CHROMIUM") != null) {
      candidates.add(System.getenv("CHROMIUM"));
    }
    candidates.addAll(List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"));
    return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst();
  }

  /** What the browser saw. */
  record Browser(List<double[]> charts, List<String> errors, List<String> console, Path screenshot) {}

  private static final String PROBE = "<script>window.__errors=[];window.addEventListener('error',function(e){window.__errors.push("
      + "String(e.message))});var __ce=console.error;console.error=function(){window.__errors.push(Array.prototype.join.call("
      + "arguments,' '));__ce.apply(console,arguments)};</script>";
  private static final String MEASURE = "<script>window.addEventListener('load',function(){var o=[];document.querySelectorAll("
      + "'figure.chart svg').forEach(function(s){var r=s.getBoundingClientRect();o.push(r.width+'x'+r.height)});var p=document"
      + ".createElement('pre');p.id='probe';p.textContent='charts='+o.join(';')+'|errors='+window.__errors.join(';');document.body"
      + ".appendChild(p)});</script>";

  /**
   * Opens the page twice: as it is, for a screenshot and the console log; and a copy with a probe script
   * (the page's policy widened to inline scripts for that copy only) that measures every chart.
   */
  static Browser open(Path chromium, Path page, Path work) throws IOException, InterruptedException {
    Path shot = work.resolve("screenshot.png");
    List<String> consoleLines = new ArrayList<>();
    run(chromium, work.resolve("profile-1"), work.resolve("stderr-1.txt"), consoleLines, "--screenshot=" + shot, "--window-size=1280,3000",
        page.toUri().toString());
    String html = Files.readString(page);
    String probe = html.replace("default-src 'none';", "default-src 'none'; script-src 'unsafe-inline';")
        .replace("<head>\n", "<head>\n" + PROBE + "\n").replace("</body>", MEASURE + "\n</body>");
    Path probePage = work.resolve("probe.html");
    Files.writeString(probePage, probe);
    String dom = run(chromium, work.resolve("profile-2"), work.resolve("stderr-2.txt"), consoleLines, "--window-size=1280,3000",
        "--virtual-time-budget=5000", "--dump-dom", probePage.toUri().toString());
    Matcher m = Pattern.compile("<pre id=\"probe\">charts=([^|]*)\\|errors=([^<]*)</pre>").matcher(dom);
    assertThat(m.find()).as("the probe ran; DOM:%n%s", dom.length() > 2000 ? dom.substring(dom.length() - 2000) : dom).isTrue();
    List<double[]> charts = new ArrayList<>();
    for (String s : m.group(1).split(";")) {
      if (!s.isEmpty()) {
        String[] wh = s.split("x");
        charts.add(new double[] {Double.parseDouble(wh[0]), Double.parseDouble(wh[1])});
      }
    }
    List<String> errors = m.group(2).isEmpty() ? List.of() : List.of(m.group(2).split(";"));
    return new Browser(charts, errors, consoleLines, shot);
  }

  private static String run(Path chromium, Path profile, Path stderr, List<String> console, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-dev-shm-usage", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 120 s: " + cmd);
    }
    for (String line : Files.readAllLines(stderr, StandardCharsets.UTF_8)) {
      if (line.contains(":CONSOLE")) {
        console.add(line);
      }
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  static void screenshotIsAPicture(Path shot) throws IOException {
    BufferedImage img = ImageIO.read(shot.toFile());
    assertThat(img).as("screenshot %s", shot).isNotNull();
    assertThat(img.getWidth()).isEqualTo(1280);
  }
}
