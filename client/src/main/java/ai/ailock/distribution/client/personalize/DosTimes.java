package ai.ailock.distribution.client.personalize;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.ZipException;

/**
 * The DOS date-time fields of ZIP headers (APPNOTE 4.4.6), kept out of the JVM's time zone. commons-compress
 * derives them from epoch milliseconds in the default zone, and prefers an entry's extended timestamp to the DOS
 * field it read, so a raw copy would move the field by the zone difference between the source's creator and this
 * JVM. {@link PersonalizedArchive} therefore reads the source's fields raw and stamps them, and UTC wall-clock
 * fields for the entries it adds, into the finished archive.
 */
final class DosTimes {
  private static final int LOCAL_HEADER = 0x04034b50;
  private static final int CENTRAL_HEADER = 0x02014b50;
  private static final int LOCAL_TIME_OFFSET = 10;
  private static final int CENTRAL_TIME_OFFSET = 12;
  private static final int CENTRAL_HEADER_LENGTH = 46;
  private static final long ZIP64_MARKER = 0xFFFF_FFFFL;

  /** Where an entry's local header starts, and the DOS date-time (time in the low 16 bits) it must carry. */
  record Stamp(long localHeaderOffset, int dosTime) {}

  private DosTimes() {}

  /** @return {@code at} as the fields of a DOS date-time in UTC, clamped to its range (1980 to 2107) */
  static int of(Instant at) {
    LocalDateTime t = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    if (t.getYear() < 1980) {
      t = LocalDateTime.of(1980, 1, 1, 0, 0);
    } else if (t.getYear() > 2107) {
      t = LocalDateTime.of(2107, 12, 31, 23, 59, 58);
    }
    return (t.getYear() - 1980) << 25 | t.getMonthValue() << 21 | t.getDayOfMonth() << 16
        | t.getHour() << 11 | t.getMinute() << 5 | t.getSecond() >> 1;
  }

  /** @return the DOS date-time of the local header at {@code offset}, as stored */
  static int read(FileChannel zip, long localHeaderOffset) throws IOException {
    ByteBuffer header = readFully(zip, localHeaderOffset, LOCAL_TIME_OFFSET + 4);
    if (header.getInt(0) != LOCAL_HEADER) {
      throw new ZipException("no local file header at offset " + localHeaderOffset);
    }
    return header.getInt(LOCAL_TIME_OFFSET);
  }

  /**
   * Writes each stamp's date-time into its entry's local header and central directory record.
   *
   * @param stamps one per entry, in the order the entries were written
   * @param centralDirectoryOffset where the central directory starts
   * @throws IllegalStateException if a header is not where the stamps say: the writer's layout is not understood
   */
  static void stamp(FileChannel zip, List<Stamp> stamps, long centralDirectoryOffset) throws IOException {
    long record = centralDirectoryOffset;
    for (Stamp stamp : stamps) {
      ByteBuffer local = readFully(zip, stamp.localHeaderOffset(), 4);
      ByteBuffer central = readFully(zip, record, CENTRAL_HEADER_LENGTH);
      long recordedOffset = Integer.toUnsignedLong(central.getInt(42));
      if (local.getInt(0) != LOCAL_HEADER || central.getInt(0) != CENTRAL_HEADER
          || recordedOffset != ZIP64_MARKER && recordedOffset != stamp.localHeaderOffset()) {
        throw new IllegalStateException("headers not found where expected for offset " + stamp.localHeaderOffset());
      }
      writeFully(zip, stamp.localHeaderOffset() + LOCAL_TIME_OFFSET, stamp.dosTime());
      writeFully(zip, record + CENTRAL_TIME_OFFSET, stamp.dosTime());
      record += CENTRAL_HEADER_LENGTH + Short.toUnsignedInt(central.getShort(28))
          + Short.toUnsignedInt(central.getShort(30)) + Short.toUnsignedInt(central.getShort(32));
    }
  }

  private static ByteBuffer readFully(FileChannel zip, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      if (zip.read(buffer, position + buffer.position()) < 0) {
        throw new EOFException("the ZIP ends inside a header at offset " + position);
      }
    }
    return buffer.flip();
  }

  private static void writeFully(FileChannel zip, long position, int value) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).flip();
    while (buffer.hasRemaining()) {
      zip.write(buffer, position + buffer.position());
    }
  }
}
