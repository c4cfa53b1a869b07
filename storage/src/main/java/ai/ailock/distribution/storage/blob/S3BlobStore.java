package ai.ailock.distribution.storage.blob;

import ai.ailock.distribution.engine.blob.BlobAlreadyExistsException;
import ai.ailock.distribution.engine.blob.BlobKey;
import ai.ailock.distribution.engine.blob.BlobStore;
import ai.ailock.distribution.engine.blob.BlobStoreException;
import ai.ailock.distribution.storage.blob.ExactLengthInputStream.ContentStreamFailure;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@link BlobStore} on S3 or an S3-compatible service (MinIO, Cloudflare R2), through aws-sdk-java-v2.
 *
 * <p>Objects live at {@code keyPrefix + key}. {@link #put} is a single streamed {@code PutObject} with
 * {@code If-None-Match: *}, so the service itself refuses to overwrite (HTTP 412 becomes
 * {@link BlobAlreadyExistsException}). The body is never buffered: a content stream that fails, ends early or
 * runs long aborts the request mid-body, so no object appears. Such a body cannot be replayed, so the SDK does not
 * retry puts (other operations keep its retries): a put that fails reports the first failure, and the caller
 * retries the whole put. A 409 (another conditional write of the key in flight) is a plain
 * {@link BlobStoreException}, since that other write may still fail.
 *
 * <p>Thread-safe. A store made by {@link #create(S3Settings)} owns its client and closes it in {@link #close()};
 * one given a client leaves it open.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {
  private static final String CONTENT_TYPE = "application/octet-stream";
  /** S3's limit for one listing page and one DeleteObjects request. */
  private static final int MAX_LIST_PAGE_SIZE = 1000;
  /** A put's body is read once: a retry could not resend it, and would hide the failure that caused it. */
  private static final SdkPlugin NO_RETRIES =
      config -> config.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));

  private final S3Client client;
  private final String bucket;
  private final String keyPrefix;
  private final boolean ownsClient;
  private final int listPageSize;

  /**
   * @param client the client to use; not closed by this store
   * @param bucket an existing bucket
   * @param keyPrefix prepended to every key ({@code ""} for none); a missing trailing {@code /} is added
   */
  public S3BlobStore(S3Client client, String bucket, String keyPrefix) {
    this(client, bucket, keyPrefix, false, MAX_LIST_PAGE_SIZE);
  }

  /** @param listPageSize keys per listing page in {@link #deleteAll}, at most 1000; smaller only in tests */
  S3BlobStore(S3Client client, String bucket, String keyPrefix, boolean ownsClient, int listPageSize) {
    if (listPageSize < 1 || listPageSize > MAX_LIST_PAGE_SIZE) {
      throw new IllegalArgumentException("listPageSize must be 1-" + MAX_LIST_PAGE_SIZE + ": " + listPageSize);
    }
    this.client = Objects.requireNonNull(client, "client");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.keyPrefix = normalisePrefix(keyPrefix);
    this.ownsClient = ownsClient;
    this.listPageSize = listPageSize;
  }

  /** Builds a client for {@code settings} (see {@link #newClient}) and a store that owns it. */
  public static S3BlobStore create(S3Settings settings) {
    return new S3BlobStore(newClient(settings), settings.bucket(), settings.keyPrefix(), true, MAX_LIST_PAGE_SIZE);
  }

  /**
   * Builds the client {@link #create} uses: Apache HttpClient 5, checksums only where an operation requires one.
   * The caller closes it.
   */
  public static S3Client newClient(S3Settings settings) {
    S3ClientBuilder builder = S3Client.builder()
        .region(Region.of(settings.region()))
        .forcePathStyle(settings.pathStyleAccess())
        // the SDK's default CRC trailers (aws-chunked) are not understood by every S3-compatible service;
        // transport chunks carry their own SHA-256, checked by the service before they reach the store
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClientBuilder(Apache5HttpClient.builder().maxConnections(settings.maxConnections()));
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
    if (settings.hasStaticCredentials()) {
      builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
          Objects.requireNonNull(settings.accessKeyId()), Objects.requireNonNull(settings.secretAccessKey()))));
    }
    return builder.build();
  }

  @Override
  public String type() {
    return "s3";
  }

  @Override
  public void put(BlobKey key, InputStream content, long length) {
    ExactLengthInputStream body = new ExactLengthInputStream(content, length);
    try {
      if (length == 0) {
        body.requireEmptyWhenZeroLength();
        putEmpty(key);
      } else {
        PutObjectRequest request = request(key, length).toBuilder()
            .overrideConfiguration(o -> o.addPlugin(NO_RETRIES))
            .build();
        client.putObject(request,
            RequestBody.fromContentProvider(new SingleUseContentProvider(body), length, CONTENT_TYPE));
      }
    } catch (ContentStreamFailure e) {
      throw e.toBlobStoreException(key);
    } catch (RuntimeException e) {
      throw translatePutFailure(key, body, e);
    }
    if (body.failure().isPresent()) {
      // cannot happen with a request aborted mid-body; should a client complete one anyway, take the object back
      delete(key);
      throw body.failure().get().toBlobStoreException(key);
    }
  }

  /**
   * Stores an empty object. Its body is repeatable, so the SDK may retry it. {@code Connection: close}, because
   * s3proxy leaves the empty final aws-chunked chunk unread and the next request on that connection fails.
   */
  private void putEmpty(BlobKey key) {
    PutObjectRequest request = request(key, 0).toBuilder()
        .overrideConfiguration(o -> o.putHeader("Connection", "close"))
        .build();
    client.putObject(request, RequestBody.empty());
  }

  private PutObjectRequest request(BlobKey key, long length) {
    return PutObjectRequest.builder()
        .bucket(bucket)
        .key(objectKey(key))
        .ifNoneMatch("*")
        .contentLength(length)
        .contentType(CONTENT_TYPE)
        .build();
  }

  private static RuntimeException translatePutFailure(BlobKey key, ExactLengthInputStream body, RuntimeException e) {
    Optional<ContentStreamFailure> contentFailure = body.failure();
    if (contentFailure.isPresent()) {
      return contentFailure.get().toBlobStoreException(key);
    }
    if (e instanceof S3Exception && ((S3Exception) e).statusCode() == 412) {
      return new BlobAlreadyExistsException(key);
    }
    return new BlobStoreException("cannot put " + key, e);
  }

  @Override
  public Optional<InputStream> open(BlobKey key, long offset, long length) {
    if (offset < 0 || length < 0 || offset > Long.MAX_VALUE - length) {
      throw new IllegalArgumentException("illegal range " + offset + "+" + length);
    }
    if (length == 0) {
      return size(key).map(size -> {
        requireWithin(key, offset, length, size);
        return InputStream.nullInputStream();
      });
    }
    String range = "bytes=" + offset + "-" + (offset + length - 1);
    try {
      ResponseInputStream<GetObjectResponse> in =
          client.getObject(b -> b.bucket(bucket).key(objectKey(key)).range(range));
      Long received = in.response().contentLength();
      if (received == null || received != length) {
        in.abort();
        throw new IllegalArgumentException("range " + offset + "+" + length + " extends past the end of " + key
            + " (" + in.response().contentRange() + ")");
      }
      return Optional.of(in);
    } catch (S3Exception e) {
      if (e.statusCode() == 416) {
        throw new IllegalArgumentException("range " + offset + "+" + length + " starts past the end of " + key, e);
      }
      return notFoundOrFail(e, "cannot open " + key);
    } catch (SdkException e) {
      throw new BlobStoreException("cannot open " + key, e);
    }
  }

  @Override
  public Optional<InputStream> open(BlobKey key) {
    try {
      return Optional.of(client.getObject(b -> b.bucket(bucket).key(objectKey(key))));
    } catch (S3Exception e) {
      return notFoundOrFail(e, "cannot open " + key);
    } catch (SdkException e) {
      throw new BlobStoreException("cannot open " + key, e);
    }
  }

  @Override
  public Optional<Long> size(BlobKey key) {
    try {
      return Optional.of(client.headObject(b -> b.bucket(bucket).key(objectKey(key))).contentLength());
    } catch (S3Exception e) {
      return notFoundOrFail(e, "cannot read the size of " + key);
    } catch (SdkException e) {
      throw new BlobStoreException("cannot read the size of " + key, e);
    }
  }

  @Override
  public void delete(BlobKey key) {
    try {
      client.deleteObject(b -> b.bucket(bucket).key(objectKey(key)));
    } catch (S3Exception e) {
      notFoundOrFail(e, "cannot delete " + key);
    } catch (SdkException e) {
      throw new BlobStoreException("cannot delete " + key, e);
    }
  }

  @Override
  public void deleteAll(BlobKey prefix) {
    String objectPrefix = objectKey(prefix) + "/";
    try {
      for (ListObjectsV2Response page : client.listObjectsV2Paginator(
          b -> b.bucket(bucket).prefix(objectPrefix).maxKeys(listPageSize))) {
        List<ObjectIdentifier> objects =
            page.contents().stream().map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList();
        if (!objects.isEmpty()) {
          DeleteObjectsResponse response =
              client.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(objects).quiet(true)));
          requireDeleted(prefix, response);
        }
      }
    } catch (SdkException e) {
      throw new BlobStoreException("cannot delete the blobs under " + prefix, e);
    }
  }

  /** Closes the client if this store created it. */
  @Override
  public void close() {
    if (ownsClient) {
      client.close();
    }
  }

  @Override
  public String toString() {
    return "S3BlobStore[" + bucket + "/" + keyPrefix + "]";
  }

  private String objectKey(BlobKey key) {
    return keyPrefix + key.value();
  }

  private static void requireWithin(BlobKey key, long offset, long length, long size) {
    if (offset > size - length) {
      throw new IllegalArgumentException(
          "range " + offset + "+" + length + " extends past the end of " + key + " (" + size + " bytes)");
    }
  }

  private static void requireDeleted(BlobKey prefix, DeleteObjectsResponse response) {
    List<S3Error> errors = response.errors().stream().filter(e -> !"NoSuchKey".equals(e.code())).toList();
    if (!errors.isEmpty()) {
      S3Error first = errors.get(0);
      throw new BlobStoreException("cannot delete " + errors.size() + " blobs under " + prefix + ", first "
          + first.key() + ": " + first.code() + " " + first.message());
    }
  }

  private static <T> Optional<T> notFoundOrFail(S3Exception e, String message) {
    if (e.statusCode() == 404) {
      return Optional.empty();
    }
    throw new BlobStoreException(message, e);
  }

  private static String normalisePrefix(String keyPrefix) {
    if (keyPrefix.startsWith("/")) {
      throw new IllegalArgumentException("keyPrefix must not start with '/': " + keyPrefix);
    }
    return keyPrefix.isEmpty() || keyPrefix.endsWith("/") ? keyPrefix : keyPrefix + "/";
  }
}
