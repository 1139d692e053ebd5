package org.channelrisk.cli.ingest;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.channelrisk.io.CsvOutput;

/**
 * The output policy of {@code ingest}, in one place so that it can follow the command line's general
 * policy: everything is written to a temporary sibling ({@code .NAME.partial-*}) and moved into place
 * with one atomic rename only when all of it succeeded, so that bad input or a failure never leaves a
 * folder or a half file behind. A folder target must not exist or be an empty folder (an ingest never
 * mixes its files with others); a file target is replaced, as the other commands' {@code --output}.
 * Files and folders are created with the default permissions, so the user's umask applies.
 *
 * <pre>{@code
 * IngestOutput.checkFolder(out);                       // before any work: exit 2 if it is in use
 * try (IngestOutput.Folder f = IngestOutput.folder(out)) {
 *   IngestOutput.csv(f.resolve("series.csv"), header, rows -> ...);
 *   f.commit();                                        // one rename
 * }                                                    // not committed: the temporary folder is deleted
 * }</pre>
 */
final class IngestOutput {
  private IngestOutput() {}

  /**
   * Refuses a folder target in use.
   *
   * @param target the {@code --out} folder
   * @throws IllegalArgumentException if it is a file or a folder that is not empty
   */
  static void checkFolder(Path target) throws IOException {
    if (Files.exists(target)) {
      if (!Files.isDirectory(target)) {
        throw new IllegalArgumentException("--out " + target + ": is a file; name a new folder");
      }
      try (DirectoryStream<Path> s = Files.newDirectoryStream(target)) {
        if (s.iterator().hasNext()) {
          throw new IllegalArgumentException("--out " + target + ": the folder exists and is not empty; name a new folder");
        }
      }
    }
  }

  /**
   * Refuses a file target that is a folder or whose folder does not exist.
   *
   * @param target the {@code --out} file
   * @throws IllegalArgumentException if it cannot be written as a file
   */
  static void checkFile(Path target) {
    if (Files.isDirectory(target)) {
      throw new IllegalArgumentException("--out " + target + ": is a folder; name a file");
    }
    Path parent = target.toAbsolutePath().getParent();
    if (!Files.isDirectory(parent)) {
      throw new IllegalArgumentException("--out " + target + ": the folder " + parent + " does not exist");
    }
  }

  /**
   * Starts a folder output.
   *
   * @param target the final folder
   * @return the temporary folder to fill, then commit
   * @throws IOException if it cannot be created
   */
  static Folder folder(Path target) throws IOException {
    checkFolder(target);
    Path abs = target.toAbsolutePath().normalize();
    Files.createDirectories(abs.getParent());
    return new Folder(abs, createSibling(abs, true));
  }

  private static Path createSibling(Path abs, boolean directory) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path tmp = abs.resolveSibling("." + abs.getFileName() + ".partial-" + ProcessHandle.current().pid() + "-"
          + Long.toHexString(System.nanoTime()) + attempt);
      try {
        if (directory) {
          Files.createDirectory(tmp);
        } else {
          Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        }
        return tmp;
      } catch (FileAlreadyExistsException e) {
        if (attempt > 100) {
          throw e;
        }
      }
    }
  }

  /**
   * Writes one CSV file atomically (temporary sibling, then a rename over the target).
   *
   * @param target the file
   * @param header the columns
   * @param body the rows
   * @throws IOException if writing fails; the target is then unchanged
   */
  static void csvFile(Path target, List<String> header, CsvOutput.Body body) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    Path tmp = createSibling(abs, false);
    boolean moved = false;
    try {
      csv(tmp, header, body);
      move(tmp, abs);
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /**
   * Writes a CSV file (not atomically: inside a temporary folder, or a temporary file).
   *
   * @param file the file
   * @param header the columns
   * @param body the rows
   * @throws IOException if writing fails
   */
  static void csv(Path file, List<String> header, CsvOutput.Body body) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      CsvOutput.write(w, header, body);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** A temporary folder that becomes the target on {@link #commit()}, or disappears on {@link #close()}. */
  static final class Folder implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private boolean committed;

    private Folder(Path target, Path temp) {
      this.target = target;
      this.temp = temp;
    }

    /**
     * @param name a file name
     * @return its path inside the temporary folder
     */
    Path resolve(String name) {
      return temp.resolve(name);
    }

    /**
     * Moves the folder into place with one rename (over an empty folder, which rename replaces).
     *
     * @throws IOException if the move fails; nothing is then at the target
     */
    void commit() throws IOException {
      checkFolder(target);
      move(temp, target);
      committed = true;
    }

    @Override
    public void close() throws IOException {
      if (!committed && Files.exists(temp)) {
        try (Stream<Path> s = Files.walk(temp)) {
          for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
  }
}
