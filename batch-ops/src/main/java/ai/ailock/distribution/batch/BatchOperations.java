package ai.ailock.distribution.batch;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.Transactions;
import ai.ailock.distribution.engine.delivery.AcknowledgeDelivery;
import ai.ailock.distribution.engine.delivery.DeliveryTicket;
import ai.ailock.distribution.engine.delivery.IssueTicket;
import ai.ailock.distribution.engine.delivery.RevokeAccess;
import ai.ailock.distribution.engine.delivery.SignedReceipt;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.messaging.ProcessedMessages;
import ai.ailock.distribution.engine.payment.DescribeTransfer;
import ai.ailock.distribution.engine.payment.TransferStatus;
import ai.ailock.distribution.engine.product.Price;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.transfer.OfferTransfer;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.engine.transfer.TransferTerms;
import ai.ailock.distribution.schemas.SchemaValidator;
import ai.ailock.distribution.schemas.Violation;
import ai.ailock.distribution.schemas.WireJson;
import ai.ailock.distribution.schemas.WireSchema;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ailock-batch}: runs a caller's operations in order on the same use cases as the HTTP functions, each in its
 * own transaction, and answers one result per operation; a refused operation does not affect the others.
 *
 * <p>Idempotent per operation id: an accepted result is stored under {@code batch:<caller>:<op id>} in the
 * processed-messages store, and the same id again replays it without acting. Refusals are not stored (a retry is
 * evaluated again). {@code get_delivery_ticket} is never stored: its result holds a secret claim token, so a repeated
 * id issues a fresh ticket. {@code confirm_payment} never confirms anything itself: payments are confirmed by the
 * provider (Stripe webhook or reconciliation) only; the op answers the provider-backed state and is refused with
 * {@code not_paid} until then.
 */
public final class BatchOperations {
  /** The operations, their argument schemas. */
  public enum Op {
    INIT_PRODUCT_TRANSFER(WireSchema.INTERACTION_PRODUCT_OFFER),
    CONFIRM_PAYMENT(WireSchema.TRANSFER_REF),
    GET_DELIVERY_TICKET(WireSchema.TRANSFER_REF),
    ACK_DELIVERY(WireSchema.INTERACTION_DELIVERY_RECEIPT),
    REVOKE_ACCESS(WireSchema.TRANSFER_ACTION);

    private final WireSchema args;

    Op(WireSchema args) {
      this.args = args;
    }

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One requested operation. */
  public record Request(String id, String op, JsonNode args) {}

  /**
   * One operation's result, in request order: {@code ok} with its {@code result}, or refused with a stable code, a
   * detail and, for validation, pointers into the op's {@code args}.
   */
  public record Result(String id, String op, boolean ok, @Nullable JsonNode result, @Nullable String code,
      @Nullable String detail, List<Violation> violations, boolean replayed) {
    public Result {
      violations = List.copyOf(violations);
    }

    static Result refused(Request request, ErrorCode code, String detail, List<Violation> violations) {
      return new Result(request.id(), request.op(), false, null, code.wire(), detail, violations, false);
    }
  }

  private final OfferTransfer offerTransfer;
  private final DescribeTransfer describeTransfer;
  private final IssueTicket issueTicket;
  private final AcknowledgeDelivery acknowledgeDelivery;
  private final Function<JsonNode, SignedReceipt> receiptReader;
  private final RevokeAccess revokeAccess;
  private final ProcessedMessages processed;
  private final Transactions transactions;
  private final SchemaValidator validator;
  private final Clock clock;

  public BatchOperations(OfferTransfer offerTransfer, DescribeTransfer describeTransfer, IssueTicket issueTicket,
      AcknowledgeDelivery acknowledgeDelivery, Function<JsonNode, SignedReceipt> receiptReader,
      RevokeAccess revokeAccess, ProcessedMessages processed, Transactions transactions, SchemaValidator validator,
      Clock clock) {
    this.offerTransfer = offerTransfer;
    this.describeTransfer = describeTransfer;
    this.issueTicket = issueTicket;
    this.acknowledgeDelivery = acknowledgeDelivery;
    this.receiptReader = receiptReader;
    this.revokeAccess = revokeAccess;
    this.processed = processed;
    this.transactions = transactions;
    this.validator = validator;
    this.clock = clock;
  }

  /** @return one result per request, in order; never throws for a refusal */
  public List<Result> run(Caller caller, List<Request> requests) {
    var results = new ArrayList<Result>(requests.size());
    for (Request request : requests) {
      results.add(runOne(caller, request));
    }
    return results;
  }

