package org.channelrisk.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that a reader never sees half of one: the content goes to a temporary file in the
 * target's folder, which is moved over the target only when everything was written. If writing
 * fails, the temporary file is deleted and the target is untouched.
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
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
    boolean moved = false;
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
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
