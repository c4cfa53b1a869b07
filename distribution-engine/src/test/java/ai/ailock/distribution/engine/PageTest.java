package ai.ailock.distribution.engine;

import static ai.ailock.distribution.engine.fixtures.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageTest {
  private static final Instant AT = Instant.parse("2026-11-22T10:15:30.123456789Z");

  @Test
  void aCursorRoundTripsAtMicrosecondPrecision() {
    var cursor = new PageCursor(AT, UUID.fromString("8f0e2c1a-1b2c-4d5e-8f90-0a1b2c3d4e5f"));

    PageCursor parsed = PageCursor.parse(cursor.encode());

    assertThat(parsed).isEqualTo(cursor);
    assertThat(parsed.createdAt()).isEqualTo(Instant.parse("2026-11-22T10:15:30.123456Z"));
    assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void refusesCursorsItDidNotGiveOut() {
    String wellFormed = new PageCursor(AT, UUID.randomUUID()).encode();
    for (String text : List.of("", "not base64!", "bm90LWEtY3Vyc29y", wellFormed.substring(1),
        b64("c2:1:" + UUID.randomUUID()), b64("c1:x:" + UUID.randomUUID()), b64("c1:1:not-a-uuid"),
        b64("c1:1:" + UUID.randomUUID() + ":more"), b64("c1:1:1-1-1-1-1"))) {
      assertRefused(() -> PageCursor.parse(text), ErrorCode.MALFORMED_REQUEST);
    }
  }

  @Test
  void ordersByTimeThenByIdAsUnsignedBytesLikePostgres() {
    var low = new PageCursor(AT, UUID.fromString("00000000-0000-0000-0000-000000000001"));
    var high = new PageCursor(AT, UUID.fromString("ffffffff-0000-0000-0000-000000000000")); // negative as a long
    var later = new PageCursor(AT.plusNanos(1_000), UUID.fromString("00000000-0000-0000-0000-000000000000"));

    assertThat(low).isLessThan(high);
    assertThat(high).isLessThan(later);
    assertThat(high.id().compareTo(low.id())).isNegative(); // the JDK's order, which listings must not use
  }

  @Test
  void aPageOfOneMoreThanTheLimitPointsAtItsLastItem() {
    var request = new PageRequest(null, 2);

    Page<Integer> full = Page.of(List.of(5, 4, 3), request, n -> new PageCursor(AT.plusSeconds(n), new UUID(0, n)));
    Page<Integer> last = Page.of(List.of(5, 4), request, n -> new PageCursor(AT.plusSeconds(n), new UUID(0, n)));

    assertThat(full.items()).containsExactly(5, 4);
    assertThat(full.next()).isEqualTo(new PageCursor(AT.plusSeconds(4), new UUID(0, 4)));
    assertThat(last.items()).containsExactly(5, 4);
    assertThat(last.next()).isNull();
  }

  @Test
  void refusesALimitOutsideOneToAHundred() {
    assertRefused(() -> new PageRequest(null, 0), ErrorCode.MALFORMED_REQUEST);
    assertRefused(() -> new PageRequest(null, 101), ErrorCode.MALFORMED_REQUEST);
    assertThat(new PageRequest(null, 100).limit()).isEqualTo(100);
  }

  private static String b64(String text) {
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes());
  }
}
