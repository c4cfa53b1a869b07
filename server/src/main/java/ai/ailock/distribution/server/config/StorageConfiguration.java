package ai.ailock.distribution.server.config;

import ai.ailock.distribution.engine.blob.BlobStore;
import ai.ailock.distribution.storage.blob.FileSystemBlobStore;
import ai.ailock.distribution.storage.blob.S3BlobStore;
import ai.ailock.distribution.storage.blob.S3Settings;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The blob store named by {@code ailock.distribution.blobs.type}. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

  @Bean
  @ConditionalOnMissingBean
  BlobStore blobStore(DistributionProperties properties) {
    DistributionProperties.Blobs blobs = properties.blobs();
    return switch (blobs.type()) {
      case "filesystem" -> new FileSystemBlobStore(
          blobs.root() != null ? blobs.root() : properties.dataDir().resolve("blobs"));
      case "s3" -> S3BlobStore.create(s3Settings(blobs.s3()));
      default -> throw new IllegalStateException("ailock.distribution.blobs.type must be filesystem or s3");
    };
  }

  private static S3Settings s3Settings(DistributionProperties.S3 s3) {
    if (s3.bucket() == null) {
      throw new IllegalStateException("ailock.distribution.blobs.s3.bucket is required for the s3 blob store");
    }
    return new S3Settings(s3.bucket(), s3.region(), s3.endpoint(), s3.pathStyleAccess(), s3.keyPrefix(),
        s3.accessKeyId(), s3.secretAccessKey(), s3.maxConnections());
  }

  static Path postgresDirectory(DistributionProperties properties) {
    return properties.dataDir().resolve("postgres");
  }
}
