package org.channelrisk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs each notebook under the JDK's jshell with the command-line jar as class path, as the README says,
 * and checks that it ran top to bottom: exit 0, its last result printed, no error or exception.
 * The jar is built by the cli module earlier in the same build; without it (a lone run of this
 * module's tests) the test is skipped with a message.
 */
class JShellScriptsTest {
  @ParameterizedTest
  @CsvSource({"recovery.jsh, T50, bootstrap", "simulate.jsh, closed form", "survival.jsh, Cox regression",
      "impact.jsh, intervention analysis done"})
  void notebookRunsTopToBottom(String script, String marker) throws IOException, InterruptedException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Path jar = root.resolve("cli/target/channelrisk.jar");
    Assumptions.assumeTrue(Files.isRegularFile(jar), "cli/target/channelrisk.jar not built yet: run mvn verify from the root");
    Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
    Assumptions.assumeTrue(Files.isExecutable(jshell), "no jshell in " + jshell.getParent());
    Process p = new ProcessBuilder(jshell.toString(), "-R-Djava.awt.headless=true", "--class-path", jar.toString(),
        root.resolve("examples/jshell/" + script).toString()).directory(root.toFile()).redirectErrorStream(true).start();
    p.getOutputStream().close();
    boolean done = p.waitFor(180, TimeUnit.SECONDS);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!done) {
      p.destroyForcibly();
    }
    assertThat(done).as("%s finished in time; output so far:%n%s", script, out).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).as(script).contains(marker).doesNotContain("|  Error").doesNotContain("Exception");
  }
}
