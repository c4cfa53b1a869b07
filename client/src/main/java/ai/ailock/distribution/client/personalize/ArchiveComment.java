package ai.ailock.distribution.client.personalize;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a ZIP's archive comment from its end of central directory record (APPNOTE 4.3.16), which commons-compress
 * does not expose. Stateless.
 */
final class ArchiveComment {
  private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
  private static final int RECORD_LENGTH = 22;
  private static final int MAX_COMMENT = 0xFFFF;

  private ArchiveComment() {}

  /**
   * @return the comment (decoded as UTF-8) of the last end of central directory record whose comment runs exactly
   *     to the end of the file, or empty if there is none
   */
  static Optional<String> read(Path zip) throws IOException {
    try (FileChannel channel = FileChannel.open(zip)) {
      int length = (int) Math.min(channel.size(), RECORD_LENGTH + MAX_COMMENT);
      long start = channel.size() - length;
      ByteBuffer tail = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
      while (tail.hasRemaining()) {
        if (channel.read(tail, start + tail.position()) < 0) {
          return Optional.empty(); // the file shrank while being read
        }
      }
      for (int at = length - RECORD_LENGTH; at >= 0; at--) {
        int commentLength = Short.toUnsignedInt(tail.getShort(at + 20));
        if (tail.getInt(at) == END_OF_CENTRAL_DIRECTORY && at + RECORD_LENGTH + commentLength == length) {
          return Optional.of(new String(tail.array(), at + RECORD_LENGTH, commentLength, StandardCharsets.UTF_8));
        }
      }
      return Optional.empty();
    }
  }
}
