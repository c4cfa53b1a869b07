package ai.ailock.distribution.interaction;

import ai.ailock.distribution.engine.transfer.Transfer;

/**
 * Handles one inbound {@link InteractionType}: translates the payload and delegates to the same use case the HTTP
 * function calls. Holds no business rules, no SQL and no transaction handling (the {@link InteractionDispatcher} does
 * that once for every type).
 *
 * @param <P> the payload record, bound from the validated JSON (snake_case properties)
 */
public interface InteractionHandler<P> {

  InteractionType type();

  Class<P> payloadType();

  /**
   * @return the transfer after the change
   * @throws ai.ailock.distribution.engine.DistributionException when the use case refuses
   */
  Transfer handle(P payload, InteractionContext context);
}
