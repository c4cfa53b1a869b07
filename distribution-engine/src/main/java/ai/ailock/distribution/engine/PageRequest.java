package ai.ailock.distribution.engine;

import org.jspecify.annotations.Nullable;

/**
 * One page of a listing, newest first: at most {@code limit} items after {@code after} (null: from the newest).
 *
 * @throws DistributionException {@code malformed_request} if {@code limit} is outside 1-{@value #MAX_LIMIT}
 */
public record PageRequest(@Nullable PageCursor after, int limit) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 100;

  public PageRequest {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new DistributionException(ErrorCode.MALFORMED_REQUEST, "limit must be 1-" + MAX_LIMIT);
    }
  }

  public static PageRequest first(int limit) {
    return new PageRequest(null, limit);
  }
}
