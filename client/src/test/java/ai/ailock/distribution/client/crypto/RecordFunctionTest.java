package ai.ailock.distribution.client.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.ailock.distribution.client.crypto.AesGcm.Implementation;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the Cobblestone tests that run once per implementation of the AES-GCM record function:
 * a subclass names the implementation, and every Cobblestone stream its tests create on the test
 * thread uses it. Skipped where that implementation is not available.
 */
abstract class RecordFunctionTest {

  private AesGcm.@Nullable Scope scope;

  /** The record function every Cobblestone stream of this test class uses. */
  abstract Implementation implementation();

  @BeforeEach
  void useTheImplementationUnderTest() {
    assumeTrue(implementation().isAvailable(), implementation() + " not available here");
    scope = implementation().forceOnThisThread();
    assertThat(AesGcm.forKey(new byte[AesGcm.KEY_LENGTH]).implementation())
        .isEqualTo(implementation());
  }

  @AfterEach
  void restoreTheDefault() {
    if (scope != null) {
      scope.close();
    }
  }
}
