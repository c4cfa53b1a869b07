package ai.ailock.distribution.interaction;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * One handler per inbound {@link InteractionType}, built once at startup. Fails fast on a duplicate handler, a handler
 * for a type the service only sends, or an inbound type without a handler.
 */
public final class InteractionRegistry {
  private final Map<InteractionType, InteractionHandler<?>> handlers = new EnumMap<>(InteractionType.class);

  public InteractionRegistry(Collection<? extends InteractionHandler<?>> all) {
    for (InteractionHandler<?> handler : all) {
      if (!handler.type().inbound()) {
        throw new IllegalStateException(handler.type().wire() + " is only sent by the service; it has no handler");
      }
      if (handlers.putIfAbsent(handler.type(), handler) != null) {
        throw new IllegalStateException("two handlers for " + handler.type().wire());
      }
    }
    for (InteractionType type : InteractionType.values()) {
      if (type.inbound() && !handlers.containsKey(type)) {
        throw new IllegalStateException("no handler for " + type.wire());
      }
    }
  }

  /** @return the handler of an inbound type; empty for a type the service only sends */
  public Optional<InteractionHandler<?>> handler(InteractionType type) {
    return Optional.ofNullable(handlers.get(type));
  }
}
