package ai.ailock.distribution.client.commerce;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a listing, newest first. Pass {@code nextCursor} back for the following page; it is null on the last.
 */
public record Listing<T>(List<T> items, @Nullable String nextCursor) {

  public Listing {
    items = List.copyOf(items);
  }
}
