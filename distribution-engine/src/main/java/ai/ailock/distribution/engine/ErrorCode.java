package ai.ailock.distribution.engine;

import java.util.Locale;

/**
 * Stable reasons for refusing a request. The wire form ({@link #wire()}) is part of the public contract:
 * clients branch on it, so a code is never renamed or reused for another meaning.
 */
public enum ErrorCode {
  MALFORMED_REQUEST(400),
  CHUNK_INTERRUPTED(400),
  UNAUTHENTICATED(401),
  REPLAYED_REQUEST(401),
  FORBIDDEN(403),
  NOT_FOUND(404),
  PRODUCT_NOT_FOUND(404),
  UPLOAD_NOT_FOUND(404),
  AILOCK_NOT_FOUND(404),
  METHOD_NOT_ALLOWED(405),
  UNSUPPORTED_MEDIA_TYPE(415),
  KEY_CONFLICT(409),
  CHUNK_CONFLICT(409),
  UPLOAD_INCOMPLETE(409),
  UPLOAD_ALREADY_COMPLETED(409),
  PRODUCT_ALREADY_UPLOADED(409),
  PRODUCT_NOT_READY(409),
  UPLOAD_EXPIRED(410),
  PRODUCT_EXPIRED(410),
  REQUEST_TOO_LARGE(413),
  CHUNK_TOO_LARGE(413),
  VALIDATION_FAILED(422),
  PRODUCT_TOO_LARGE(422),
  CIPHERTEXT_LENGTH_MISMATCH(422),
  CHUNK_INDEX_OUT_OF_RANGE(422),
  CHUNK_LENGTH_MISMATCH(422),
  CHUNK_HASH_MISMATCH(422),
  CIPHERTEXT_HASH_MISMATCH(422),
  MANIFEST_MISMATCH(422),
  SIGNATURE_INVALID(422),
  RANGE_NOT_SATISFIABLE(416),
  INTERNAL_ERROR(500),
  STORAGE_UNAVAILABLE(503),
  // transfers, buyer inputs, attachments and payments (issue 4)
  WEBHOOK_SIGNATURE_INVALID(400),
  NOT_RECIPIENT(403),
  TRANSFER_NOT_FOUND(404),
  ATTACHMENT_NOT_FOUND(404),
  ILLEGAL_TRANSITION(409),
  CONCURRENT_UPDATE(409),
  INPUTS_LOCKED(409),
  TRANSFER_EXPIRED(410),
  MISSING_INPUTS(422),
  OFFER_TO_SELF(422),
  PRICE_REQUIRED(422),
  PAYMENT_MISMATCH(422),
  ATTACHMENT_TOO_LARGE(422),
  ATTACHMENT_TYPE_NOT_ALLOWED(422),
  PAYMENT_PROVIDER_UNAVAILABLE(502),
  // delivery: grants, claims, download sessions, receipts, revocation, disputes (issue 5)
  NOT_SELLER(403),
  WRONG_RECIPIENT(403),
  CLAIM_INVALID(403),
  DOWNLOAD_LIMIT_REACHED(403),
  NOT_PAID(409),
  KEY_NOT_DEPOSITED(409),
  KEY_ALREADY_GRANTED(409),
  // personalized copies
  COPY_REQUIRED(409),
  COPY_CONFLICT(409),
  COPY_LOCKED(409),
  // content reports
  CONTENT_QUARANTINED(409),
  CLAIM_ALREADY_USED(409),
  CLAIM_NOT_REDEEMED(409),
  TRANSFER_DISPUTED(409),
  NOT_DOWNLOADED(409),
  ALREADY_ACKNOWLEDGED(409),
  CLAIM_EXPIRED(410),
  SESSION_EXPIRED(410),
  ACCESS_REVOKED(410),
  RECEIPT_INVALID(422),
  RECEIPT_MISMATCH(422),
  // interactions (issue 6)
  PAYMENT_CONFIRMED_BY_PROVIDER_ONLY(403),
  UNKNOWN_INTERACTION_TYPE(422),
  // rate limits on claim, ticket, ack, revoke and dispute (plan §8)
  RATE_LIMITED(429),
  // the content-type allowlist and denylist (plan §8)
  CONTENT_TYPE_NOT_ALLOWED(422),
  // reviewing content reports
  NOT_REVIEWER(403),
  REPORT_NOT_FOUND(404),
  // in-process inbox: too many long polls waiting
  INBOX_BUSY(503);

  private final int httpStatus;

  ErrorCode(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  /** @return the HTTP status this refusal maps to */
  public int httpStatus() {
    return httpStatus;
  }

  /** @return the stable wire form, e.g. {@code chunk_hash_mismatch} */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
