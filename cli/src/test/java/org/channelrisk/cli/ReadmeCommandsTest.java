package org.channelrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code java -jar cli/target/channelrisk.jar ...} line of the README runs as written (in
 * process, from the repository root's point of view): inputs under {@code examples/} are read from
 * there, and outputs go to the folder {@code out/} that the README creates, here a temporary folder.
 * Three exceptions keep the test fast: {@code demo} (its own test runs it at a small size),
 * {@code calibrate} (on the user's own config; {@code CalibrateCommandTest} runs a small one) and the
 * replicate count of {@code simulate} (1 instead of 200, and of its lifetimes). The workflow folder {@code my-study} is a
 * temporary folder too; a line whose command is not registered yet is printed and skipped.
 */
class ReadmeCommandsTest {
  @TempDir Path out;

  static final java.util.Set<String> REGISTERED = new picocli.CommandLine(new Main()).getSubcommands().keySet();

  static List<List<String>> commands() throws IOException {
    List<List<String>> cmds = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String raw : Files.readAllLines(Path.of("..", "README.md"))) {
      // a shell line continued with a backslash is one command
      if (raw.stripTrailing().endsWith("\\")) {
        pending.append(raw.stripTrailing(), 0, raw.stripTrailing().length() - 1).append(' ');
        continue;
      }
      lines.add(pending + raw);
      pending.setLength(0);
    }
    for (String line : lines) {
      String l = line.strip();
      String prefix = "java -jar cli/target/channelrisk.jar ";
      if (l.startsWith(prefix)) {
        cmds.add(List.of(l.substring(prefix.length()).split("\\s+")));
      }
    }
    return cmds;
  }

  @Test
  void everyReadmeCommandRunsAsWritten() throws IOException {
    List<List<String>> cmds = commands();
    assertThat(cmds).hasSizeGreaterThanOrEqualTo(9);
    int ran = 0;
    for (List<String> cmd : cmds) {
      if (cmd.get(0).equals("demo") || cmd.get(0).equals("calibrate")) {
        // demo has its own test at a small size; calibrate runs on the user's config (the README's
        // example asks for up to 50,000 simulations), and CalibrateCommandTest runs a small one
        continue;
      }
      if (!REGISTERED.contains(cmd.get(0))) {
        // a README section written ahead of the merge of its command
        System.out.println("README command not registered yet, not run: " + cmd);
        continue;
      }
      List<String> args = new ArrayList<>();
      for (int i = 0; i < cmd.size(); i++) {
        String a = cmd.get(i);
        if (a.startsWith("examples/")) {
          a = Path.of("..").resolve(a).toString();
        } else if (a.startsWith("out/")) {
          a = out.resolve(a.substring(4)).toString();
        } else if (a.equals("my-study") || a.startsWith("my-study/")) {
          a = out.resolve(a).toString();
        } else if (cmd.get(0).equals("simulate") && i > 0
            && (cmd.get(i - 1).equals("--replicates") || cmd.get(i - 1).equals("--lifetimes-replicates"))) {
          a = "1";
        }
        args.add(a);
      }
      if (args.get(0).equals("simulate")) {
        args.add("--no-progress");
      }
      long t0 = System.nanoTime();
      MainTest.Result r = MainTest.run(args.toArray(String[]::new));
      System.out.printf("README command %s: %.1f s%n", cmd.get(0) + " " + cmd.get(1), (System.nanoTime() - t0) / 1e9);
      assertThat(r.code()).as("%s: %s", cmd, r.err()).isZero();
      ran++;
    }
    assertThat(ran).isGreaterThanOrEqualTo(9);
    assertThat(out.resolve("recovery.png")).isRegularFile();
    assertThat(out.resolve("eco").resolve("channels.csv")).isRegularFile();
  }
}
