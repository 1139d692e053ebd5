package org.channelrisk.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of DESIGN.md, checked on the sources: a package of core may use only the packages
 * listed for it here, so that dependencies run one way (no cycles) and a newcomer can tell where a
 * change belongs. A new package must be added to the table, with its place in the layers.
 */
class LayeringTest {
  /** Package -> the core packages it may use (besides itself). */
  private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("stats", Set.of()),
      Map.entry("internal", Set.of()),
      Map.entry("observe", Set.of("internal")),
      Map.entry("model", Set.of("stats", "internal")),
      Map.entry("survival", Set.of("stats", "model", "internal")),
      Map.entry("fit", Set.of("stats", "internal")),
      Map.entry("sim", Set.of("model", "stats", "internal")),
      Map.entry("recovery", Set.of("fit", "stats", "internal")),
      Map.entry("cooperation", Set.of("survival", "model", "stats", "internal")),
      Map.entry("impact", Set.of("fit", "stats", "internal")),
      Map.entry("io", Set.of("model", "survival", "sim", "stats", "internal")),
      Map.entry("calibrate", Set.of("sim", "survival", "model", "recovery", "fit", "stats", "internal")));

  private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\n]*", Pattern.DOTALL);
  // A use of another package: a qualified type, a static import, or a wildcard import (which names no
  // type, so a pattern that waits for a capital letter would let it through).
  private static final Pattern REFERENCE = Pattern.compile("org\\.channelrisk\\.([a-z]+)\\.(?:[A-Za-z_$]|\\*)");

  @Test
  void corePackagesUseOnlyThePackagesBelowThem() throws IOException {
    Path root = Path.of("src/main/java/org/channelrisk");
    List<String> violations = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        Path rel = root.relativize(f);
        if (rel.getNameCount() < 2) {
          continue;
        }
        String pkg = rel.getName(0).toString();
        seen.add(pkg);
        Set<String> allowed = ALLOWED.get(pkg);
        if (allowed == null) {
          violations.add(pkg + ": a new package; add it to the layering table (DESIGN.md and this test)");
          continue;
        }
        // Documentation may point up (a usage snippet naming the writer of a value); code may not.
        String code = COMMENT.matcher(Files.readString(f)).replaceAll(" ");
        for (String used : used(code)) {
          if (!used.equals(pkg) && !allowed.contains(used)) {
            violations.add(rel + " uses " + used);
          }
        }
      }
    }
    assertThat(seen).contains("stats", "model", "survival", "fit", "sim", "recovery", "io");
    assertThat(violations).as("dependencies that run the wrong way").isEmpty();
  }

  @Test
  void theReferencePatternSeesEveryFormOfImport() {
    assertThat(used("import org.channelrisk.io.ScenarioReader;")).containsExactly("io");
    assertThat(used("import org.channelrisk.io.*;")).containsExactly("io");
    assertThat(used("import static org.channelrisk.io.Csv.write;")).containsExactly("io");
    assertThat(used("import static org.channelrisk.io.Csv.*;")).containsExactly("io");
    assertThat(used("var r = new org.channelrisk.io.ScenarioReader();")).containsExactly("io");
    assertThat(used("package org.channelrisk.recovery;")).isEmpty();
    assertThat(used("import org.channelrisk.internal.Checks; import org.channelrisk.sim.*;"))
        .containsExactly("internal", "sim");
  }

  /** The packages a line of code uses, as the layering check reads them. */
  private static List<String> used(String code) {
    List<String> packages = new ArrayList<>();
    Matcher m = REFERENCE.matcher(code);
    while (m.find()) {
      packages.add(m.group(1));
    }
    return packages;
  }
}
