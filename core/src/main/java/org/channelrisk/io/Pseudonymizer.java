package org.channelrisk.io;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.channelrisk.internal.Checks;
import org.channelrisk.model.Ecosystem;
import org.channelrisk.model.Referral;

/**
 * Replaces identifiers of real accounts and channels with keyed pseudonyms, so that data can be shared
 * without naming anyone: {@code "p" + hex(HMAC-SHA-256(key, id))[0..32)}. The same key always gives
 * the same pseudonym (so files pseudonymised separately still join); without the key the mapping
 * cannot be recomputed or reversed. 128 bits of the MAC are kept: collisions are negligible
 * (about n^2 / 2^129 for n identifiers).
 *
 * <pre>{@code
 * Pseudonymizer p = Pseudonymizer.fromKeyFile(Path.of("secret.key"));
 * Ecosystem shared = p.apply(eco);             // accounts, channels, operators and links renamed
 * String alias = p.pseudonym("nashir_news");   // "p3f1c..." (32 hex digits)
 * }</pre>
 *
 * <p>Platform ids are not renamed: they name companies, not people. Thread-safe.
 */
public final class Pseudonymizer {
  /** The shortest key accepted, in bytes (128 bits). */
  public static final int MIN_KEY_BYTES = 16;

  private static final int HEX_DIGITS = 32;

  private final HashFunction mac;

  private Pseudonymizer(byte[] key) {
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "a pseudonymisation key must have at least " + MIN_KEY_BYTES + " bytes: found " + key.length);
    }
    this.mac = Hashing.hmacSha256(key);
  }

  /**
   * @param key the secret key, at least {@link #MIN_KEY_BYTES} bytes
   * @return a pseudonymizer
   */
  public static Pseudonymizer withKey(byte[] key) {
    Checks.notNull("key", key);
    return new Pseudonymizer(key.clone());
  }

  /**
   * Reads the key from a file: its bytes, with one trailing line break removed (so a key written by
   * {@code head -c 32 /dev/urandom | base64 > key} works as it is).
   *
   * @param file the key file
   * @return a pseudonymizer
   * @throws InvalidInputException if the file is missing or the key is too short
   * @throws IOException if reading fails
   */
  public static Pseudonymizer fromKeyFile(Path file) throws IOException {
    Checks.notNull("file", file);
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(file.toString(), "no such key file");
    }
    String text = Files.readString(file, StandardCharsets.ISO_8859_1);
    if (text.endsWith("\r\n")) {
      text = text.substring(0, text.length() - 2);
    } else if (text.endsWith("\n")) {
      text = text.substring(0, text.length() - 1);
    }
    byte[] key = text.getBytes(StandardCharsets.ISO_8859_1);
    if (key.length < MIN_KEY_BYTES) {
      throw new InvalidInputException(
          file.toString(), "the key must have at least " + MIN_KEY_BYTES + " bytes, found " + key.length);
    }
    return new Pseudonymizer(key);
  }

  /**
   * @param id an identifier
   * @return its pseudonym: "p" and 32 lowercase hex digits
   */
  public String pseudonym(String id) {
    Checks.notNull("id", id);
    return "p" + mac.hashString(id, StandardCharsets.UTF_8).toString().substring(0, HEX_DIGITS);
  }

  /**
   * @param eco an ecosystem
   * @return a copy with account, channel and operator ids and link ends pseudonymised
   */
  public Ecosystem apply(Ecosystem eco) {
    Checks.notNull("eco", eco);
    return eco.mapIdentifiers(this::pseudonym);
  }

  /**
   * @param log referrals
   * @return a copy with referral ids and targets pseudonymised
   */
  public List<Referral> apply(List<Referral> log) {
    Checks.notNull("log", log);
    return log.stream()
        .map(r -> new Referral(pseudonym(r.id()), pseudonym(r.target()), r.platformId(), r.sentAt(), r.outcome(), r.decidedAt()))
        .toList();
  }

  @Override
  public String toString() {
    return "Pseudonymizer[HMAC-SHA-256, key hidden]";
  }
}
