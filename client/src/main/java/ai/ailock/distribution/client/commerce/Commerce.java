package ai.ailock.distribution.client.commerce;

import ai.ailock.distribution.client.http.DistributionApiException;
import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.client.identity.HttpIdentities;
import ai.ailock.distribution.client.identity.PublicIdentity;
import ai.ailock.distribution.schemas.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The selling and buying functions of the service (docs/api.md, "Transfers and payments"), for one Ailock.
 * The seller offers; the buyer reads the requirements, submits inputs (files end-to-end encrypted to the seller),
 * asks for an invoice and pays. Refusals are {@link DistributionApiException}s with the stable {@code code}
 * ({@code missing_inputs} carries no list here: read {@link #transfer} or {@link #requirementsOfTransfer}).
 * Thread-safe.
 */
public final class Commerce {
  private final SignedHttp http;

  public Commerce(SignedHttp http) {
    this.http = http;
  }

  /** An offer's terms beyond the product's policy; null members keep the product's. */
  public record Terms(@Nullable Long amount, @Nullable String currency, @Nullable Integer downloadLimit,
      @Nullable Integer retentionDays) {
    public static Terms productDefaults() {
      return new Terms(null, null, null, null);
    }
  }

  /** {@code products-offer}: offers one of this Ailock's ready products to {@code recipient}. */
  public TransferInfo offer(String productId, String recipient, Terms terms) {
    return TransferInfo.of(http.postJson("products-offer", offerBody(productId, recipient, terms)));
  }

  /** @return the {@code products-offer} body for these terms (the delivery SDK adds a key envelope to it) */
  public static ObjectNode offerBody(String productId, String recipient, Terms terms) {
    ObjectNode body = WireJson.mapper().createObjectNode();
    body.put("product_id", productId);
    body.put("recipient", recipient);
    if (terms.amount() != null || terms.currency() != null) {
      if (terms.amount() == null || terms.currency() == null) {
        throw new IllegalArgumentException("a price needs both an amount and a currency");
      }
      body.putObject("price").put("amount", terms.amount()).put("currency", terms.currency());
    }
    if (terms.downloadLimit() != null || terms.retentionDays() != null) {
      ObjectNode policy = body.putObject("policy");
      if (terms.downloadLimit() != null) {
        policy.put("download_limit", terms.downloadLimit());
      }
      if (terms.retentionDays() != null) {
        policy.put("retention_days", terms.retentionDays());
      }
    }
    return body;
  }

  /** {@code transfers-get}: the transfer's state, terms, inputs and latest payment (seller and buyer only). */
  public TransferInfo transfer(String transferId) {
    return TransferInfo.of(http.getJson("transfers-get", Map.of("transfer_id", transferId)));
  }

  /**
   * {@code transfers-list}: this Ailock's sales ({@code role} {@code "seller"}) or purchases ({@code "buyer"}),
   * newest first, only those in {@code state} if it is given.
   *
   * @param cursor null for the first page, else the previous page's {@link Listing#nextCursor}
   * @param limit 1-100
   */
  public Listing<TransferInfo> transfers(String role, @Nullable String state, @Nullable String cursor, int limit) {
    var query = new java.util.LinkedHashMap<String, String>();
    query.put("role", role);
    if (state != null) {
      query.put("state", state);
    }
    JsonNode page = http.getJson("transfers-list", page(query, cursor, limit));
    var items = new java.util.ArrayList<TransferInfo>();
    page.path("transfers").forEach(json -> items.add(TransferInfo.of(json)));
    return new Listing<>(items, nextCursor(page));
  }

  /**
   * {@code products-list}: the products this Ailock registered (not its personalized copies), newest first, only
   * those with {@code status} ({@code draft}, {@code ready}, {@code purged}) if it is given.
   */
  public Listing<ProductInfo> products(@Nullable String status, @Nullable String cursor, int limit) {
    var query = new java.util.LinkedHashMap<String, String>();
    if (status != null) {
      query.put("status", status);
    }
    JsonNode page = http.getJson("products-list", page(query, cursor, limit));
    var items = new java.util.ArrayList<ProductInfo>();
    page.path("products").forEach(json -> items.add(ProductInfo.of(json)));
    return new Listing<>(items, nextCursor(page));
  }

  /** {@code products-get}: one of this Ailock's products (others answer {@code 404 product_not_found}). */
  public ProductInfo product(String productId) {
    return ProductInfo.of(http.getJson("products-get", Map.of("product_id", productId)));
  }

  private static Map<String, String> page(Map<String, String> query, @Nullable String cursor, int limit) {
    query.put("limit", Integer.toString(limit));
    if (cursor != null) {
      query.put("cursor", cursor);
    }
    return query;
  }

  private static @Nullable String nextCursor(JsonNode page) {
    JsonNode next = page.path("next_cursor");
    return next.isString() ? next.asString() : null;
  }

  /** {@code products-requirements?transfer_id=}: the transfer's inputs and which are missing. */
  public Requirements requirementsOfTransfer(String transferId) {
    return Requirements.of(http.getJson("products-requirements", Map.of("transfer_id", transferId)));
  }

  /** {@code products-requirements?product_id=}: for the product's owner or an Ailock it was offered to. */
  public Requirements requirementsOfProduct(String productId) {
    return Requirements.of(http.getJson("products-requirements", Map.of("product_id", productId)));
  }

  /**
   * {@code transfers-requirements-submit}: text and URL values as they are; for file inputs, the attachment id from
   * {@link #uploadAttachment}. Values merge with earlier ones.
   */
  public TransferInfo submit(String transferId, Map<String, String> values) {
    return TransferInfo.of(http.postJson("transfers-requirements-submit",
        Map.of("transfer_id", transferId, "inputs", values)));
  }

  /**
   * Encrypts {@code file} to the transfer's seller and uploads it for a file input.
   *
   * @return the attachment id, to submit as the input's value
   * @throws GeneralSecurityException if the seller's X25519 key is not bound to its identity or is unusable
   */
  public String uploadAttachment(String transferId, String inputId, Path file, String contentType)
      throws IOException, GeneralSecurityException {
    String sellerId = transfer(transferId).seller();
    PublicIdentity seller = new HttpIdentities(http).lookup(sellerId);
    long size = Files.size(file);
    try (InputStream plaintext = Files.newInputStream(file)) {
      return new AttachmentUploader(http).upload(transferId, inputId, contentType, size, plaintext, seller);
    }
  }

  /** As {@link #uploadAttachment(String, String, Path, String)}, for content held in memory. */
  public String uploadAttachment(String transferId, String inputId, byte[] content, String contentType)
      throws IOException, GeneralSecurityException {
    PublicIdentity seller = new HttpIdentities(http).lookup(transfer(transferId).seller());
    return new AttachmentUploader(http).upload(transferId, inputId, contentType, content.length,
        new java.io.ByteArrayInputStream(content), seller);
  }

  /**
   * {@code attachments-get} and {@code attachments-download} (seller): decrypts what the buyer attached to a file
   * input into {@code out}, which must not exist; the file appears only once its hash, length and every record's tag
   * checked out.
   *
   * @return {@code out}, absolute
   * @throws java.nio.file.FileAlreadyExistsException if {@code out} exists
   * @throws GeneralSecurityException if the envelope is not for one of this Ailock's keys, or the content is damaged
   *     ({@link ai.ailock.distribution.client.transfer.IntegrityException}, {@link
   *     ai.ailock.distribution.client.crypto.InvalidCiphertextException})
   */
  public Path downloadAttachment(String attachmentId, Path out) throws IOException, GeneralSecurityException {
    return new AttachmentDownloader(http).download(attachmentId, out);
  }

  /** {@code products-invoice}: the buyer's Checkout Session (created or returned). */
  public Checkout invoice(String transferId) {
    return Checkout.of(http.postJson("products-invoice", Map.of("transfer_id", transferId)));
  }

  /**
   * Plays the buyer at the local checkout emulator (a service running without Stripe keys): {@code paid},
   * {@code pending}, {@code settle}, {@code fail} or {@code expire}. The emulator then posts the signed event to the
   * service's webhook.
   *
   * @return the emulator's answer ({@code event_type}, {@code webhook_status}, …)
   */
  public JsonNode payWithEmulator(String checkoutUrl, String outcome) {
    URI uri = URI.create(checkoutUrl);
    if (uri.getPath() == null || !uri.getPath().endsWith("/checkout-emulator/pay")) {
      throw new IllegalArgumentException("not a checkout emulator URL: pay it in a browser");
    }
    String session = List.of(uri.getRawQuery().split("&")).stream().filter(p -> p.startsWith("session="))
        .map(p -> p.substring("session=".length())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the URL names no session"));
    String form = "session=" + session + "&outcome=" + URLEncoder.encode(outcome, StandardCharsets.UTF_8);
    try {
      HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(
          HttpRequest.newBuilder(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath()))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = WireJson.mapper().readTree(response.body());
      if (response.statusCode() >= 400) {
        throw new DistributionApiException(response.statusCode(), json.path("code").asString("unknown"),
            json.path("detail").asString(""), List.of());
      }
      return json;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
