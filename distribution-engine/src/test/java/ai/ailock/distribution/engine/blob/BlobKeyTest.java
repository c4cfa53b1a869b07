package ai.ailock.distribution.engine.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlobKeyTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "a",
      "products/0b7a5c1e-3f2d-4e8a-9c61-2d4f8e0a1b3c/v1/5e2f9a7b-1c3d-4e5f-8a9b-0c1d2e3f4a5b/chunk-000001-"
          + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      "A.b-c_d/e",
      "..a/a..b/.hidden"})
  void acceptsRelativePathsOfPlainSegments(String value) {
    assertThat(new BlobKey(value).value()).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/a", "a/", "a//b", ".", "..", "a/./b", "a/../b", "../a", "a/..", "a\\b", "..\\a",
      "a b", "a/b?c", "a%2Fb", "ä", "a\u0000b"})
  void refusesKeysThatCouldLeaveTheRootOrAreNotPlain(String value) {
    assertThatThrownBy(() -> new BlobKey(value)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void acceptsKeysUpTo512CharactersAndSegmentsUpTo128() {
    String longest = ("x".repeat(128) + "/").repeat(3) + "y".repeat(512 - 3 * 129);

    assertThat(new BlobKey(longest).value()).hasSize(512);
    assertThat(new BlobKey("s".repeat(128)).value()).hasSize(128);
  }

  @Test
  void refusesOverLongKeysAndSegments() {
    String tooLong = ("x".repeat(128) + "/").repeat(3) + "y".repeat(513 - 3 * 129);

    assertThatThrownBy(() -> new BlobKey(tooLong)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BlobKey("s".repeat(129))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void resolvesASegmentAndChecksIt() {
    var prefix = new BlobKey("products/p1");

    assertThat(prefix.resolve("v1")).isEqualTo(new BlobKey("products/p1/v1"));
    assertThatThrownBy(() -> prefix.resolve("..")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> prefix.resolve("a/../../etc")).isInstanceOf(IllegalArgumentException.class);
  }
}
