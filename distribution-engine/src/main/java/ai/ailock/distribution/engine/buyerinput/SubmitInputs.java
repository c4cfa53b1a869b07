package ai.ailock.distribution.engine.buyerinput;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.attachment.Attachment;
import ai.ailock.distribution.engine.attachment.AttachmentId;
import ai.ailock.distribution.engine.attachment.Attachments;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.product.RequiredInput;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferChanges;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.schemas.RequiredInputsSchema;
import ai.ailock.distribution.schemas.Violation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code transfers-requirements-submit}: the buyer supplies input values. Each value is validated against the JSON
 * Schema compiled from the transfer's required inputs (text length and lines, https URLs without credentials, …);
 * a {@code file} input's value must be the id of a completed attachment uploaded for that input of this transfer.
 * Violations are refused together, each with the JSON pointer of its value ({@code /inputs/<id>}). Accepted values
 * merge into the transfer; a transfer {@code paid_pending_inputs} becomes {@code paid} with its last required input.
 */
public final class SubmitInputs {
  private static final String POINTER = "/inputs";

  private final TransferChanges changes;
  private final Attachments attachments;
  private final RequiredInputsSchema schema;
  private final Clock clock;

  public SubmitInputs(TransferChanges changes, Attachments attachments, RequiredInputsSchema schema, Clock clock) {
    this.changes = changes;
    this.attachments = attachments;
    this.schema = schema;
    this.clock = clock;
  }

  /**
   * @throws DistributionException {@code transfer_not_found}, {@code not_recipient}, {@code validation_failed} (with
   *     pointers), {@code inputs_locked}, {@code concurrent_update}
   */
  public Transfer submit(Caller buyer, TransferId id, Map<String, String> values) {
    Transfer transfer = changes.ofBuyer(id, buyer.ailock());
    List<Violation> violations = new ArrayList<>(
        schema.violations(InputSchemas.of(transfer.terms().requiredInputs()), values, POINTER));
    if (violations.isEmpty()) {
      violations.addAll(attachmentViolations(transfer, values));
    }
    if (!violations.isEmpty()) {
      throw new DistributionException(ErrorCode.VALIDATION_FAILED, "some input values are not acceptable",
          violations);
    }
    return changes.retrying(() -> {
      Transfer current = changes.ofBuyer(id, buyer.ailock());
      return changes.store(current.submitInputs(values, clock.instant()).orThrow(), buyer.ailock().value(),
          buyer.meta());
    });
  }

  private List<Violation> attachmentViolations(Transfer transfer, Map<String, String> values) {
    var violations = new ArrayList<Violation>();
    for (RequiredInput input : transfer.terms().requiredInputs()) {
      String value = values.get(input.id());
      if (input.type() != RequiredInput.Type.FILE || value == null) {
        continue;
      }
      Optional<Attachment> attachment = attachments.find(new AttachmentId(UUID.fromString(value)))
          .filter(a -> a.transfer().equals(transfer.id()) && a.inputId().equals(input.id()));
      if (attachment.isEmpty()) {
        violations.add(new Violation(POINTER + "/" + input.id(),
            "is not a completed attachment of this input of this transfer"));
      }
    }
    return violations;
  }
}
