package org.channelrisk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The README's interactive JShell snippet, run under jshell with the command-line jar: every result it
 * shows in a {@code //} comment must be what the code prints today, so the README cannot go stale.
 * Skipped with a message where the jar has not been built (a lone run of this module's tests).
 */
class ReadmeSnippetTest {
  @Test
  void theInteractiveSnippetPrintsWhatTheReadmeShows() throws IOException, InterruptedException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Path jar = root.resolve("cli/target/channelrisk.jar");
    Assumptions.assumeTrue(Files.isRegularFile(jar), "cli/target/channelrisk.jar not built yet: run mvn verify from the root");
    Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
    Assumptions.assumeTrue(Files.isExecutable(jshell), "no jshell in " + jshell.getParent());
    String readme = Files.readString(root.resolve("README.md"));
    Matcher block = Pattern.compile("```java\\njshell --class-path cli/target/channelrisk.jar\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat(block.find()).as("the README's interactive JShell block").isTrue();
    StringBuilder script = new StringBuilder();
    List<String> expected = new ArrayList<>();
    String last = null;
    for (String line : block.group(1).split("\n")) {
      if (line.startsWith("// ")) {
        // the value of the statement above: a variable's or an expression's
        Matcher var = Pattern.compile("^var (\\w+) = .*").matcher(last);
        String value = var.matches() ? var.group(1) : "$last";
        script.append("System.out.println(\"@@\" + ").append(value).append(");\n");
        expected.add(line.substring(3));
      } else if (!line.isBlank()) {
        last = line;
        script.append(line.startsWith("var ") || line.startsWith("import ") ? line : "var $last = " + line)
            .append(line.endsWith(";") ? "\n" : ";\n");
      }
    }
    assertThat(expected).as("results shown in the README").isNotEmpty();
    Path file = Files.createTempFile("readme-snippet", ".jsh");
    try {
      Files.writeString(file, script + "/exit\n");
      Process p = new ProcessBuilder(jshell.toString(), "-R-Djava.awt.headless=true", "--class-path", jar.toString(), file.toString())
          .directory(root.toFile()).redirectErrorStream(true).start();
      p.getOutputStream().close();
      boolean done = p.waitFor(180, TimeUnit.SECONDS);
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!done) {
        p.destroyForcibly();
      }
      assertThat(done).as("jshell finished; output:%n%s", out).isTrue();
      List<String> printed = out.lines().filter(l -> l.startsWith("@@")).map(l -> l.substring(2)).toList();
      assertThat(printed).as("jshell output:%n%s%nscript:%n%s", out, script).containsExactlyElementsOf(expected);
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
