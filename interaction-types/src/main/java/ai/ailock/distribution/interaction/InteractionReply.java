package ai.ailock.distribution.interaction;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.schemas.Violation;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to an inbound message: accepted (with the transfer's id and state afterwards) or refused with a stable
 * {@code code}, a detail and, for validation, the JSON pointers of the violations.
 *
 * @param replayed true if this answer was stored for an earlier message with the same id and nothing was done now
 */
public record InteractionReply(String messageId, boolean accepted, @Nullable String transferId, @Nullable String state,
    @Nullable String code, @Nullable String detail, List<Violation> violations, boolean replayed) {

  public InteractionReply {
    violations = List.copyOf(violations);
  }

  public static InteractionReply accepted(String messageId, String transferId, String state, boolean replayed) {
    return new InteractionReply(messageId, true, transferId, state, null, null, List.of(), replayed);
  }

  public static InteractionReply refused(String messageId, ErrorCode code, String detail, List<Violation> violations) {
    return new InteractionReply(messageId, false, null, null, code.wire(), detail, violations, false);
  }

  public static InteractionReply refused(String messageId, DistributionException e) {
    return refused(messageId, e.code(), String.valueOf(e.getMessage()), e.violations());
  }
}
