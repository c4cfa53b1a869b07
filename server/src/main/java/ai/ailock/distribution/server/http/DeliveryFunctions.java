package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.delivery.AcknowledgeDelivery;
import ai.ailock.distribution.engine.delivery.DepositKey;
import ai.ailock.distribution.engine.delivery.GrantDelivery;
import ai.ailock.distribution.engine.delivery.IssueTicket;
import ai.ailock.distribution.engine.delivery.OpenDownload;
import ai.ailock.distribution.engine.delivery.RevokeAccess;
import ai.ailock.distribution.engine.dispute.AssembleEvidence;
import ai.ailock.distribution.engine.dispute.OpenDispute;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.identity.KeyId;
import ai.ailock.distribution.engine.payment.DescribeTransfer;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.schemas.Violation;
import ai.ailock.distribution.schemas.WireSchema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code products-grant}, {@code products-ticket}, {@code products-claim}, {@code products-ack},
 * {@code products-revoke}, {@code products-dispute} and {@code products-dispute-evidence}: translate, delegate to the
 * engine, answer its result as JSON. Answers that carry a claim token are never cached.
 */
@RestController
@RequestMapping("${ailock.distribution.base-path:/.netlify/functions}")
class DeliveryFunctions {
  private final RequestGate gate;
  private final GrantDelivery grantDelivery;
  private final IssueTicket issueTicket;
  private final OpenDownload openDownload;
  private final AcknowledgeDelivery acknowledgeDelivery;
  private final RevokeAccess revokeAccess;
  private final OpenDispute openDispute;
  private final AssembleEvidence assembleEvidence;
  private final DescribeTransfer describeTransfer;

  DeliveryFunctions(RequestGate gate, GrantDelivery grantDelivery, IssueTicket issueTicket, OpenDownload openDownload,
      AcknowledgeDelivery acknowledgeDelivery, RevokeAccess revokeAccess, OpenDispute openDispute,
      AssembleEvidence assembleEvidence, DescribeTransfer describeTransfer) {
    this.gate = gate;
    this.grantDelivery = grantDelivery;
    this.issueTicket = issueTicket;
    this.openDownload = openDownload;
    this.acknowledgeDelivery = acknowledgeDelivery;
    this.revokeAccess = revokeAccess;
    this.openDispute = openDispute;
    this.assembleEvidence = assembleEvidence;
    this.describeTransfer = describeTransfer;
  }

  @PostMapping("/products-grant")
  ObjectNode grant(HttpServletRequest request, HttpServletResponse response) {
    RequestGate.Json json = gate.json(request, WireSchema.PRODUCT_GRANT);
    noStore(response);
    return DeliveryViews.ticket(grantDelivery.grant(json.caller(), transferId(json.body()), depositOf(json.body())));
  }

  @PostMapping("/products-ticket")
  ObjectNode ticket(HttpServletRequest request, HttpServletResponse response) {
    RequestGate.Json json = gate.json(request, WireSchema.TRANSFER_REF);
    noStore(response);
    return DeliveryViews.ticket(issueTicket.ticket(json.caller(), transferId(json.body())));
  }

  @PostMapping("/products-claim")
  ObjectNode claim(HttpServletRequest request, HttpServletResponse response) {
    RequestGate.Json json = gate.json(request, WireSchema.TRANSFER_REF);
    noStore(response);
    return DeliveryViews.opened(openDownload.open(json.caller(), transferId(json.body()),
        RecipientDownloadFunctions.claimToken(request)));
  }

  @PostMapping("/products-ack")
  ObjectNode acknowledge(HttpServletRequest request) {
    RequestGate.Json json = gate.json(request, WireSchema.PRODUCT_ACK);
    TransferId id = transferId(json.body());
    acknowledgeDelivery.acknowledge(json.caller(), id, ReceiptReader.read(json.body().get("receipt")));
    return TransferViews.transfer(describeTransfer.describe(json.caller(), id));
  }

  @PostMapping("/products-revoke")
  ObjectNode revoke(HttpServletRequest request) {
    RequestGate.Json json = gate.json(request, WireSchema.TRANSFER_ACTION);
    TransferId id = transferId(json.body());
    revokeAccess.revoke(json.caller(), id, json.body().path("reason").asString("revoked by the seller"));
    return TransferViews.transfer(describeTransfer.describe(json.caller(), id));
  }

  @PostMapping("/products-dispute")
  ObjectNode dispute(HttpServletRequest request) {
    RequestGate.Json json = gate.json(request, WireSchema.TRANSFER_ACTION);
    TransferId id = transferId(json.body());
    String reason = json.body().path("reason").asString("");
    if (reason.isBlank()) {
      throw new DistributionException(ErrorCode.VALIDATION_FAILED, "a dispute needs a reason",
          List.of(new Violation("/reason", "is required to open a dispute")));
    }
    openDispute.open(json.caller(), id, reason);
    return TransferViews.transfer(describeTransfer.describe(json.caller(), id));
  }

  @GetMapping("/products-dispute-evidence")
  ObjectNode evidence(HttpServletRequest request, HttpServletResponse response,
      @RequestParam("transfer_id") String transferId) {
    Caller caller = gate.authenticate(request);
    TransferId id = TransferFunctions.transferIdOf(transferId);
    noStore(response);
    return DeliveryViews.evidence(assembleEvidence.assemble(caller, id),
        TransferViews.transfer(describeTransfer.describe(caller, id)));
  }

  private static TransferId transferId(JsonNode body) {
    return TransferId.parse(body.get("transfer_id").asString());
  }

  /** @return the key envelope a schema-valid grant or offer body carries, if any */
  static DepositKey.@Nullable Deposit depositOf(JsonNode body) {
    JsonNode envelope = body.get("key_envelope");
    if (envelope == null) {
      return null;
    }
    return new DepositKey.Deposit(Base64.getUrlDecoder().decode(envelope.asString()),
        new KeyId(body.get("recipient_key_id").asString()));
  }

  private static void noStore(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
  }
}
