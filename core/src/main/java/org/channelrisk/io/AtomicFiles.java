package org.channelrisk.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import org.channelrisk.internal.Checks;

/**
 * Writes files so that a reader never sees half of one: the content goes to a temporary file in the
 * target's folder, which is moved over the target only when everything was written. If writing
 * fails, the temporary file is deleted and the target is untouched. New files get the permissions
 * the user's umask gives any new file.
 *
 * <pre>{@code
 * AtomicFiles.write(Path.of("out/series.csv"), w -> w.write("t,value\n0,1\n"));
 * }</pre>
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes characters; may throw {@link IOException}. */
  @FunctionalInterface
  public interface WriterBody {
    /**
     * @param writer a buffered UTF-8 writer on the temporary file
     * @throws IOException if writing fails
     */
    void writeTo(Writer writer) throws IOException;
  }

  /** Writes bytes; may throw {@link IOException}. */
  @FunctionalInterface
  public interface StreamBody {
    /**
     * @param out a stream on the temporary file
     * @throws IOException if writing fails
     */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes UTF-8 text atomically.
   *
   * @param target the file to create or replace; its folder is created if missing
   * @param body what to write
   * @throws IOException if writing or moving fails; the target is then unchanged
   */
  public static void write(Path target, WriterBody body) throws IOException {
    Checks.notNull("target", target);
    Checks.notNull("body", body);
    writeBytes(target, out -> {
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      body.writeTo(w);
      w.flush();
    });
  }

  /**
   * Writes bytes atomically.
   *
   * @param target the file to create or replace; its folder is created if missing
   * @param body what to write
   * @throws IOException if writing or moving fails; the target is then unchanged
   */
  public static void writeBytes(Path target, StreamBody body) throws IOException {
    Checks.notNull("target", target);
    Checks.notNull("body", body);
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    // not Files.createTempFile: its files are created with mode 0600, and the move would keep that;
    // a file created the ordinary way gets the user's umask, as any Unix tool's output does
    Path tmp = null;
    OutputStream stream = null;
    for (int attempt = 0; stream == null; attempt++) {
      tmp = dir.resolve("." + abs.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE)
          + ".tmp");
      try {
        stream = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException e) {
        if (attempt > 100) {
          throw e;
        }
      }
    }
    boolean moved = false;
    try {
      try (OutputStream out = stream) {
        body.writeTo(out);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(tmp);
      }
    }
  }
}
