package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.crypto.InvalidCiphertextException;
import ai.ailock.distribution.client.http.DistributionApiException;
import ai.ailock.distribution.client.keystore.InsecurePermissionsException;
import ai.ailock.distribution.client.manifest.InvalidManifestException;
import ai.ailock.distribution.client.transfer.ContentRejectedException;
import ai.ailock.distribution.client.transfer.FileChangedException;
import ai.ailock.distribution.client.transfer.IntegrityException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.security.InvalidKeyException;
import java.security.SignatureException;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one clear message on stderr and an exit code. Messages never contain keys, signatures or
 * passphrases: they come from the service's stable {@code code} or from the SDK's own exception messages.
 */
final class Failures {
  static final int LOCAL = 1;
  static final int REFUSED = 3;
  static final int UNAVAILABLE = 4;
  static final int INTEGRITY = 5;
  static final int KEYS = 6;
  static final int REJECTED = 7;

  private static final Map<String, String> MESSAGES = Map.ofEntries(
      Map.entry("unauthenticated", "the service did not accept this Ailock's signature: is the key registered "
          + "('ailock register') and is this machine's clock right?"),
      Map.entry("replayed_request", "the service saw this signed request before; try again"),
      Map.entry("product_not_found", "no such product (or it is not yours)"),
      Map.entry("upload_not_found", "no such upload (or it is not yours)"),
      Map.entry("ailock_not_found", "no such Ailock"),
      Map.entry("not_found", "not found"),
      Map.entry("key_conflict", "this signing key is registered with another X25519 key"),
      Map.entry("chunk_conflict", "the service holds different bytes for a chunk of this upload; start over with "
          + "'ailock upload --restart'"),
      Map.entry("upload_incomplete", "the service is still missing chunks; run the upload again to resume it"),
      Map.entry("upload_already_completed", "this upload was already completed with another manifest"),
      Map.entry("product_already_uploaded", "this product already has published content"),
      Map.entry("product_not_ready", "the product has no uploaded content yet"),
      Map.entry("upload_expired", "the upload session expired; start over with 'ailock upload --restart'"),
      Map.entry("product_expired", "the product's retention period has ended"),
      Map.entry("request_too_large", "the request is larger than the service accepts"),
      Map.entry("chunk_too_large", "a chunk is larger than the service accepts"),
      Map.entry("product_too_large", "the file is larger than the service's limit (200 MiB by default)"),
      Map.entry("ciphertext_length_mismatch", "the service expects another ciphertext length for this product"),
      Map.entry("chunk_hash_mismatch", "a chunk was damaged on the way (hash mismatch); run the upload again"),
      Map.entry("chunk_length_mismatch", "a chunk had the wrong length for its index"),
      Map.entry("ciphertext_hash_mismatch", "the uploaded ciphertext does not hash as declared"),
      Map.entry("manifest_mismatch", "the manifest does not describe the uploaded chunks"),
      Map.entry("signature_invalid", "the service did not accept the manifest's signature"),
      Map.entry("validation_failed", "the request was not valid"),
      Map.entry("transfer_not_found", "no such transfer (or you are neither its seller nor its buyer)"),
      Map.entry("not_recipient", "only the transfer's recipient (the buyer) may do this"),
      Map.entry("missing_inputs", "required inputs are missing; see 'ailock requirements TRANSFER_ID'"),
      Map.entry("inputs_locked", "these inputs can no longer change"),
      Map.entry("offer_to_self", "an Ailock cannot sell to itself"),
      Map.entry("price_required", "the product has no price: give --amount and --currency"),
      Map.entry("illegal_transition", "the transfer is not in a state that allows this"),
      Map.entry("transfer_expired", "the transfer has expired"),
      Map.entry("attachment_too_large", "the file is larger than the input accepts"),
      Map.entry("attachment_type_not_allowed", "the input does not accept this type of file (--type)"),
      Map.entry("payment_provider_unavailable", "the payment provider is unavailable; try again later"),
      Map.entry("concurrent_update", "the transfer changed meanwhile; try again"),
      Map.entry("not_seller", "only the transfer's seller may do this"),
      Map.entry("not_paid", "the transfer is not paid yet"),
      Map.entry("key_not_deposited", "the seller has not granted the key yet; ask the seller to run 'ailock grant'"),
      Map.entry("key_already_granted", "the transfer was delivered with another key envelope"),
      Map.entry("claim_invalid", "the claim token is not valid; get a new one with 'ailock download --transfer'"),
      Map.entry("claim_expired", "the claim expired; run the download again for a new one"),
      Map.entry("claim_already_used", "the claim was used before; run the download again for a new one"),
      Map.entry("claim_not_redeemed", "the claim has not opened a download session"),
      Map.entry("wrong_recipient", "the claim belongs to another Ailock or key"),
      Map.entry("download_limit_reached", "the transfer's download limit is used up"),
      Map.entry("session_expired", "the download session ended; run the download again"),
      Map.entry("access_revoked", "access to this transfer has ended (revoked, refunded or expired)"),
      Map.entry("transfer_disputed", "the transfer is disputed; nothing is released until it is settled"),
      Map.entry("not_downloaded", "nothing was downloaded for this transfer yet"),
      Map.entry("already_acknowledged", "the transfer was acknowledged with another receipt"),
      Map.entry("receipt_invalid", "the service did not accept the receipt's signature or time"),
      Map.entry("receipt_mismatch", "the receipt names another transfer or manifest"),
      Map.entry("inbox_busy", "too many polls are waiting at the service; the listener polls again shortly"),
      Map.entry("rate_limited", "this Ailock used up its budget for this action"),
      Map.entry("not_reviewer", "only the reviewers the operator named (ailock.distribution.content.reviewers) "
          + "may review content reports"),
      Map.entry("report_not_found", "no such content report"),
      Map.entry("content_quarantined", "a buyer reported this product's content; nothing of it is offered, granted "
          + "or served until a reviewer clears it"),
      Map.entry("copy_required", "this transfer needs its buyer's personalized copy first; see 'ailock personalize'"),
      Map.entry("copy_conflict", "this transfer has another personalized copy, or the license fingerprint names another copy"),
      Map.entry("copy_locked", "the transfer was delivered; its copy can no longer be made or changed"),
      Map.entry("payment_mismatch", "a payment of another amount or currency than the transfer's price"),
      Map.entry("attachment_not_found", "no such attachment (or it is not yours)"),
      Map.entry("content_type_not_allowed", "the service's policy does not accept this content type (--content-type)"),
      Map.entry("malformed_request", "the request was malformed"),
      Map.entry("forbidden", "this Ailock may not do this"),
      Map.entry("internal_error", "the service failed unexpectedly; try again later"),
      Map.entry("storage_unavailable", "the service's storage is unavailable; try again later"));

