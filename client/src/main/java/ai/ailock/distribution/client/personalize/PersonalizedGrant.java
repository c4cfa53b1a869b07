package ai.ailock.distribution.client.personalize;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.commerce.Commerce;
import ai.ailock.distribution.client.commerce.TransferInfo;
import ai.ailock.distribution.client.delivery.Delivery;
import ai.ailock.distribution.client.delivery.Ticket;
import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.client.identity.HttpIdentities;
import ai.ailock.distribution.client.keystore.PrivateFiles;
import ai.ailock.distribution.client.keystore.ProductKeyring;
import ai.ailock.distribution.client.transfer.DownloadRequest;
import ai.ailock.distribution.client.transfer.DownloadResult;
import ai.ailock.distribution.client.transfer.Downloader;
import ai.ailock.distribution.client.transfer.HttpUploadService;
import ai.ailock.distribution.client.transfer.OwnerContentSource;
import ai.ailock.distribution.client.transfer.ProductDraft;
import ai.ailock.distribution.client.transfer.TransferListener;
import ai.ailock.distribution.client.transfer.TransferOptions;
import ai.ailock.distribution.client.transfer.UploadResult;
import ai.ailock.distribution.client.transfer.Uploader;
import ai.ailock.distribution.schemas.WireJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The seller's side of a personalized copy (docs/personalization.md): for one paid transfer, reads its own product
 * back (owner download: manifest signature, chunk hashes and plaintext hash verified), writes the buyer's copy with a
 * signed {@link License} ({@link PersonalizedArchive}), registers it ({@code transfers-copy-create}), encrypts and
 * uploads it under a fresh key, and grants that key to the buyer.
 *
 * <p>Safe to run again after a crash at any step: the license is derived from the transfer alone (its id names the
 * license, the moment its payment was confirmed dates it), so the copy comes out byte for byte the same and registering it again
 * returns the same copy; an interrupted upload resumes from its state file; a copy already published is granted
 * with the key kept in the keyring. Plaintext and keys stay in {@code workDirectory} (owner-only) only while the
 * copy is made, and are deleted afterwards.
 */
public final class PersonalizedGrant {
  private final SignedHttp http;
  private final ProductKeyring keyring;
  private final Path workDirectory;
  private final TransferOptions options;
  private final String terms;

  /**
   * @param workDirectory where the plaintext, the copy and the upload state live while a copy is made (created
   *     owner-only if missing)
   * @param terms the license terms written into every copy, e.g. {@link License#defaultTerms()}
   */
  public PersonalizedGrant(SignedHttp http, ProductKeyring keyring, Path workDirectory, TransferOptions options,
      String terms) {
    this.http = http;
    this.keyring = keyring;
    this.workDirectory = workDirectory;
    this.options = options;
    this.terms = terms;
  }

  /** What was delivered: the copy's product and license, and the buyer's ticket. */
  public record Granted(String copyProductId, License license, Ticket ticket) {}

