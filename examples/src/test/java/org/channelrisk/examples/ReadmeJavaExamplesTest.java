package org.channelrisk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README's "Use it from Java" programs compile and print what the README shows.
 *
 * <p>A program is the {@code java} block after a {@code <!-- compiled: Name -->} marker; its expected
 * output the {@code text} block after {@code <!-- output: Name -->}. Each program is compiled with the
 * JDK's compiler against channelrisk-core's runtime class path (the library and its dependencies, as the
 * build of a user who added only channelrisk-core would have them; written by the dependency plugin to
 * {@code target/core-runtime.classpath}); an error, or a use of deprecated API, fails the test. It then runs in a fresh
 * JVM, as {@code java -cp ... Name} would, and its standard output must equal the expected block
 * exactly, after normalising line endings and trailing blanks (the programs round what they print).
 */
class ReadmeJavaExamplesTest {
  private static final Pattern BLOCK =
      Pattern.compile("<!-- (compiled|output): (\\w+) -->\\n```(java|text)\\n(.*?)```\\n", Pattern.DOTALL);

  @TempDir Path dir;

  /** Marker kind ("compiled" or "output") to name to block text, in README order. */
  static Map<String, Map<String, String>> blocks() throws IOException {
    String readme = Files.readString(Path.of("..").toAbsolutePath().normalize().resolve("README.md"), StandardCharsets.UTF_8)
        .replace("\r\n", "\n");
    Map<String, Map<String, String>> out = Map.of("compiled", new LinkedHashMap<>(), "output", new LinkedHashMap<>());
    Matcher m = BLOCK.matcher(readme);
    while (m.find()) {
      String kind = m.group(1);
      assertThat(m.group(3)).as("the block after <!-- %s: %s --> is fenced as", kind, m.group(2))
          .isEqualTo(kind.equals("compiled") ? "java" : "text");
      assertThat(out.get(kind).put(m.group(2), m.group(4))).as("a second <!-- %s: %s --> block", kind, m.group(2)).isNull();
    }
    return out;
  }

  @Test
  void theReadmeMarksExactlyTheSixProgramsEachWithItsOutput() throws IOException {
    Map<String, Map<String, String>> b = blocks();
    assertThat(b.get("compiled").keySet()).containsExactly("SurvivalExample", "RecoveryExample", "SimulationExample", "ImpactExample",
        "CompetingRisksExample", "CooperationExample");
    assertThat(b.get("output").keySet()).containsExactlyInAnyOrderElementsOf(b.get("compiled").keySet());
    for (Map.Entry<String, String> e : b.get("compiled").entrySet()) {
      assertThat(e.getValue()).as("program %s", e.getKey()).contains("public class " + e.getKey() + " ")
          .contains("public static void main(String[] args)").contains("import org.channelrisk.");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"SurvivalExample", "RecoveryExample", "SimulationExample", "ImpactExample", "CompetingRisksExample",
      "CooperationExample"})
  void programCompilesRunsAndPrintsWhatTheReadmeShows(String name) throws IOException, InterruptedException {
    Map<String, Map<String, String>> b = blocks();
    String source = b.get("compiled").get(name);
    String expected = b.get("output").get(name);
    assertThat(source).as("README block <!-- compiled: %s -->", name).isNotNull();
    assertThat(expected).as("README block <!-- output: %s -->", name).isNotNull();

    Path src = dir.resolve("src/" + name + ".java");
    Path classes = dir.resolve("classes");
    Files.createDirectories(src.getParent());
    Files.createDirectories(classes);
    Files.writeString(src, source, StandardCharsets.UTF_8);
    String classPath = coreRuntimeClassPath();

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("a JDK's compiler (the build runs on a JDK)").isNotNull();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean compiled;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      compiled = javac.getTask(new StringWriter(), files, diagnostics,
          List.of("-classpath", classPath, "-d", classes.toString(), "-Xlint:deprecation,removal", "-encoding", "UTF-8"),
          null, files.getJavaFileObjects(src)).call();
    }
    List<String> problems = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      String code = d.getCode() == null ? "" : d.getCode();
      if (d.getKind() == Diagnostic.Kind.ERROR || code.contains("deprecat") || code.contains("removal")) {
        problems.add("line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT) + " [" + code + "]");
      }
    }
    assertThat(problems).as("README program %s compiles without errors or deprecated API", name).isEmpty();
    assertThat(compiled).isTrue();

    Path launcher = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(launcher.toString(), "-cp", classes + File.pathSeparator + classPath, name)
        .directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean done = p.waitFor(120, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    assertThat(done).as("%s finished in time; output so far:%n%s", name, out).isTrue();
    assertThat(p.exitValue()).as("exit status of %s; output:%n%s", name, out).isZero();
    assertThat(normalise(out)).as("what %s printed (README: the text block after <!-- output: %s -->)", name, name)
        .isEqualTo(normalise(expected));
  }

  /** channelrisk-core and its runtime dependencies, without charts and without the test libraries. */
  static String coreRuntimeClassPath() throws IOException {
    String cp = Files.readString(Path.of("target/core-runtime.classpath"), StandardCharsets.UTF_8).strip();
    assertThat(cp).as("core's runtime class path").containsPattern("channelrisk-core|core[/\\\\]target")
        .doesNotContain("channelrisk-charts").doesNotContain("junit").doesNotContain("assertj");
    return cp;
  }

  /** Unix line endings, no trailing blanks on a line, no trailing empty lines. */
  static String normalise(String s) {
    return s.replace("\r\n", "\n").replaceAll("[ \\t]+\\n", "\n").replaceAll("\\s+$", "");
  }
}
