package ai.ailock.distribution.server.config;

import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.product.ContentTypePolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every setting of the module, under {@code ailock.distribution.*} (environment: {@code AILOCK_DISTRIBUTION_*}).
 * The defaults are the single-node setup: embedded PostgreSQL and blobs on disk under {@code data-dir}.
 */
@ConfigurationProperties("ailock.distribution")
public record DistributionProperties(
    @DefaultValue("/.netlify/functions") String basePath,
    @DefaultValue("./data") Path dataDir,
    @DefaultValue Database database,
    @DefaultValue Blobs blobs,
    @DefaultValue Limits limits,
    @DefaultValue Auth auth,
    @DefaultValue Housekeeping housekeeping,
    @DefaultValue Content content) {

  /** {@code embedded}: PostgreSQL 15 started in-process under {@code data-dir/postgres}; {@code external}: {@code spring.datasource.*}. */
  public record Database(@DefaultValue("embedded") String mode, @DefaultValue("0") int embeddedPort) {
    public boolean embedded() {
      return "embedded".equals(mode);
    }
  }

  /** {@code filesystem} (under {@code data-dir/blobs} unless {@code root} is set) or {@code s3}. */
  public record Blobs(@DefaultValue("filesystem") String type, @Nullable Path root, @DefaultValue S3 s3) {}

  /** An S3-compatible store: AWS S3, MinIO (endpoint + path style) or Cloudflare R2 (endpoint, region {@code auto}). */
  public record S3(@Nullable String bucket, @DefaultValue("us-east-1") String region, @Nullable URI endpoint,
      @DefaultValue("false") boolean pathStyleAccess, @DefaultValue("") String keyPrefix,
      @Nullable String accessKeyId, @Nullable String secretAccessKey, @DefaultValue("64") int maxConnections) {}

  public record Limits(@DefaultValue("200MB") DataSize maxProductSize, @DefaultValue("4MB") DataSize maxChunkSize,
      @DefaultValue("24h") Duration uploadSessionTtl, @DefaultValue("2MB") DataSize maxJsonSize) {}

  /** Signed requests are accepted within {@code replay-window} of their {@code created} time. */
  public record Auth(@DefaultValue("5m") Duration replayWindow) {}

  public record Housekeeping(@DefaultValue("1m") Duration interval, @DefaultValue("100") int batch) {}

  /**
   * The declared content types products may have: {@code allowed-types} (empty: all) and {@code denied-types}
   * (unset: native executables, installers and shell scripts), each an exact type or a family such as {@code video/*};
   * and the Ailock ids of the {@code reviewers} who may list and clear content reports (unset: nobody, and a
   * quarantine lasts until the product expires).
   */
  public record Content(@Nullable List<String> allowedTypes, @Nullable List<String> deniedTypes,
      @Nullable List<String> reviewers) {
    public ContentTypePolicy policy() {
      return new ContentTypePolicy(allowedTypes != null ? allowedTypes : List.of(),
          deniedTypes != null ? deniedTypes : ContentTypePolicy.EXECUTABLES);
    }

    public Set<AilockId> reviewerIds() {
      return reviewers == null ? Set.of() : reviewers.stream().map(String::strip).filter(id -> !id.isEmpty())
          .map(AilockId::new).collect(Collectors.toUnmodifiableSet());
    }
  }
}
