package org.channelrisk.fit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One NIST StRD nonlinear regression problem, read from its original .dat file: two starting points,
 * certified estimates and standard deviations, certified residual sum of squares, and the data
 * (response first). Nelson's response is log(y), as NIST states.
 */
public record NistProblem(String name, String difficulty, double[] start1, double[] start2, double[] certified,
    double[] certifiedSd, double certifiedRss, double[][] x, double[] y) {

  /**
   * The folder of the .dat files, next to the project: ../shared/reference/nist-strd from the repository
   * root (tried from the module's folder, the root, and a worktree one folder deeper).
   */
  public static Path folder() {
    for (Path p : List.of(Path.of("..", "shared", "reference", "nist-strd"), Path.of("..", "..", "shared", "reference", "nist-strd"),
        Path.of("..", "..", "..", "shared", "reference", "nist-strd"))) {
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    return null;
  }

  /**
   * @param file a .dat file
   * @return the problem
   * @throws IOException if reading fails
   */
  public static NistProblem read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    String name = file.getFileName().toString().replace(".dat", "");
    String difficulty = "";
    for (String l : lines.subList(0, 36)) {
      String s = l.toLowerCase(Locale.ROOT);
      if (s.contains("level of difficulty")) {
        difficulty = l.strip().split("\\s+")[0];
      }
    }
    List<double[]> params = new ArrayList<>();
    int i = 40;
    while (lines.get(i).contains("=")) {
      String[] tok = lines.get(i).split("=")[1].strip().split("\\s+");
      params.add(new double[] {num(tok[0]), num(tok[1]), num(tok[2]), num(tok[3])});
      i++;
    }
    double rss = Double.NaN;
    for (String l : lines.subList(i, 60)) {
      if (l.startsWith("Residual Sum of Squares:")) {
        rss = num(l.substring(l.indexOf(':') + 1).strip());
      }
    }
    int p = params.size();
    double[] s1 = new double[p];
    double[] s2 = new double[p];
    double[] cert = new double[p];
    double[] sd = new double[p];
    for (int j = 0; j < p; j++) {
      s1[j] = params.get(j)[0];
      s2[j] = params.get(j)[1];
      cert[j] = params.get(j)[2];
      sd[j] = params.get(j)[3];
    }
    List<double[]> rows = new ArrayList<>();
    for (String l : lines.subList(60, lines.size())) {
      if (l.isBlank()) {
        continue;
      }
      String[] tok = l.strip().split("\\s+");
      double[] row = new double[tok.length];
      for (int k = 0; k < tok.length; k++) {
        row[k] = num(tok[k]);
      }
      rows.add(row);
    }
    double[] y = new double[rows.size()];
    double[][] x = new double[rows.size()][];
    for (int k = 0; k < y.length; k++) {
      double[] row = rows.get(k);
      y[k] = name.equals("Nelson") ? Math.log(row[0]) : row[0];
      x[k] = java.util.Arrays.copyOfRange(row, 1, row.length);
    }
    return new NistProblem(name, difficulty, s1, s2, cert, sd, rss, x, y);
  }

  private static double num(String s) {
    return Double.parseDouble(s);
  }

  /** @return the model of this problem */
  public Model model() {
    return NistModels.of(name);
  }
}
