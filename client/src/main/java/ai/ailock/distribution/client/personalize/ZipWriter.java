package ai.ailock.distribution.client.personalize;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Writes a personalized copy, streaming: raw copies of entries (never recompressed) and STORED entries, then the
 * central directory, then the DOS date-time of every entry as given ({@link DosTimes}). Not thread-safe.
 */
final class ZipWriter implements Closeable {
  private final FileChannel channel;
  private final ZipArchiveOutputStream zip;
  private final List<DosTimes.Stamp> stamps = new ArrayList<>();

  private ZipWriter(FileChannel channel) {
    this.channel = channel;
    this.zip = new ZipArchiveOutputStream(channel);
  }

  /** Creates or truncates {@code target}. */
  static ZipWriter create(Path target) throws IOException {
    return new ZipWriter(FileChannel.open(target, CREATE, TRUNCATE_EXISTING, READ, WRITE));
  }

  /** Copies {@code entry} of {@code source} as it is stored there: name, data, CRC, method, extra fields. */
  void copyRaw(ZipArchiveEntry entry, ZipFile source, int dosTime) throws IOException {
    stamps.add(new DosTimes.Stamp(zip.getBytesWritten(), dosTime));
    try (InputStream raw = source.getRawInputStream(entry)) {
      zip.addRawArchiveEntry(entry, raw);
    }
  }

  /** Adds {@code content} uncompressed under {@code name}, modified at {@code modified}. */
  void addStored(String name, byte[] content, String comment, Instant modified) throws IOException {
    var crc = new CRC32();
    crc.update(content);
    ZipArchiveEntry entry = storedEntry(name, content.length, comment, modified);
    entry.setCrc(crc.getValue());
    addStored(entry, new ByteArrayInputStream(content), modified);
  }

  /** Adds {@code length} bytes of {@code content} uncompressed; the CRC is computed on the way. */
  void addStored(String name, long length, InputStream content, String comment, Instant modified)
      throws IOException {
    addStored(storedEntry(name, length, comment, modified), content, modified);
  }

  /** Writes the central directory and this archive comment, then the DOS date-times. */
  void finish(String archiveComment) throws IOException {
    zip.setComment(archiveComment);
    long centralDirectory = zip.getBytesWritten();
    zip.finish();
    DosTimes.stamp(channel, stamps, centralDirectory);
  }

  int entryCount() {
    return stamps.size();
  }

  @Override
  public void close() throws IOException {
    try (channel) {
      zip.close();
    }
  }

  private void addStored(ZipArchiveEntry entry, InputStream content, Instant modified) throws IOException {
    stamps.add(new DosTimes.Stamp(zip.getBytesWritten(), DosTimes.of(modified)));
    zip.putArchiveEntry(entry);
    content.transferTo(zip);
    zip.closeArchiveEntry();
  }

  private static ZipArchiveEntry storedEntry(String name, long length, String comment, Instant modified) {
    var entry = new ZipArchiveEntry(name);
    entry.setMethod(ZipArchiveEntry.STORED);
    entry.setSize(length);
    entry.setComment(comment);
    entry.setTime(modified.toEpochMilli()); // else commons-compress reads the clock; the DOS field is stamped later
    return entry;
  }
}