  /**
   * @param transferId a {@code paid} transfer of one of this Ailock's products
   * @param listener progress of the read-back and of the copy's upload
   * @throws ai.ailock.distribution.client.http.DistributionApiException if the service refused a step
   *     ({@code copy_locked} once delivered, {@code copy_conflict} if another copy was registered for the transfer)
   * @throws IllegalStateException if the transfer is not {@code paid}
   */
  public Granted grant(String transferId, TransferListener listener) throws IOException, GeneralSecurityException {
    TransferInfo transfer = new Commerce(http).transfer(transferId);
    if (!"paid".equals(transfer.state())) {
      throw new IllegalStateException("transfer " + transferId + " is " + transfer.state() + ", not paid");
    }
    Path work = workDirectory.resolve("copy-" + transferId);
    PrivateFiles.createDirectories(work.resolve("copy"));
    Path source = work.resolve("source");
    Path state = work.resolve("upload.json");
    DownloadResult original = readBack(transfer, source, listener);
    String fileName = original.file().getFileName().toString(); // as the downloader sanitised it
    License license = license(transfer, titleOf(new Commerce(http).product(transfer.productId()).title()));
    Path copy;
    if (Files.exists(state)) {
      copy = Objects.requireNonNull(uploadedFile(work, fileName), "the copy being uploaded is gone: " + work);
    } else {
      Path written = work.resolve("copy.part");
      PersonalizedArchive.Result result = PersonalizedArchive.write(original.file(), fileName, license, written);
      copy = work.resolve("copy").resolve(result.kind() == PersonalizedArchive.Kind.AUGMENTED ? fileName
          : fileName + ".zip");
      Files.move(written, copy, StandardCopyOption.REPLACE_EXISTING);
    }
    JsonNode registered = register(transfer, license, Files.size(copy));
    String copyProductId = registered.path("product_id").asString();
    byte[] inputKey;
    if ("ready".equals(registered.path("status").asString())) {
      inputKey = keyring.latestInputKey(copyProductId);
    } else {
      var uploader = new Uploader(new HttpUploadService(http), http.keys(), keyring, options);
      UploadResult uploaded = Files.exists(state) ? uploader.resume(state, listener)
          : uploader.upload(copy, new ProductDraft(fileName, PersonalizedArchive.CONTENT_TYPE,
              null, new ProductDraft.CopyFor(transferId, license.fingerprint())), state, listener);
      inputKey = keyring.inputKey(uploaded.productId(), uploaded.version()).orElseThrow(() ->
          new InvalidKeyException("the copy's key is missing from the keyring"));
    }
    try {
      Ticket ticket = new Delivery(http).grant(transferId, inputKey);
      delete(work);
      return new Granted(copyProductId, license, ticket);
    } finally {
      Arrays.fill(inputKey, (byte) 0);
    }
  }

  /**
   * The buyer receives the copy under the product's own name when it was a ZIP archive (augmented), else under that
   * name plus {@code .zip} (wrapped). @return the one of the two an interrupted upload was reading, or null
   */
  private static @Nullable Path uploadedFile(Path work, String fileName) {
    for (Path candidate : new Path[] {work.resolve("copy").resolve(fileName),
        work.resolve("copy").resolve(fileName + ".zip")}) {
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private DownloadResult readBack(TransferInfo transfer, Path into, TransferListener listener)
      throws IOException, GeneralSecurityException {
    var source = new OwnerContentSource(http, transfer.productId());
    byte[] signer = new HttpIdentities(http).signerOf(transfer.seller(), source.manifest()).ed25519PublicKey();
    var request = new DownloadRequest(transfer.productId(), signer,
        (product, version) -> keyring.inputKey(product, version).orElseThrow(() -> new InvalidKeyException(
            "no key for product " + product + " v" + version + " in this Ailock's keyring")),
        into, true);
    return new Downloader(options).download(source, request, listener);
  }

  /** @return the product's title as a license may carry it: control characters (which it refuses) become spaces */
  static String titleOf(String productTitle) {
    StringBuilder title = new StringBuilder(productTitle.length());
    productTitle.codePoints().forEach(c -> title.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return title.toString();
  }

  /** The transfer's license: the same every time for the same transfer, so a retry makes the same copy. */
  private License license(TransferInfo transfer, String title) {
    JsonNode payment = transfer.json().path("payment");
    // the payment's last change is when it was paid, and stays so while the transfer waits for its copy
    Instant paidAt = Instant.parse(payment.path("updated_at").asString(transfer.json().path("updated_at").asString()));
    AilockKeys seller = http.keys();
    return License.sign(UUID.nameUUIDFromBytes(("ailock-license-v1:" + transfer.transferId())
            .getBytes(StandardCharsets.UTF_8)), transfer.productId(), transfer.transferId(), transfer.recipient(),
        transfer.seller(), title, paidAt, payment.path("session_id").asString(""), terms, seller);
  }

  private JsonNode register(TransferInfo transfer, License license, long size) {
    var body = WireJson.mapper().createObjectNode();
    body.put("transfer_id", transfer.transferId());
    body.put("content_type", PersonalizedArchive.CONTENT_TYPE);
    body.put("size", size);
    body.put("license_fingerprint", license.fingerprint());
    return http.postJson("transfers-copy-create", body);
  }

  private static void delete(Path directory) throws IOException {
    try (var paths = Files.walk(directory)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
