package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.buyerinput.ReadRequirements;
import ai.ailock.distribution.engine.buyerinput.Requirements;
import ai.ailock.distribution.engine.buyerinput.SubmitInputs;
import ai.ailock.distribution.engine.delivery.DepositKey;
import ai.ailock.distribution.engine.delivery.OfferWithKey;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.payment.DescribeTransfer;
import ai.ailock.distribution.engine.payment.Invoice;
import ai.ailock.distribution.engine.payment.InvoiceTransfer;
import ai.ailock.distribution.engine.product.Price;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.transfer.OfferTransfer;
import ai.ailock.distribution.engine.transfer.Party;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferHistory;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.engine.transfer.TransferState;
import ai.ailock.distribution.engine.transfer.TransferTerms;
import ai.ailock.distribution.schemas.WireSchema;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code products-offer}, {@code products-invoice}, {@code transfers-get}, {@code transfers-list},
 * {@code products-requirements} and {@code transfers-requirements-submit}: translate, delegate to the engine, answer
 * its result as JSON.
 */
@RestController
@RequestMapping("${ailock.distribution.base-path:/.netlify/functions}")
class TransferFunctions {
  private final RequestGate gate;
  private final OfferTransfer offerTransfer;
  private final InvoiceTransfer invoiceTransfer;
  private final DescribeTransfer describeTransfer;
  private final ReadRequirements readRequirements;
  private final SubmitInputs submitInputs;
  private final OfferWithKey offerWithKey;
  private final TransferHistory history;

  TransferFunctions(RequestGate gate, OfferTransfer offerTransfer, InvoiceTransfer invoiceTransfer,
      DescribeTransfer describeTransfer, ReadRequirements readRequirements, SubmitInputs submitInputs,
      OfferWithKey offerWithKey, TransferHistory history) {
    this.gate = gate;
    this.history = history;
    this.offerWithKey = offerWithKey;
    this.offerTransfer = offerTransfer;
    this.invoiceTransfer = invoiceTransfer;
    this.describeTransfer = describeTransfer;
    this.readRequirements = readRequirements;
    this.submitInputs = submitInputs;
  }

  @PostMapping("/products-offer")
  @ResponseStatus(HttpStatus.CREATED)
  ObjectNode offer(HttpServletRequest request) {
    RequestGate.Json json = gate.json(request, WireSchema.TRANSFER_OFFER);
    JsonNode body = json.body();
    JsonNode price = body.path("price");
    JsonNode policy = body.path("policy");
    var overrides = new TransferTerms.Overrides(
        price.isObject() ? new Price(price.get("amount").asLong(), price.get("currency").asString()) : null,
        intOrNull(policy, "download_limit"), intOrNull(policy, "retention_days"));
    var command = new OfferTransfer.Command(ProductId.parse(body.get("product_id").asString()),
        new AilockId(body.get("recipient").asString()), overrides);
    DepositKey.Deposit deposit = DeliveryFunctions.depositOf(body);
    Transfer transfer = deposit == null ? offerTransfer.offer(json.caller(), command)
        : offerWithKey.offer(json.caller(), command, deposit);
    return TransferViews.transfer(transfer, Optional.empty());
  }

  @PostMapping("/products-invoice")
  Map<String, Object> invoice(HttpServletRequest request) {
    RequestGate.Json json = gate.json(request, WireSchema.TRANSFER_REF);
    Invoice invoice = invoiceTransfer.invoice(json.caller(), TransferId.parse(json.body().get("transfer_id").asString()));
    var answer = new LinkedHashMap<String, Object>();
    answer.put("transfer_id", invoice.transfer().id().toString());
    answer.put("state", invoice.transfer().state().wire());
    answer.put("checkout_url", invoice.intent().checkoutUrl());
    answer.put("session_id", invoice.intent().providerRef());
    answer.put("attempt", invoice.intent().attempt());
    answer.put("amount", invoice.intent().amount());
    answer.put("currency", invoice.intent().currency());
    answer.put("payment_status", invoice.intent().status().wire());
    return answer;
  }

