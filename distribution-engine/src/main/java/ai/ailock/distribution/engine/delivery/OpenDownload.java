package ai.ailock.distribution.engine.delivery;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.product.Product;
import ai.ailock.distribution.engine.product.ProductContent;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.ratelimit.ThrottledAction;
import ai.ailock.distribution.engine.transfer.Decision;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.engine.upload.UploadSession;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code products-claim}: the buyer redeems a claim token and opens a download session. Checked in this order: the
 * token (signed by the service, this transfer, this Ailock, bound to the request's signing key), its expiry, the
 * claim's state (revoked, already used), the transfer (paid and delivered, inputs in, not disputed, revoked or
 * expired), the product's retention, and the download budget. Then one transaction stores the transfer's version
 * (serialising concurrent openings), redeems the claim with a single conditional update and opens the session: of
 * any number of concurrent redemptions of one claim, exactly one opens a session.
 */
public final class OpenDownload {
  private final DeliveryPorts ports;

  public OpenDownload(DeliveryPorts ports) {
    this.ports = ports;
  }

  /** An opened session, with the download budget as it stands. */
  /** @param product the product whose manifest and chunks the session serves: the transfer's copy, if it has one */
  public record Opened(DownloadSession session, Transfer transfer, ProductId product, String manifestSha256,
      int downloadsCompleted) {}

  /**
   * @throws DistributionException {@code claim_invalid}, {@code wrong_recipient}, {@code claim_expired},
   *     {@code claim_already_used}, {@code access_revoked}, {@code not_paid}, {@code missing_inputs},
   *     {@code transfer_disputed}, {@code transfer_expired}, {@code product_expired}, {@code download_limit_reached},
   *     {@code not_recipient}, {@code transfer_not_found}, {@code concurrent_update}, {@code rate_limited}
   */
  public Opened open(Caller buyer, TransferId id, String token) {
    ports.throttle().take(buyer.ailock(), ThrottledAction.CLAIM);
    PresentedClaim presented = PresentedClaim.check(ports, buyer, id, token);
    if (presented.token().expired(ports.clock().instant())) {
      throw new DistributionException(ErrorCode.CLAIM_EXPIRED, "the claim expired at "
          + presented.token().expiresAt() + "; ask for a new ticket");
    }
    return ports.changes().retrying(() -> {
      Instant now = ports.clock().instant();
      Claim claim = ports.claims().find(presented.claim().jti()).orElseThrow();
      refuseUsed(claim);
      Transfer transfer = ports.changes().ofBuyer(id, buyer.ailock());
      DeliveryGate.requireDelivered(transfer, now);
      ports.requireNotQuarantined(transfer);
      Product product = ports.deliveredProduct(transfer);
      ProductContent content = DeliveryGate.content(product, now);
      List<DownloadSession> sessions = ports.sessions().ofTransfer(id);
      int completed = (int) sessions.stream().filter(DownloadSession::completed).count();
      int running = (int) sessions.stream().filter(s -> s.running(now)).count();
      Decision.Accepted opening = transfer.openDownload(now, completed, running).orThrow();
      Transfer stored = ports.changes().store(opening, buyer.ailock().value(), buyer.meta());
      if (!ports.claims().redeem(claim.jti(), now)) {
        refuseUsed(ports.claims().find(claim.jti()).orElseThrow());
        throw used();
      }
      UploadSession upload = ports.uploads().current(product.id(), content.version()).orElseThrow();
      Instant expiresAt = now.plus(ports.settings().sessionTtl());
      expiresAt = earlier(earlier(expiresAt, transfer.expiresAt()), Objects.requireNonNull(product.expiresAt()));
      var session = new DownloadSession(ports.ids().get(), claim.jti(), id, buyer.ailock(), upload.chunkCount(), now,
          expiresAt, null, null, null, 0);
      ports.sessions().open(session);
      ports.audit().record(AuditEntry.of(now, buyer.ailock().value(), "delivery.download_opened", buyer.meta())
          .transfer(id.value()).product(product.id().value())
          .with(Map.of("session", session.id().toString(), "jti", claim.jti().toString(),
              "expires_at", expiresAt.toString(), "completed_before", Integer.toString(completed))));
      return new Opened(session, stored, product.id(), content.manifestSha256(), completed);
    });
  }

  private static void refuseUsed(Claim claim) {
    if (claim.revoked()) {
      throw new DistributionException(ErrorCode.ACCESS_REVOKED, "the claim was revoked");
    }
    if (claim.redeemed()) {
      throw used();
    }
  }

  private static DistributionException used() {
    return new DistributionException(ErrorCode.CLAIM_ALREADY_USED, "the claim was redeemed before; ask for a new ticket");
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
