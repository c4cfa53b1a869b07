package ai.ailock.distribution.client.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The context string a Cobblestone message is bound to: decrypting with any other context fails
 * at the key commitment, before any record is decrypted. The profile's contexts are UTF-8:
 *
 * <ul>
 *   <li>{@code ailock-e2ee-v1:content:<productId>:<version>} — a product payload,
 *   <li>{@code ailock-e2ee-v1:metadata:<productId>:<version>} — its encrypted metadata,
 *   <li>{@code ailock-e2ee-v1:attachment:<transferId>:<inputId>} — a buyer-supplied input.
 * </ul>
 *
 * <p>Identifiers must be non-empty and free of {@code ':'}, so every context parses back into its
 * parts and two different (id, version) pairs never give the same bytes. Immutable, thread-safe.
 */
public final class CobblestoneContext {

  /** The crypto profile name that prefixes every context. */
  public static final String PROFILE = "ailock-e2ee-v1";

  private final byte[] bytes;

  private CobblestoneContext(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * @return {@code ailock-e2ee-v1:content:<productId>:<version>}
   * @throws IllegalArgumentException if an identifier is empty or contains {@code ':'}
   */
  public static CobblestoneContext content(String productId, String version) {
    return profile("content", productId, version);
  }

  /**
   * @return {@code ailock-e2ee-v1:metadata:<productId>:<version>}
   * @throws IllegalArgumentException if an identifier is empty or contains {@code ':'}
   */
  public static CobblestoneContext metadata(String productId, String version) {
    return profile("metadata", productId, version);
  }

  /**
   * @return {@code ailock-e2ee-v1:attachment:<transferId>:<inputId>}
   * @throws IllegalArgumentException if an identifier is empty or contains {@code ':'}
   */
  public static CobblestoneContext attachment(String transferId, String inputId) {
    return profile("attachment", transferId, inputId);
  }

  /**
   * Arbitrary context bytes (may be empty), for interoperability and known-answer tests. SDK code
   * uses the profile factories above.
   */
  public static CobblestoneContext of(byte[] context) {
    return new CobblestoneContext(context.clone());
  }

  /** @return a copy of the context bytes */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  byte[] bytes() {
    return bytes;
  }

  private static CobblestoneContext profile(String purpose, String first, String second) {
    checkIdentifier(first);
    checkIdentifier(second);
    String text = PROFILE + ':' + purpose + ':' + first + ':' + second;
    return new CobblestoneContext(text.getBytes(StandardCharsets.UTF_8));
  }

  private static void checkIdentifier(String id) {
    if (id.isEmpty() || id.indexOf(':') >= 0) {
      throw new IllegalArgumentException(
          "context identifiers must be non-empty and contain no ':', was '" + id + "'");
    }
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof CobblestoneContext that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    String text = new String(bytes, StandardCharsets.UTF_8);
    boolean printable = text.chars().allMatch(c -> c >= 0x20 && c != 0x7f && c != 0xfffd);
    return printable ? text : "hex:" + HexFormat.of().formatHex(bytes);
  }
}
