package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.delivery.DeliveryTicket;
import ai.ailock.distribution.engine.delivery.DownloadSession;
import ai.ailock.distribution.engine.delivery.OpenDownload;
import ai.ailock.distribution.engine.delivery.StoredReceipt;
import ai.ailock.distribution.engine.dispute.EvidenceBundle;
import ai.ailock.distribution.schemas.WireJson;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON forms of delivery tickets, download sessions and dispute evidence (docs/api.md, "Delivery"). */
final class DeliveryViews {
  private DeliveryViews() {}

  static ObjectNode ticket(DeliveryTicket t) {
    ObjectNode json = WireJson.mapper().createObjectNode();
    json.put("transfer_id", t.transfer().id().toString());
    json.put("product_id", t.product().toString());
    json.put("state", t.transfer().state().wire());
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

  static ObjectNode opened(OpenDownload.Opened opened) {
    ObjectNode json = session(opened.session());
    json.put("product_id", opened.product().toString());
    json.put("manifest_sha256", opened.manifestSha256());
    json.put("download_limit", opened.transfer().terms().downloadLimit());
    json.put("downloads_completed", opened.downloadsCompleted());
    return json;
  }

  static ObjectNode session(DownloadSession s) {
    ObjectNode json = WireJson.mapper().createObjectNode();
    json.put("session_id", s.id().toString());
    json.put("transfer_id", s.transfer().toString());
    json.put("chunk_count", s.chunkCount());
    json.put("opened_at", s.openedAt().toString());
    json.put("expires_at", s.expiresAt().toString());
    putInstant(json, "completed_at", s.completedAt());
    if (s.completedBy() != null) {
      json.put("completed_by", s.completedBy());
    } else {
      json.putNull("completed_by");
    }
    putInstant(json, "revoked_at", s.revokedAt());
    json.put("bytes_served", s.bytesServed());
    return json;
  }

  static ObjectNode evidence(EvidenceBundle bundle, ObjectNode transfer) {
    ObjectNode json = WireJson.mapper().createObjectNode();
    json.set("transfer", transfer);
    json.put("manifest_sha256", bundle.manifestSha256());
    json.put("ciphertext_sha256", bundle.ciphertextSha256());
    json.set("receipt", receipt(bundle.receipt()));
    bundle.copy().ifPresentOrElse(copy -> json.putObject("personalized_copy")
            .put("product_id", copy.product().toString())
            .put("license_fingerprint", copy.licenseFingerprint())
            .put("created_at", copy.createdAt().toString()),
        () -> json.putNull("personalized_copy"));
    ArrayNode sessions = json.putArray("download_sessions");
    bundle.sessions().forEach(s -> sessions.add(session(s)));
    ArrayNode access = json.putArray("access_activity_log");
    bundle.accessLog().forEach(e -> access.add(entry(e)));
    ArrayNode timeline = json.putArray("timeline");
    bundle.timeline().forEach(e -> timeline.add(entry(e)));
    json.put("access_activity_log_text", bundle.accessLog().stream().map(DeliveryViews::line)
        .collect(Collectors.joining("\n")));
    return json;
  }

  private static @Nullable ObjectNode receipt(Optional<StoredReceipt> stored) {
    if (stored.isEmpty()) {
      return null;
    }
    StoredReceipt r = stored.get();
    ObjectNode json = WireJson.mapper().createObjectNode();
    json.set("document", WireJson.mapper().readTree(r.meta().getOrDefault("receipt", "{}")));
    json.put("verified", true);
    json.put("accepted_at", r.deliveredAt().toString());
    json.put("ip", r.meta().get("ip"));
    json.put("user_agent", r.meta().get("user_agent"));
    return json;
  }

  private static ObjectNode entry(AuditEntry e) {
    ObjectNode json = WireJson.mapper().createObjectNode();
    json.put("at", e.at().toString());
    json.put("action", e.action());
    json.put("actor", e.actor());
    json.put("ip", e.meta().ip());
    json.put("user_agent", e.meta().userAgent());
    json.put("request_id", e.meta().requestId());
    json.set("detail", WireJson.mapper().valueToTree(new java.util.TreeMap<>(e.detail())));
    return json;
  }

  /** One line of Stripe's {@code access_activity_log} evidence: time, what, who, from where. */
  private static String line(AuditEntry e) {
    String what = switch (e.action()) {
      case "delivery.claim_issued" -> "delivery ticket issued";
      case "delivery.download_opened" -> "download session " + e.detail().get("session") + " opened";
      case "delivery.manifest_served" -> "manifest downloaded";
      case "delivery.chunk_served" -> "chunk " + e.detail().get("index") + " downloaded (" + e.detail().get("length")
          + " bytes)";
      case "delivery.download_completed" -> "download completed (" + e.detail().get("by") + ")";
      default -> e.action();
    };
    return e.at() + " " + what + " by " + e.actor() + " from " + e.meta().ip() + " (" + e.meta().userAgent() + ")";
  }

  private static void putInstant(ObjectNode json, String name, @Nullable Instant value) {
    if (value == null) {
      json.putNull(name);
    } else {
      json.put(name, value.toString());
    }
  }
}