  @GetMapping("/transfers-get")
  ObjectNode get(HttpServletRequest request, @RequestParam("transfer_id") String transferId) {
    Caller caller = gate.authenticate(request);
    return TransferViews.transfer(describeTransfer.describe(caller, transferIdOf(transferId)));
  }

  /** The caller's sales ({@code role=seller}) or purchases ({@code role=buyer}), newest first. */
  @GetMapping("/transfers-list")
  ObjectNode list(HttpServletRequest request, @RequestParam(name = "role", required = false) @Nullable String role,
      @RequestParam(name = "state", required = false) @Nullable String state,
      @RequestParam(name = "limit", required = false) @Nullable String limit,
      @RequestParam(name = "cursor", required = false) @Nullable String cursor) {
    Caller caller = gate.authenticate(request);
    Party party;
    TransferState inState;
    try {
      party = Party.fromWire(role == null ? "" : role);
    } catch (IllegalArgumentException e) {
      throw new DistributionException(ErrorCode.MALFORMED_REQUEST, "role must be seller or buyer");
    }
    inState = state == null ? null : java.util.Arrays.stream(TransferState.values())
        .filter(candidate -> candidate.wire().equals(state)).findFirst()
        .orElseThrow(() -> new DistributionException(ErrorCode.MALFORMED_REQUEST, "state is not a transfer state"));
    return PageViews.page("transfers", history.list(caller, party, inState, PageViews.request(limit, cursor)),
        TransferViews::listed);
  }

  /** By {@code product_id} (its owner, or an Ailock it was offered to) or {@code transfer_id} (seller or buyer). */
  @GetMapping("/products-requirements")
  ObjectNode requirements(HttpServletRequest request, @RequestParam(name = "product_id", required = false)
      @Nullable String productId, @RequestParam(name = "transfer_id", required = false) @Nullable String transferId) {
    Caller caller = gate.authenticate(request);
    if ((productId == null) == (transferId == null)) {
      throw new DistributionException(ErrorCode.MALFORMED_REQUEST, "give either product_id or transfer_id");
    }
    Requirements requirements = transferId != null
        ? readRequirements.ofTransfer(caller, transferIdOf(transferId))
        : readRequirements.ofProduct(caller, productIdOf(productId));
    ObjectNode json = TransferViews.requirements(requirements.inputs());
    json.put("product_id", requirements.product().toString());
    Transfer transfer = requirements.transfer();
    if (transfer != null) {
      json.put("transfer_id", transfer.id().toString());
      json.put("state", transfer.state().wire());
      json.set("missing_inputs", TransferViews.missing(transfer));
      json.set("submitted", ai.ailock.distribution.schemas.WireJson.mapper()
          .valueToTree(new java.util.TreeSet<>(transfer.inputs().values().keySet())));
    }
    return json;
  }

  @PostMapping("/transfers-requirements-submit")
  ObjectNode submit(HttpServletRequest request) {
    RequestGate.Json json = gate.json(request, WireSchema.REQUIREMENTS_SUBMIT);
    var values = new LinkedHashMap<String, String>();
    json.body().get("inputs").properties().forEach(e -> values.put(e.getKey(), e.getValue().asString()));
    TransferId id = TransferId.parse(json.body().get("transfer_id").asString());
    submitInputs.submit(json.caller(), id, values);
    return TransferViews.transfer(describeTransfer.describe(json.caller(), id));
  }

  private static @Nullable Integer intOrNull(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isIntegralNumber() ? value.asInt() : null;
  }

  static TransferId transferIdOf(String text) {
    try {
      return TransferId.parse(text);
    } catch (IllegalArgumentException e) {
      throw new DistributionException(ErrorCode.MALFORMED_REQUEST, "transfer_id must be a UUID");
    }
  }

  static ProductId productIdOf(String text) {
    try {
      return ProductId.parse(text);
    } catch (IllegalArgumentException e) {
      throw new DistributionException(ErrorCode.MALFORMED_REQUEST, "product_id must be a UUID");
    }
  }
}
