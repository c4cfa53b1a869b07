package ai.ailock.distribution.client.inbox;

import ai.ailock.distribution.client.keystore.PrivateFiles;
import ai.ailock.distribution.schemas.WireJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How far an {@link InboxListener} has read: the cursor after the last handled message and the ids of the most
 * recent ones (so a message delivered twice, under another cursor, is handled once). Kept in memory, or in an
 * owner-only file ({@code ailock-inbox-cursor-v1}) rewritten atomically after every message, so a listener
 * restarted from it neither misses nor repeats a message. Thread-safe.
 */
public final class InboxCursor {
  static final String FORMAT = "ailock-inbox-cursor-v1";
  private static final int RECENT_IDS = 512;

  private final @Nullable Path file;
  private final LinkedHashSet<String> recent = new LinkedHashSet<>();
  private long position;

  private InboxCursor(@Nullable Path file) {
    this.file = file;
  }

  /** @return a cursor at the start of the inbox, not persisted */
  public static InboxCursor inMemory() {
    return new InboxCursor(null);
  }

  /**
   * @return the cursor saved in {@code file}, or one at the start of the inbox if the file does not exist yet
   * @throws IOException if the file cannot be read, is not owner-only or is not a cursor file
   */
  public static InboxCursor file(Path file) throws IOException {
    InboxCursor cursor = new InboxCursor(file);
    if (Files.exists(file)) {
      JsonNode json = WireJson.mapper().readTree(PrivateFiles.read(file));
      if (!FORMAT.equals(json.path("format").asString("")) || !json.path("cursor").canConvertToLong()) {
        throw new IOException(file + " is not an inbox cursor file");
      }
      cursor.position = json.path("cursor").asLong();
      json.path("recent_message_ids").forEach(id -> cursor.recent.add(id.asString()));
    }
    return cursor;
  }

  /** @return the cursor after the last handled message (0 at the start) */
  public synchronized long position() {
    return position;
  }

  /** @return true if a message with this id was handled recently */
  public synchronized boolean seen(String messageId) {
    return recent.contains(messageId);
  }

  /** Records {@code message} as handled and moves past it (saved before this returns, for a file cursor). */
  public synchronized void advance(InboxMessage message) throws IOException {
    recent.add(message.messageId());
    while (recent.size() > RECENT_IDS) {
      recent.remove(recent.iterator().next());
    }
    position = Math.max(position, message.cursor());
    save();
  }

  private void save() throws IOException {
    if (file == null) {
      return;
    }
    ObjectNode json = WireJson.mapper().createObjectNode();
    json.put("format", FORMAT);
    json.put("cursor", position);
    var ids = json.putArray("recent_message_ids");
    recent.forEach(ids::add);
    PrivateFiles.write(file, WireJson.mapper().writeValueAsBytes(json), true);
  }
}