  private Failures() {}

  /** picocli's execution exception handler: prints the message, returns the exit code. */
  static int handle(Exception e, CommandLine commandLine, ParseResult parseResult) {
    commandLine.getErr().println("ailock " + commandName(parseResult) + ": " + message(e));
    return exitCode(e);
  }

  static String describe(DistributionApiException e) {
    String code = e.code();
    if ("unknown".equals(code)) { // no readable problem body: go by the status
      code = e.status() == 401 ? "unauthenticated" : e.status() >= 500 ? "internal_error" : code;
    }
    String text = MESSAGES.getOrDefault(code, "refused (" + code + ")");
    if (!e.violations().isEmpty()) {
      text += ": " + e.violations().stream().map(v -> v.pointer() + " " + v.message())
          .collect(Collectors.joining("; "));
    }
    text += e.retryAfter().map(wait -> "; try again in " + wait.toSeconds() + " s").orElse("");
    return text + " [" + e.status() + " " + e.code() + "]";
  }

  static String message(Throwable e) {
    if (e instanceof DistributionApiException refused) {
      return describe(refused);
    }
    if (e instanceof UncheckedIOException unchecked) {
      return message(unchecked.getCause());
    }
    if (e instanceof ConnectException) {
      return "cannot reach the service (" + e.getMessage() + "); is it running? (--server)";
    }
    if (e instanceof NoSuchFileException missing) {
      return "no such file: " + missing.getFile() + (missing.getReason() != null ? " (" + missing.getReason() + ")"
          : "");
    }
    if (e instanceof FileAlreadyExistsException exists) {
      return "already exists: " + exists.getFile() + (exists.getReason() != null ? " (" + exists.getReason() + ")"
          : "");
    }
    String text = e.getMessage();
    return text != null && !text.isBlank() ? text : e.getClass().getSimpleName();
  }

  static int exitCode(Throwable e) {
    if (e instanceof DistributionApiException refused) {
      return refused.status() >= 500 ? UNAVAILABLE : REFUSED;
    }
    if (e instanceof UncheckedIOException || e instanceof ConnectException
        || e instanceof java.net.http.HttpTimeoutException) {
      return UNAVAILABLE;
    }
    if (e instanceof InsecurePermissionsException || e instanceof InvalidKeyException) {
      return KEYS;
    }
    if (e instanceof ContentRejectedException) {
      return REJECTED;
    }
    if (e instanceof SignatureException || e instanceof IntegrityException
        || e instanceof InvalidCiphertextException || e instanceof InvalidManifestException) {
      return INTEGRITY;
    }
    if (e instanceof FileChangedException || e instanceof IOException) {
      return LOCAL;
    }
    return LOCAL;
  }

  private static String commandName(ParseResult parseResult) {
    ParseResult sub = parseResult;
    while (sub.subcommand() != null) {
      sub = sub.subcommand();
    }
    return sub.commandSpec().name();
  }
}
