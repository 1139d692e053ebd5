import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints PIT's mutation score per package and per class from its XML report, and fails (exit 1) when
 * a package of the estimation code is below the goal. Run by the {@code mutation} profile of core's
 * pom after PIT ({@code java PitScores.java target/pit-reports/mutations.xml 85}); a single-file
 * program, so it needs nothing but the JDK.
 */
public final class PitScores {
  public static void main(String[] args) throws Exception {
    String xml = Files.readString(Path.of(args[0]));
    double goal = args.length > 1 ? Double.parseDouble(args[1]) : 0;
    boolean enforce = args.length > 2 && Boolean.parseBoolean(args[2]);
    Pattern mutation = Pattern.compile("<mutation [^>]*status='([A-Z_]+)'[^>]*>.*?<mutatedClass>([^<]+)</mutatedClass>", Pattern.DOTALL);
    Map<String, int[]> packages = new TreeMap<>();
    Map<String, int[]> classes = new TreeMap<>();
    Matcher m = mutation.matcher(xml);
    while (m.find()) {
      String status = m.group(1);
      String cls = m.group(2).replaceAll("\\$.*", "");
      String pkg = cls.substring(0, cls.lastIndexOf('.'));
      boolean killed = status.equals("KILLED") || status.equals("TIMED_OUT") || status.equals("MEMORY_ERROR");
      for (Map<String, int[]> map : java.util.List.of(packages, classes)) {
        int[] c = map.computeIfAbsent(map == packages ? pkg : cls, k -> new int[3]);
        c[0]++;
        if (killed) {
          c[1]++;
        }
        if (status.equals("NO_COVERAGE")) {
          c[2]++;
        }
      }
    }
    System.out.println("Mutation score per class (killed / mutants, of which without coverage):");
    classes.forEach((k, c) -> System.out.printf("  %-60s %5d / %5d  %5.1f%%  (%d no coverage)%n", k, c[1], c[0], 100.0 * c[1] / c[0], c[2]));
    System.out.println("Mutation score per package:");
    boolean below = false;
    for (var e : packages.entrySet()) {
      int[] c = e.getValue();
      double score = 100.0 * c[1] / c[0];
      below |= score < goal;
      System.out.printf("  %-40s %5d / %5d  %5.1f%%%s%n", e.getKey(), c[1], c[0], score, score < goal ? "  below " + goal + "%" : "");
    }
    if (below && enforce) {
      System.exit(1);
    }
  }
}
