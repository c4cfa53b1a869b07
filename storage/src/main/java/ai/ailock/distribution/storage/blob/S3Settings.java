package ai.ailock.distribution.storage.blob;

import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where and how {@link S3BlobStore#create(S3Settings)} reaches an S3-compatible store.
 *
 * <ul>
 *   <li>AWS S3: bucket and region; credentials from the default chain (environment, profile, instance role)
 *       unless given here.
 *   <li>MinIO, s3proxy: also an {@code endpoint} such as {@code http://127.0.0.1:9000} and path-style access.
 *   <li>Cloudflare R2: endpoint {@code https://<account>.r2.cloudflarestorage.com}, region {@code auto}.
 * </ul>
 *
 * @param bucket the bucket; must exist
 * @param region the signing region, {@code us-east-1} by default
 * @param endpoint the service endpoint, or {@code null} for AWS's own
 * @param pathStyleAccess address the bucket in the path ({@code host/bucket/key}) instead of the host name
 * @param keyPrefix prepended to every blob key ({@code ""} for none); a missing trailing {@code /} is added
 * @param accessKeyId static access key id, or {@code null} for the default credentials chain
 * @param secretAccessKey static secret, given exactly when {@code accessKeyId} is; never printed
 * @param maxConnections size of the HTTP connection pool
 */
public record S3Settings(
    String bucket,
    String region,
    @Nullable URI endpoint,
    boolean pathStyleAccess,
    String keyPrefix,
    @Nullable String accessKeyId,
    @Nullable String secretAccessKey,
    int maxConnections) {

  public S3Settings {
    requireText(bucket, "bucket");
    requireText(region, "region");
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    if ((accessKeyId == null) != (secretAccessKey == null)) {
      throw new IllegalArgumentException("give both accessKeyId and secretAccessKey, or neither");
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be positive: " + maxConnections);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** @return whether static credentials are set; otherwise the default chain is used */
  public boolean hasStaticCredentials() {
    return accessKeyId != null;
  }

  @Override
  public String toString() {
    return "S3Settings[bucket=" + bucket + ", region=" + region + ", endpoint=" + endpoint
        + ", pathStyleAccess=" + pathStyleAccess + ", keyPrefix=" + keyPrefix
        + ", accessKeyId=" + accessKeyId + ", secretAccessKey=" + (secretAccessKey == null ? null : "***")
        + ", maxConnections=" + maxConnections + "]";
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  /** Builds {@link S3Settings}; only the bucket is required. */
  public static final class Builder {
    private @Nullable String bucket;
    private String region = "us-east-1";
    private @Nullable URI endpoint;
    private boolean pathStyleAccess;
    private String keyPrefix = "";
    private @Nullable String accessKeyId;
    private @Nullable String secretAccessKey;
    private int maxConnections = 64;

    private Builder() {}

    public Builder bucket(String bucket) {
      this.bucket = bucket;
      return this;
    }

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    public Builder endpoint(@Nullable URI endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    public Builder pathStyleAccess(boolean pathStyleAccess) {
      this.pathStyleAccess = pathStyleAccess;
      return this;
    }

    public Builder keyPrefix(String keyPrefix) {
      this.keyPrefix = keyPrefix;
      return this;
    }

    public Builder credentials(String accessKeyId, String secretAccessKey) {
      this.accessKeyId = Objects.requireNonNull(accessKeyId, "accessKeyId");
      this.secretAccessKey = Objects.requireNonNull(secretAccessKey, "secretAccessKey");
      return this;
    }

    public Builder maxConnections(int maxConnections) {
      this.maxConnections = maxConnections;
      return this;
    }

    public S3Settings build() {
      return new S3Settings(Objects.requireNonNull(bucket, "bucket"), region, endpoint, pathStyleAccess, keyPrefix,
          accessKeyId, secretAccessKey, maxConnections);
    }
  }
}
