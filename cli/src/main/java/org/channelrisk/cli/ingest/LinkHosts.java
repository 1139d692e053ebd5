package org.channelrisk.cli.ingest;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.channelrisk.io.CsvTable;

/**
 * Sorts the links of a message: Telegram links (t.me, telegram.me, telegram.dog and their subdomains,
 * {@code tg://}) apart from out-links, and out-links by host class when a hosts file names platforms.
 * A host matches an entry when it equals it or is a subdomain of it ({@code chat.example.org} matches
 * {@code example.org}).
 *
 * <pre>{@code
 * LinkHosts h = LinkHosts.read(Path.of("hosts.csv"));   // host,platform
 * h.classify("https://t.me/+AbC".toCharArray(), 0, 17); // TELEGRAM
 * }</pre>
 */
final class LinkHosts {
  /** Returned by {@link #classify} for a Telegram link. */
  static final int TELEGRAM = -1;

  private static final List<String> TELEGRAM_HOSTS = List.of("t.me", "telegram.me", "telegram.dog");

  private final ImmutableList<String> classes;
  private final Map<String, Integer> hosts;

  private LinkHosts(List<String> classes, Map<String, Integer> hosts) {
    this.classes = ImmutableList.copyOf(classes);
    this.hosts = hosts;
  }

  /** @return no host classes: out-links are only counted */
  static LinkHosts none() {
    return new LinkHosts(List.of(), Map.of());
  }

  /**
   * Reads a hosts file: CSV with columns {@code host,platform}; platform names become column names
   * ({@code outlinks_<platform>}), so they must be lower-case letters, digits and underscores.
   *
   * @param file the file
   * @return the classifier
   */
  static LinkHosts read(Path file) {
    CsvTable t = CsvTable.read(file);
    String[] host = t.strings("host");
    String[] platform = t.strings("platform");
    List<String> classes = new ArrayList<>();
    Map<String, Integer> hosts = new HashMap<>();
    for (int r = 0; r < t.size(); r++) {
      String h = host[r].strip().toLowerCase(Locale.ROOT);
      if (h.startsWith("www.")) {
        h = h.substring(4);
      }
      if (h.isEmpty() || !h.matches("[a-z0-9.-]+") || h.startsWith(".") || h.endsWith(".")) {
        throw t.error(r, "host", "expected a host name such as example.org, found '" + host[r] + "'");
      }
      if (isTelegram(h.toCharArray(), 0, h.length())) {
        throw t.error(r, "host", h + " is a Telegram host: its links are counted in tme_links");
      }
      String p = platform[r].strip();
      if (!p.matches("[a-z0-9_]+") || p.equals("other")) {
        throw t.error(r, "platform", "expected a name of lower-case letters, digits and _ (not 'other'), found '"
            + platform[r] + "'");
      }
      int k = classes.indexOf(p);
      if (k < 0) {
        k = classes.size();
        classes.add(p);
      }
      if (hosts.putIfAbsent(h, k) != null) {
        throw t.error(r, "host", "the host " + h + " appears twice");
      }
    }
    return new LinkHosts(classes, hosts);
  }

  /** @return the platform names, in the order of the hosts file */
  List<String> classes() {
    return classes;
  }

  /**
   * @param url a link's text (with or without scheme)
   * @param off start
   * @param len length
   * @return {@link #TELEGRAM}, a class index, or {@code classes().size()} for any other host
   */
  int classify(char[] url, int off, int len) {
    int end = off + len;
    int i = off;
    while (i < end && url[i] <= ' ') {
      i++;
    }
    // scheme: letters followed by "://" (or "tg:")
    int j = i;
    while (j < end && (Character.isLetterOrDigit(url[j]) || url[j] == '+' || url[j] == '-' || url[j] == '.')) {
      j++;
    }
    if (j < end && url[j] == ':' && j > i) {
      boolean tg = j - i == 2 && (url[i] | 0x20) == 't' && (url[i + 1] | 0x20) == 'g';
      if (tg) {
        return TELEGRAM;
      }
      if (j + 2 < end && url[j + 1] == '/' && url[j + 2] == '/') {
        i = j + 3;
      }
    }
    int hostStart = i;
    int hostEnd = i;
    for (int k = i; k < end; k++) {
      char c = url[k];
      if (c == '/' || c == '?' || c == '#' || c == '\\') {
        break;
      }
      if (c == '@') {
        hostStart = k + 1;
      }
      hostEnd = k + 1;
    }
    // drop a port
    for (int k = hostStart; k < hostEnd; k++) {
      if (url[k] == ':') {
        hostEnd = k;
        break;
      }
    }
    while (hostEnd > hostStart && url[hostEnd - 1] == '.') {
      hostEnd--;
    }
    if (isTelegram(url, hostStart, hostEnd)) {
      return TELEGRAM;
    }
    if (hosts.isEmpty()) {
      return classes.size();
    }
    String host = new String(url, hostStart, hostEnd - hostStart).toLowerCase(Locale.ROOT);
    for (String h = host; !h.isEmpty(); ) {
      Integer k = hosts.get(h);
      if (k != null) {
        return k;
      }
      int dot = h.indexOf('.');
      if (dot < 0) {
        break;
      }
      h = h.substring(dot + 1);
    }
    return classes.size();
  }

  /** Whether url[from, to) is a Telegram host or a subdomain of one, ignoring ASCII case (no copy made). */
  private static boolean isTelegram(char[] url, int from, int to) {
    for (String t : TELEGRAM_HOSTS) {
      int n = t.length();
      int at = to - n;
      if (at < from || (at > from && url[at - 1] != '.')) {
        continue;
      }
      boolean same = true;
      for (int i = 0; i < n && same; i++) {
        char c = url[at + i];
        same = (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) == t.charAt(i);
      }
      if (same) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "LinkHosts[" + hosts.size() + " hosts in classes " + classes + "]";
  }
}
