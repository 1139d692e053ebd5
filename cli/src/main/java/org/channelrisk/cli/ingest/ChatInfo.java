package org.channelrisk.cli.ingest;

import java.util.ArrayList;
import java.util.List;

/** What an export says about one chat, accumulated over the exports that contain it: a row of chats.csv. */
final class ChatInfo {
  static final long NONE = Long.MIN_VALUE;

  final long id;
  final String name;
  final String type;
  long firstMessage = Long.MAX_VALUE;
  long lastMessage = Long.MIN_VALUE;
  long messages;
  long created = Long.MAX_VALUE;
  long migrated = Long.MAX_VALUE;
  /** Message id ranges, one per chat object read: {first id, last id}. */
  final List<long[]> idRanges = new ArrayList<>();
  final List<String> sources = new ArrayList<>();

  ChatInfo(long id, String name, String type) {
    this.id = id;
    this.name = name;
    this.type = type;
  }

  void message(long seconds) {
    firstMessage = Math.min(firstMessage, seconds);
    lastMessage = Math.max(lastMessage, seconds);
    messages++;
  }

  void created(long seconds) {
    created = Math.min(created, seconds);
  }

  void migrated(long seconds) {
    migrated = Math.min(migrated, seconds);
  }

  /**
   * @param lo first message id of another part
   * @param hi last message id
   * @return the index of a range already read that overlaps, or -1
   */
  int overlap(long lo, long hi) {
    for (int i = 0; i < idRanges.size(); i++) {
      long[] r = idRanges.get(i);
      if (lo <= r[1] && r[0] <= hi) {
        return i;
      }
    }
    return -1;
  }

  void merge(ChatInfo part, String source) {
    firstMessage = Math.min(firstMessage, part.firstMessage);
    lastMessage = Math.max(lastMessage, part.lastMessage);
    messages += part.messages;
    created = Math.min(created, part.created);
    migrated = Math.min(migrated, part.migrated);
    idRanges.addAll(part.idRanges);
    sources.add(source);
  }
}
