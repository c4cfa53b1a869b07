package ai.ailock.distribution.server.claim;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The service's claim-signing keys: the current one signs new tokens; it and the previous ones verify. Rotation: add
 * a new key, make it current, keep the old one until its last tokens (and the download sessions opened with them) have
 * expired, then drop it. Immutable and thread-safe.
 */
public final class ClaimSigningKeys {
  private final ClaimSigningKey current;
  private final Map<String, ClaimSigningKey> byKid;

  /**
   * @param current signs new tokens
   * @param previous still verify tokens they signed
   * @throws IllegalArgumentException if two keys share a kid
   */
  public ClaimSigningKeys(ClaimSigningKey current, List<ClaimSigningKey> previous) {
    this.current = current;
    var all = new java.util.ArrayList<>(previous);
    all.add(current);
    if (all.stream().map(ClaimSigningKey::kid).distinct().count() != all.size()) {
      throw new IllegalArgumentException("claim signing keys must have distinct kids");
    }
    this.byKid = all.stream().collect(Collectors.toUnmodifiableMap(ClaimSigningKey::kid, Function.identity()));
  }

  public ClaimSigningKey current() {
    return current;
  }

  /** @return the key with this kid, current or previous */
  public Optional<ClaimSigningKey> find(String kid) {
    return Optional.ofNullable(byKid.get(kid));
  }
}
