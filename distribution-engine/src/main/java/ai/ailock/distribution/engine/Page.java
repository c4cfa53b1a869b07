package ai.ailock.distribution.engine;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** One page of a listing, newest first, and where the next one starts ({@code next} is null on the last page). */
public record Page<T>(List<T> items, @Nullable PageCursor next) {

  public Page {
    items = List.copyOf(items);
  }

  /**
   * @param fetched up to {@code request.limit() + 1} items after the request's cursor, newest first: one more than a
   *     page says whether another page follows, without counting
   * @param position where an item stands in the listing
   */
  public static <T> Page<T> of(List<T> fetched, PageRequest request, Function<T, PageCursor> position) {
    if (fetched.size() <= request.limit()) {
      return new Page<>(fetched, null);
    }
    List<T> items = fetched.subList(0, request.limit());
    return new Page<>(items, position.apply(items.get(items.size() - 1)));
  }
}
