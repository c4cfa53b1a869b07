package ai.ailock.distribution.engine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a listing (newest first) goes on: after the item created at {@code createdAt} with id {@code id}. Clients see
 * it as an opaque string ({@link #encode}); a position is stable however many items are added meanwhile, since new
 * items sort before it. Microsecond precision, as PostgreSQL stores timestamps.
 */
public record PageCursor(Instant createdAt, UUID id) implements Comparable<PageCursor> {
  private static final String VERSION = "c1";

  public PageCursor {
    createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Orders as the listings do, ascending: by creation time, then by id compared as unsigned bytes (as PostgreSQL
   * compares {@code uuid}s; {@link UUID#compareTo} compares signed halves).
   */
  @Override
  public int compareTo(PageCursor other) {
    int byTime = createdAt.compareTo(other.createdAt);
    if (byTime != 0) {
      return byTime;
    }
    int high = Long.compareUnsigned(id.getMostSignificantBits(), other.id.getMostSignificantBits());
    return high != 0 ? high : Long.compareUnsigned(id.getLeastSignificantBits(), other.id.getLeastSignificantBits());
  }

  /** @return the opaque form, base64url of {@code c1:<epoch microseconds>:<id>} */
  public String encode() {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((VERSION + ":" + micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
  }

  /** @throws DistributionException {@code malformed_request} unless {@code text} is a cursor {@link #encode} made */
  public static PageCursor parse(String text) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split(":", -1);
      if (parts.length != 3 || !parts[0].equals(VERSION)) {
        throw new IllegalArgumentException("not a cursor");
      }
      long micros = Long.parseLong(parts[1]);
      UUID id = UUID.fromString(parts[2]);
      if (!id.toString().equals(parts[2])) {
        throw new IllegalArgumentException("not a canonical id");
      }
      return new PageCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
    } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
      throw new DistributionException(ErrorCode.MALFORMED_REQUEST, "cursor is not one this service gave out");
    }
  }
}
