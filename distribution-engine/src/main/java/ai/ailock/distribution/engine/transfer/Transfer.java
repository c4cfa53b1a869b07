package ai.ailock.distribution.engine.transfer;

import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.product.Price;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.product.ProductPolicy;
import ai.ailock.distribution.engine.product.RequiredInput;
import ai.ailock.distribution.engine.product.RequiredInput.Timing;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One offer of a product by its seller to one buyer, and everything that follows it: invoice, payment, the buyer's
 * inputs (and later delivery, receipt, dispute, refund). Immutable: an intent returns a {@link Decision} whose
 * accepted branch holds the transfer as it is afterwards, its {@code version} one higher, which the use case stores
 * with a compare-and-set on the version it read.
 *
 * @param terms the policy fixed at offer time (the product's, with the offer's overrides): price (always set),
 *     download limit, retention, required inputs
 * @param version bumped by every accepted change; the compare-and-set token
 * @param expiresAt until when the offer can be invoiced and the content retrieved
 */
public record Transfer(
    TransferId id,
    ProductId product,
    AilockId seller,
    AilockId buyer,
    TransferState state,
    ProductPolicy terms,
    BuyerInputs inputs,
    long version,
    Instant createdAt,
    Instant updatedAt,
    Instant expiresAt) {

  public Transfer {
    Objects.requireNonNull(terms.price(), "a transfer's terms always carry a price");
    if (seller.equals(buyer)) {
      throw new IllegalArgumentException("a transfer needs two different Ailocks");
    }
  }

  /** @return a new transfer in state {@code offered} */
  public static Transfer offer(TransferId id, ProductId product, AilockId seller, AilockId buyer, ProductPolicy terms,
      Instant at, Instant expiresAt) {
    return new Transfer(id, product, seller, buyer, TransferState.OFFERED, terms, BuyerInputs.none(), 0, at, at,
        expiresAt);
  }

  public Price price() {
    return Objects.requireNonNull(terms.price());
  }

  /** @return true if {@code ailock} is this transfer's seller or buyer: nobody else may see it */
  public boolean involves(AilockId ailock) {
    return seller.equals(ailock) || buyer.equals(ailock);
  }

  /** @return the ids of the required inputs of this timing that have no value yet, in declaration order */
  public List<String> missingInputs(Timing timing) {
    return terms.requiredInputs().stream()
        .filter(input -> input.required() && input.timing() == timing && !inputs.has(input.id()))
        .map(RequiredInput::id)
        .toList();
  }

  public Optional<RequiredInput> input(String inputId) {
    return terms.requiredInputs().stream().filter(input -> input.id().equals(inputId)).findFirst();
  }

  /** The buyer asks for an invoice: {@code offered → invoiced}, once the pre-payment inputs are in. */
  public Decision invoice(Instant at) {
    return moveTo(this, new Transition(TransferState.INVOICED, at, null), "transfer.invoiced", Map.of());
  }

  /**
   * The payment provider confirms a payment: {@code invoiced → paid}, or {@code → paid_pending_inputs} while required
   * post-payment inputs are missing. A payment of another amount or currency is refused ({@code payment_mismatch}).
   */
  public Decision confirmPayment(ReceivedPayment payment, Instant at) {
    TransferState target = missingInputs(Timing.POST_PAYMENT_PRE_GRANT).isEmpty() ? TransferState.PAID
        : TransferState.PAID_PENDING_INPUTS;
    return moveTo(this, new Transition(target, at, payment), "transfer." + target.wire(), Map.of(
        "amount", Long.toString(payment.amount()), "currency", payment.currency(),
        "payment_reference", payment.reference()));
  }

  /**
   * The buyer supplies input values (already validated against the inputs' schema). They merge with earlier ones.
   * A transfer waiting for post-payment inputs becomes {@code paid} when the last required one arrives.
   */
  public Decision submitInputs(Map<String, String> values, Instant at) {
    for (String inputId : values.keySet()) {
      Optional<RequiredInput> input = input(inputId);
      if (input.isEmpty()) {
        return new Decision.Rejected(ErrorCode.VALIDATION_FAILED, "the product requires no input '" + inputId + "'");
      }
      Optional<Decision.Rejected> locked = refusesInput(input.get());
      if (locked.isPresent()) {
        return locked.get();
      }
    }
    Transfer withInputs = new Transfer(id, product, seller, buyer, state, terms, inputs.merge(values), version,
        createdAt, updatedAt, expiresAt);
    Map<String, String> detail = Map.of("inputs", String.join(",", new java.util.TreeSet<>(values.keySet())));
    if (state == TransferState.PAID_PENDING_INPUTS
        && withInputs.missingInputs(Timing.POST_PAYMENT_PRE_GRANT).isEmpty()) {
      return moveTo(withInputs, new Transition(TransferState.PAID, at, null), "transfer.inputs_completed", detail);
    }
    return new Decision.Accepted(withInputs.changed(state, at),
        new TransferEvent("transfer.inputs_submitted", state, state, at, detail));
  }

  /**
   * The seller's key envelope is released: {@code paid → delivered} (issue 5). Refused at or after the transfer's
   * {@code expires_at} ({@code transfer_expired}).
   */
  public Decision deliver(Instant at) {
    return moveTo(this, new Transition(TransferState.DELIVERED, at, null), "transfer.delivered", Map.of());
  }

  /** The buyer's verified receipt: {@code delivered → acknowledged}. */
  public Decision acknowledge(Instant at, Map<String, String> detail) {
    return moveTo(this, new Transition(TransferState.ACKNOWLEDGED, at, null), "transfer.acknowledged", detail);
  }

  /** The seller or a policy (expiry, breach) ends access: {@code → revoked}. */
  public Decision revoke(Instant at, String reason) {
    return moveTo(this, new Transition(TransferState.REVOKED, at, null), "transfer.revoked", Map.of("reason", reason));
  }

  /** The payment was refunded in full: {@code → refunded}. */
  public Decision refund(Instant at, Map<String, String> detail) {
    return moveTo(this, new Transition(TransferState.REFUNDED, at, null), "transfer.refunded", detail);
  }

  /** The buyer, the seller or the card network opened a dispute: {@code → disputed}. */
  public Decision dispute(Instant at, Map<String, String> detail) {
    return moveTo(this, new Transition(TransferState.DISPUTED, at, null), "transfer.disputed", detail);
  }

  /** The retention period ended: {@code → expired}. */
  public Decision expire(Instant at) {
    return moveTo(this, new Transition(TransferState.EXPIRED, at, null), "transfer.expired", Map.of());
  }

  /**
   * The buyer opens a download session. The state does not change, but the version does, so two sessions opened at
   * once are serialised by the compare-and-set and the download budget holds: at most {@code download_limit}
   * sessions may be completed or still running ({@code download_limit_reached}).
   *
   * @param completed the transfer's completed download sessions
   * @param running its sessions open, unexpired and not completed
   */
  public Decision openDownload(Instant at, int completed, int running) {
    if (state != TransferState.DELIVERED && state != TransferState.ACKNOWLEDGED) {
      return new Decision.Rejected(ErrorCode.ILLEGAL_TRANSITION, "no download can start in state " + state.wire());
    }
    if (!at.isBefore(expiresAt)) {
      return new Decision.Rejected(ErrorCode.TRANSFER_EXPIRED, "the transfer expired at " + expiresAt);
    }
    if (completed + running >= terms.downloadLimit()) {
      return new Decision.Rejected(ErrorCode.DOWNLOAD_LIMIT_REACHED, "the download limit of "
          + terms.downloadLimit() + " is used up (" + completed + " completed, " + running + " running)");
    }
    return new Decision.Accepted(changed(state, at), new TransferEvent("transfer.download_opened", state, state, at,
        Map.of("completed", Integer.toString(completed), "running", Integer.toString(running))));
  }

  /**
   * @return why a value for {@code input} cannot be supplied now, if it cannot: pre-payment inputs are frozen once
   *     paid, and no input changes after delivery or in a closed transfer ({@code inputs_locked})
   */
  public Optional<Decision.Rejected> refusesInput(RequiredInput input) {
    boolean open = state == TransferState.OFFERED || state == TransferState.INVOICED
        || state == TransferState.PAID_PENDING_INPUTS || state == TransferState.PAID;
    if (!open) {
      return Optional.of(new Decision.Rejected(ErrorCode.INPUTS_LOCKED,
          "inputs cannot change in state " + state.wire()));
    }
    if (input.timing() == Timing.PRE_PAYMENT && state.paid()) {
      return Optional.of(new Decision.Rejected(ErrorCode.INPUTS_LOCKED,
          "pre-payment input '" + input.id() + "' cannot change once the transfer is paid"));
    }
    return Optional.empty();
  }

  private Transfer changed(TransferState next, Instant at) {
    return new Transfer(id, product, seller, buyer, next, terms, inputs, version + 1, createdAt, at, expiresAt);
  }

  private static Decision moveTo(Transfer from, Transition transition, String action, Map<String, String> detail) {
    if (!from.state.canMoveTo(transition.to())) {
      return new Decision.Rejected(ErrorCode.ILLEGAL_TRANSITION,
          "a transfer in state " + from.state.wire() + " cannot become " + transition.to().wire());
    }
    for (TransferPolicy policy : TransferPolicies.standard()) {
      Optional<Decision.Rejected> veto = policy.veto(from, transition);
      if (veto.isPresent()) {
        return veto.get();
      }
    }
    var facts = new HashMap<>(detail);
    return new Decision.Accepted(from.changed(transition.to(), transition.at()),
        new TransferEvent(action, from.state, transition.to(), transition.at(), facts));
  }
}
