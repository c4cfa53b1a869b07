package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.Page;
import ai.ailock.distribution.engine.PageCursor;
import ai.ailock.distribution.engine.PageRequest;
import ai.ailock.distribution.schemas.WireJson;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Listings' query parameters ({@code limit}, {@code cursor}) and answers ({@code next_cursor}), docs/api.md. */
final class PageViews {
  private PageViews() {}

  /** @throws DistributionException {@code malformed_request} for a limit outside 1-100 or a cursor not given out */
  static PageRequest request(@Nullable String limit, @Nullable String cursor) {
    int size;
    try {
      size = limit == null ? PageRequest.DEFAULT_LIMIT : Integer.parseInt(limit);
    } catch (NumberFormatException e) {
      throw new DistributionException(ErrorCode.MALFORMED_REQUEST, "limit must be 1-" + PageRequest.MAX_LIMIT);
    }
    return new PageRequest(cursor == null ? null : PageCursor.parse(cursor), size);
  }

  /** @return {@code {"<member>": [...], "next_cursor": "…" or null}} */
  static <T> ObjectNode page(String member, Page<T> page, Function<T, ObjectNode> view) {
    ObjectNode json = WireJson.mapper().createObjectNode();
    ArrayNode items = json.putArray(member);
    page.items().forEach(item -> items.add(view.apply(item)));
    if (page.next() == null) {
      json.putNull("next_cursor");
    } else {
      json.put("next_cursor", page.next().encode());
    }
    return json;
  }
}
