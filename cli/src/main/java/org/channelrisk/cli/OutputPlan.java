package org.channelrisk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.channelrisk.io.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every output of a command as one transaction: declared (and checked) before any work starts,
 * written to hidden staging files next to their targets while the command works, and moved into
 * place together by {@link #commit()}, or not at all. Standard output that the command produces goes
 * through the plan too, so a command that fails prints no half result either.
 *
 * <p>The policy, the same for every command (README, "Command line"):
 *
 * <ul>
 *   <li>A file option ({@code --output F}, {@code --chart F.png}, {@code --events F.csv}) needs an
 *       existing, writable folder: missing folders are not created. An existing file is not
 *       overwritten unless {@code --force}; a folder is never a file target. A wrong extension is
 *       refused ({@code --chart c.jpg}: .png or .svg).
 *   <li>A folder option ({@code --out DIR}) is created, with its parents, when the command succeeds.
 *       An existing folder must be empty unless {@code --force} (files of the same name are then
 *       replaced, others kept).
 *   <li>Two options naming the same target are refused.
 *   <li>Files get the permissions of any new file (the user's umask), not those of a temporary file.
 * </ul>
 *
 * <p>Every check failure is an {@link IllegalArgumentException} whose message names the option and
 * the path: the command line prints it as one line and exits with 2, before any work was done. A
 * new command adopts the plan in four steps:
 *
 * <pre>{@code
 * public Integer call() throws IOException {
 *   try (OutputPlan plan = OutputPlan.of(spec)) {               // reads --force
 *     OutputPlan.Target csv = plan.file("--output", output, "csv");   // checked here, exit 2 if bad
 *     OutputPlan.Target png = chart == null ? null : plan.file("--chart", chart, "png", "svg");
 *     Result r = compute();                                       // the work
 *     plan.write(csv, w -> w.write(r.toCsv()));                   // staged, not yet visible
 *     if (png != null) {
 *       Charts.recovery(r, t, y, "reach").save(plan.staging(png)); // any writer that takes a Path
 *     }
 *     plan.commit();                                              // all files appear, or none
 *   }                                                             // close() removes the staging
 *   return Main.OK;
 * }
 * }</pre>
 *
 * <p>Commands that print to standard output call {@link #print(PrintWriter, String)}: the text is
 * printed at the commit. Not thread-safe: one plan per command invocation. Public only so that the
 * command packages below {@code org.channelrisk.cli} ({@code ingest}) share it; it is part of the
 * command line, not of the library's API.
 */
public final class OutputPlan implements AutoCloseable {
  /** The option that allows replacing existing files; inherited by every subcommand from {@link Main}. */
  static final String FORCE = "--force";

  private static final String STAGE_PREFIX = ".channelrisk-";

  /** A declared file target. */
  public static final class Target {
    final String option;
    final Path path;
    final boolean folder;
    Path staging;

    private Target(String option, Path path, boolean folder) {
      this.option = option;
      this.path = path;
      this.folder = folder;
    }

    /** @return the final path, as the user gave it */
    Path path() {
      return path;
    }

    @Override
    public String toString() {
      return option + " " + path;
    }
  }

  private final boolean force;
  /** An option's value as typed, or null: a path loses its trailing slash once it is a Path. */
  private final java.util.function.Function<String, String> typed;
  private final List<Target> targets = new ArrayList<>();
  private final Map<Path, Target> byPath = new HashMap<>();
  private final List<Runnable> prints = new ArrayList<>();
  private boolean committed;
  private boolean closed;
  /**
   * Removes the staging when the JVM is stopped before {@link #close()} (Ctrl-C, {@code kill}):
   * a stopped command leaves neither a result nor its hidden staging behind. Registered with the
   * first staging path, removed by close.
   */
  private Thread cleanup;

  private OutputPlan(boolean force, java.util.function.Function<String, String> typed) {
    this.force = force;
    this.typed = typed;
  }

  /**
   * A plan for one command invocation.
   *
   * @param force whether existing files may be replaced
   * @return an empty plan
   */
  static OutputPlan create(boolean force) {
    return new OutputPlan(force, option -> null);
  }

  /**
   * A plan for the running command, with {@code --force} read from the command line wherever it was
   * given ({@code channelrisk --force fit ...} or {@code channelrisk fit ... --force}).
   *
   * @param spec the command's spec ({@code @Spec CommandSpec spec})
   * @return an empty plan
   */
  public static OutputPlan of(CommandSpec spec) {
    CommandLine.ParseResult pr = spec.commandLine().getParseResult();
    return new OutputPlan(forced(spec), option -> {
      var o = pr == null ? null : pr.matchedOption(option);
      List<String> v = o == null ? List.of() : o.originalStringValues();
      return v.isEmpty() ? null : v.get(v.size() - 1);
    });
  }

  /**
   * Whether {@code --force} was given anywhere on the running command's line.
   *
   * @param spec the command's spec
   * @return true with {@code --force}
   */
  static boolean forced(CommandSpec spec) {
    boolean force = false;
    CommandLine.ParseResult pr = spec.root().commandLine().getParseResult();
    while (pr != null) {
      force |= pr.hasMatchedOption(FORCE);
      pr = pr.subcommand();
    }
    return force;
  }

  /**
   * Declares a file target and checks it now.
   *
   * @param option the option's name, for messages
   * @param path the file
   * @param extensions allowed extensions without the dot (any when none given)
   * @return the target, to write with {@link #write} or {@link #staging}
   * @throws IllegalArgumentException if the target breaks the policy
   */
  public Target file(String option, Path path, String... extensions) {
    checkOpen();
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    // a folder first: "is a folder" helps more than "must end in .csv"; "out/" names a folder even
    // where none exists yet (as a Path it would read "out", and a file of that name would appear)
    String asTyped = typed.apply(option);
    boolean slash = asTyped != null && (asTyped.endsWith("/") || asTyped.endsWith(java.io.File.separator));
    if (Files.isDirectory(path) || name.isEmpty() || slash) {
      throw new IllegalArgumentException(option + ": '" + (slash ? asTyped : path) + "' is a folder; expected a file name");
    }
    if (extensions.length > 0) {
      String lower = name.toLowerCase(Locale.ROOT);
      boolean ok = false;
      for (String e : extensions) {
        ok |= lower.endsWith("." + e);
      }
      if (!ok) {
        throw new IllegalArgumentException(option + ": '" + path + "' must end in "
            + Stream.of(extensions).map(e -> "." + e).collect(Collectors.joining(" or ")));
      }
    }
    if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      if (!force) {
        throw new IllegalArgumentException(option + ": '" + path + "' exists; add --force to overwrite it");
      }
      if (!Files.isRegularFile(path)) {
        throw new IllegalArgumentException(option + ": '" + path + "' exists and is not a regular file");
      }
      if (!Files.isWritable(path)) {
        throw new IllegalArgumentException(option + ": '" + path + "' exists and is not writable");
      }
    }
    Path parent = path.toAbsolutePath().getParent();
    if (!Files.isDirectory(parent)) {
      throw new IllegalArgumentException(option + ": the folder of '" + path + "' does not exist; create it first");
    }
    if (!Files.isWritable(parent)) {
      throw new IllegalArgumentException(option + ": cannot write in the folder of '" + path + "'");
    }
    return add(new Target(option, path, false));
  }

  /**
   * Declares a folder target ({@code --out DIR}) and checks it now: it may be missing (it is then
   * created with its parents at the commit); if it exists it must be an empty folder, unless
   * {@code --force}.
   *
   * @param option the option's name, for messages
   * @param dir the folder
   * @return the target; write into {@link #staging} of it
   * @throws IllegalArgumentException if the target breaks the policy
   */
  public Target folder(String option, Path dir) {
    checkOpen();
    if (Files.exists(dir)) {
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException(option + ": '" + dir + "' is a file; expected a folder");
      }
      if (!force && !isEmpty(dir)) {
        throw new IllegalArgumentException(option + ": folder '" + dir + "' is not empty; add --force to write into it");
      }
      if (!Files.isWritable(dir)) {
        throw new IllegalArgumentException(option + ": cannot write in folder '" + dir + "'");
      }
    } else {
      Path ancestor = existingAncestor(dir);
      if (ancestor == null || !Files.isDirectory(ancestor)) {
        throw new IllegalArgumentException(option + ": cannot create folder '" + dir + "': '" + ancestor + "' is not a folder");
      }
      if (!Files.isWritable(ancestor)) {
        throw new IllegalArgumentException(option + ": cannot create folder '" + dir + "' in '" + ancestor + "'");
      }
    }
    return add(new Target(option, dir, true));
  }

  /**
   * Where the content of a target is to be written while the command works: a hidden file in the
   * target's folder that ends like the target's name (so writers that choose the format by extension
   * work), or for a folder target a hidden staging folder. Created on first call.
   *
   * @param t a declared target
   * @return the staging path
   * @throws IOException if the staging folder cannot be created
   */
  public synchronized Path staging(Target t) throws IOException {
    checkOpen();
    if (t.staging == null) {
      // the hook first: a stop between creating the staging and registering would leave it
      removeOnShutdown();
      String token = STAGE_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
      if (t.folder) {
        Path base = Files.isDirectory(t.path) ? t.path.toAbsolutePath() : existingAncestor(t.path);
        t.staging = base.resolve(token + ".tmp");
        Files.createDirectory(t.staging);
      } else {
        t.staging = t.path.toAbsolutePath().resolveSibling(token + "-" + t.path.getFileName());
      }
    }
    return t.staging;
  }

  /**
   * Writes UTF-8 text to a file target's staging file.
   *
   * @param t a declared file target
   * @param body what to write
   * @throws IOException if writing fails
   */
  public void write(Target t, AtomicFiles.WriterBody body) throws IOException {
    if (t.folder) {
      throw new IllegalStateException("write into staging(folder) instead: " + t);
    }
    AtomicFiles.write(staging(t), body);
  }

  /**
   * Prints text on standard output when the plan commits (so a failing command prints no result).
   *
   * @param out standard output
   * @param text what to print
   */
  public void print(PrintWriter out, String text) {
    checkOpen();
    prints.add(() -> {
      out.print(text);
      out.flush();
    });
  }

  /**
   * Moves every staged output into place and prints what was queued for standard output. If a move
   * fails, the targets already moved are removed again (a file replaced under {@code --force} is
   * restored) and the exception is thrown.
   *
   * <p>The moves hold the plan's lock, as {@link #close()} does, so that a JVM stopped during the
   * moves lets them finish rather than removing half of them; the printing does not, so that a stop
   * while standard output is blocked (a paused pager) is not held up.
   *
   * @throws IOException if a target cannot be moved into place
   */
  public void commit() throws IOException {
    move();
    for (Runnable p : prints) {
      p.run();
    }
  }

  private synchronized void move() throws IOException {
    checkOpen();
    Deque<Runnable> undo = new ArrayDeque<>();
    List<Path> backups = new ArrayList<>();
    try {
      for (Target t : targets) {
        if (t.staging == null) {
          throw new IllegalStateException("nothing was written for " + t);
        }
        if (t.folder) {
          commitFolder(t, undo, backups);
        } else {
          place(t.staging, t.path.toAbsolutePath(), undo, backups);
        }
      }
    } catch (IOException | RuntimeException e) {
      while (!undo.isEmpty()) {
        undo.pop().run();
      }
      throw e;
    }
    committed = true;
    for (Path b : backups) {
      Files.deleteIfExists(b);
    }
  }

  private void commitFolder(Target t, Deque<Runnable> undo, List<Path> backups) throws IOException {
    Path dir = t.path.toAbsolutePath();
    if (!Files.isDirectory(dir)) {
      Path first = dir;
      while (first.getParent() != null && !Files.exists(first.getParent())) {
        first = first.getParent();
      }
      Files.createDirectories(dir);
      Path created = first;
      undo.push(() -> deleteEmptyDirs(dir, created));
    }
    List<Path> staged;
    try (Stream<Path> s = Files.list(t.staging)) {
      staged = s.sorted().toList();
    }
    for (Path f : staged) {
      Path target = dir.resolve(f.getFileName().toString());
      if (Files.isDirectory(target)) {
        throw new IOException(t.option + ": '" + target + "' is a folder");
      }
      place(f, target, undo, backups);
    }
    Files.deleteIfExists(t.staging);
    t.staging = null;
  }

  private void place(Path staged, Path target, Deque<Runnable> undo, List<Path> backups) throws IOException {
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      if (!force) {
        throw new IOException("'" + target + "' appeared while the command ran; not overwritten");
      }
      Path backup = target.resolveSibling(STAGE_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE)
          + ".bak");
      move(target, backup);
      backups.add(backup);
      undo.push(() -> quietly(() -> move(backup, target)));
    }
    move(staged, target);
    undo.push(() -> quietly(() -> Files.deleteIfExists(target)));
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private void removeOnShutdown() {
    if (cleanup == null) {
      cleanup = new Thread(this::close, "channelrisk-staging-cleanup");
      try {
        Runtime.getRuntime().addShutdownHook(cleanup);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is already stopping; close() still runs on the command's way out
      }
    }
  }

  /**
   * Removes every staging file or folder that was not committed. Synchronized: it also runs from
   * the shutdown hook when the JVM is stopped while the command works.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Target t : targets) {
      if (t.staging != null) {
        quietly(() -> deleteTree(t.staging));
        quietly(() -> deleteWriterTemporaries(t.staging));
      }
    }
    if (cleanup != null && Thread.currentThread() != cleanup) {
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or about to; it finds the plan closed
      }
    }
  }

  private Target add(Target t) {
    Path key = t.path.toAbsolutePath().normalize();
    Target other = byPath.putIfAbsent(key, t);
    if (other != null) {
      throw new IllegalArgumentException(other.option + " and " + t.option + " name the same path '" + t.path + "'");
    }
    for (Target o : targets) {
      Path ok = o.path.toAbsolutePath().normalize();
      if ((o.folder && key.startsWith(ok)) || (t.folder && ok.startsWith(key))) {
        throw new IllegalArgumentException(o.option + " and " + t.option + " overlap: '" + o.path + "' and '" + t.path + "'");
      }
    }
    targets.add(t);
    return t;
  }

  private void checkOpen() {
    if (committed || closed) {
      throw new IllegalStateException("this output plan is already " + (committed ? "committed" : "closed"));
    }
  }

  private static boolean isEmpty(Path dir) {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      return !s.iterator().hasNext();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The nearest ancestor of {@code p} (absolute) that exists, or null. */
  private static Path existingAncestor(Path p) {
    Path a = p.toAbsolutePath().getParent();
    while (a != null && !Files.exists(a)) {
      a = a.getParent();
    }
    return a;
  }

  private static void deleteEmptyDirs(Path dir, Path upTo) {
    Path d = dir;
    while (d != null) {
      Path current = d;
      quietly(() -> Files.deleteIfExists(current));
      if (d.equals(upTo)) {
        break;
      }
      d = d.getParent();
    }
  }

  /**
   * Removes the temporary files an atomic writer leaves beside a staging file when it is stopped in
   * the middle of a write ({@code .<staging name>.<hex>.tmp}, {@code AtomicFiles}).
   */
  private static void deleteWriterTemporaries(Path staging) throws IOException {
    Path dir = staging.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      return;
    }
    String prefix = "." + staging.getFileName() + ".";
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(x -> x.getFileName().toString().startsWith(prefix) && x.getFileName().toString().endsWith(".tmp")).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      try (Stream<Path> s = Files.list(p)) {
        for (Path c : s.toList()) {
          deleteTree(c);
        }
      }
    }
    Files.deleteIfExists(p);
  }

  @FunctionalInterface
  private interface IoAction {
    void run() throws IOException;
  }

  private static void quietly(IoAction a) {
    try {
      a.run();
    } catch (IOException e) {
      // best effort while undoing: the original failure is what the user must see
    }
  }
}