  private Result runOne(Caller caller, Request request) {
    Op op;
    try {
      op = Op.valueOf(request.op().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Result.refused(request, ErrorCode.MALFORMED_REQUEST, "unknown op " + request.op(), List.of());
    }
    List<Violation> violations = validator.validate(op.args, request.args());
    if (!violations.isEmpty()) {
      return Result.refused(request, ErrorCode.VALIDATION_FAILED, "the op's args do not match its schema",
          violations);
    }
    try {
      if (op == Op.GET_DELIVERY_TICKET) {
        return ok(request, apply(op, caller, request.args()), false);
      }
      String key = "batch:" + caller.ailock().value() + ":" + request.id();
      return transactions.inTransaction(() -> {
        if (!processed.claim(key, clock.instant())) {
          JsonNode stored = WireJson.mapper().readTree(processed.outcome(key).orElseThrow());
          if (!stored.path("op").asString().equals(op.wire())) {
            throw new DistributionException(ErrorCode.KEY_CONFLICT, "this op id was used for another op");
          }
          return ok(request, stored.get("result"), true);
        }
        JsonNode result = apply(op, caller, request.args());
        ObjectNode outcome = WireJson.mapper().createObjectNode().put("op", op.wire());
        outcome.set("result", result);
        processed.settle(key, outcome.toString());
        return ok(request, result, false);
      });
    } catch (DistributionException e) {
      return Result.refused(request, e.code(), String.valueOf(e.getMessage()), e.violations());
    } catch (IllegalArgumentException e) {
      return Result.refused(request, ErrorCode.MALFORMED_REQUEST, "the op's args were not understood", List.of());
    }
  }

  private static Result ok(Request request, JsonNode result, boolean replayed) {
    return new Result(request.id(), request.op(), true, result, null, null, List.of(), replayed);
  }

  private JsonNode apply(Op op, Caller caller, JsonNode args) {
    switch (op) {
      case INIT_PRODUCT_TRANSFER: {
        JsonNode price = args.path("price");
        JsonNode policy = args.path("policy");
        var overrides = new TransferTerms.Overrides(
            price.isObject() ? new Price(price.get("amount").asLong(), price.get("currency").asString()) : null,
            policy.has("download_limit") ? policy.get("download_limit").asInt() : null,
            policy.has("retention_days") ? policy.get("retention_days").asInt() : null);
        return transfer(offerTransfer.offer(caller, new OfferTransfer.Command(
            ProductId.parse(args.get("product_id").asString()), new AilockId(args.get("recipient").asString()),
            overrides)));
      }
      case CONFIRM_PAYMENT: {
        TransferStatus status = describeTransfer.describe(caller, transferId(args));
        if (!status.transfer().state().paid()) {
          throw new DistributionException(ErrorCode.NOT_PAID,
              "no payment confirmed by the provider yet; payments are confirmed by Stripe only");
        }
        ObjectNode json = transfer(status.transfer());
        status.payment().ifPresent(p -> json.put("payment_status", p.status().wire()));
        return json;
      }
      case GET_DELIVERY_TICKET:
        return ticket(issueTicket.ticket(caller, transferId(args)));
      case ACK_DELIVERY:
        return transfer(acknowledgeDelivery.acknowledge(caller, transferId(args),
            receiptReader.apply(args.get("receipt"))));
      case REVOKE_ACCESS:
        return transfer(revokeAccess.revoke(caller, transferId(args),
            args.path("reason").asString("revoked by the seller")));
      default:
        throw new IllegalStateException("unhandled op " + op);
    }
  }

  private static TransferId transferId(JsonNode args) {
    return TransferId.parse(args.get("transfer_id").asString());
  }

  private static ObjectNode transfer(Transfer transfer) {
    return WireJson.mapper().createObjectNode().put("transfer_id", transfer.id().toString())
        .put("state", transfer.state().wire());
  }

  private static ObjectNode ticket(DeliveryTicket t) {
    ObjectNode json = transfer(t.transfer());
    json.put("product_id", t.product().toString());
    json.put("seller", t.seller().value());
    json.put("manifest_sha256", t.manifestSha256());
    json.put("key_envelope", Base64.getUrlEncoder().withoutPadding().encodeToString(t.keyEnvelope()));
    json.put("recipient_key_id", t.recipientKeyId().value());
    json.put("claim_token", t.claimToken());
    json.put("claim_expires_at", t.claimExpiresAt().toString());
    json.put("download_limit", t.downloadLimit());
    json.put("downloads_completed", t.downloadsUsed());
    return json;
  }

}
