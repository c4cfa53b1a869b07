package ai.ailock.distribution.schemas;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How an Ailock signs an HTTP request with its Ed25519 key (scheme {@code Ailock-Ed25519}, see docs/api.md).
 *
 * <pre>
 * Authorization: Ailock-Ed25519 key_id=&lt;32 hex&gt;,created=&lt;unix seconds&gt;,nonce=&lt;base64url&gt;,signature=&lt;base64url&gt;
 * X-Content-SHA256: &lt;hex SHA-256 of the body, of the empty string when there is none&gt;
 * </pre>
 *
 * The signature covers the UTF-8 bytes of {@link #stringToSign}: a fixed label, the method, the path, the
 * raw query, the body hash, the time, the nonce and the key id, one per line.
 */
public final class RequestSigning {
  public static final String SCHEME = "Ailock-Ed25519";
  public static final String CONTENT_SHA256_HEADER = "X-Content-SHA256";
  public static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private static final String LABEL = "ailock-request-v1";
  private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
  private static final Pattern SIGNATURE = Pattern.compile("[A-Za-z0-9_-]{86}");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private RequestSigning() {}

  /** The parsed {@code Authorization} header. */
  public record Credentials(String keyId, long created, String nonce, String signature) {
    public String header() {
      return SCHEME + " key_id=" + keyId + ",created=" + created + ",nonce=" + nonce + ",signature=" + signature;
    }
  }

  /** @return the bytes the Ailock signs for this request */
  public static byte[] stringToSign(String method, String path, String rawQuery, String contentSha256,
      long created, String nonce, String keyId) {
    if (!SHA256.matcher(contentSha256).matches()) {
      throw new IllegalArgumentException("content hash must be 64 lowercase hex digits");
    }
    String text = String.join("\n", LABEL, method, path, rawQuery, contentSha256, Long.toString(created), nonce,
        keyId);
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** @return the credentials in an {@code Authorization} header value, or empty if it is not well formed */
  public static Optional<Credentials> parse(String authorization) {
    if (!authorization.startsWith(SCHEME + " ")) {
      return Optional.empty();
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String part : authorization.substring(SCHEME.length() + 1).split(",", -1)) {
      int eq = part.indexOf('=');
      if (eq <= 0 || fields.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim()) != null) {
        return Optional.empty();
      }
    }
    String keyId = fields.getOrDefault("key_id", "");
    String created = fields.getOrDefault("created", "");
    String nonce = fields.getOrDefault("nonce", "");
    String signature = fields.getOrDefault("signature", "");
    if (fields.size() != 4 || !KEY_ID.matcher(keyId).matches() || !created.matches("[0-9]{1,12}")
        || !NONCE.matcher(nonce).matches() || !SIGNATURE.matcher(signature).matches()) {
      return Optional.empty();
    }
    return Optional.of(new Credentials(keyId, Long.parseLong(created), nonce, signature));
  }

  /** @return true if {@code value} is a well-formed content hash */
  public static boolean isContentSha256(String value) {
    return SHA256.matcher(value).matches();
  }
}
