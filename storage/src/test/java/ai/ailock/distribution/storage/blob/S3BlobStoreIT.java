package ai.ailock.distribution.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.blob.BlobKey;
import ai.ailock.distribution.engine.blob.BlobStore;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The blob store contract against a real S3-compatible server (s3proxy, filesystem backend). */
class S3BlobStoreIT extends BlobStoreContract {
  private static final int LISTING_PAGE_SIZE = 50;

  private static S3ProxyServer server;

  private S3BlobStore store;

  @BeforeAll
  static void startServer() {
    server = S3ProxyServer.start();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void createStore() {
    // every test gets its own key prefix, so it starts with an empty store; small listing pages make paging cheap
    S3Settings settings = server.settings("test-" + UUID.randomUUID());
    store = new S3BlobStore(S3BlobStore.newClient(settings), settings.bucket(), settings.keyPrefix(), true,
        LISTING_PAGE_SIZE);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Override
  protected BlobStore store() {
    return store;
  }

  @Override
  protected int listingPageSize() {
    return LISTING_PAGE_SIZE;
  }

  @Test
  void reachesTheServerThroughSettingsAlone() {
    // given
    try (S3BlobStore created = S3BlobStore.create(server.settings("created-" + UUID.randomUUID()))) {

      // when
      created.put(new BlobKey("k"), GeneratedContent.of(1, 10).stream(), 10);

      // then
      assertThat(created.size(new BlobKey("k"))).contains(10L);
    }
  }

  @Test
  void namesItsTypeS3() {
    assertThat(store.type()).isEqualTo("s3");
  }

  @Test
  void keepsStoresWithDifferentKeyPrefixesApart() {
    // given
    BlobKey key = new BlobKey("shared/name");
    try (S3BlobStore neighbour = S3BlobStore.create(server.settings("neighbour-" + UUID.randomUUID()))) {
      neighbour.put(key, GeneratedContent.of(1, 10).stream(), 10);

      // when
      store.put(key, GeneratedContent.of(2, 20).stream(), 20);
      store.deleteAll(new BlobKey("shared"));

      // then
      assertThat(store.size(key)).isEmpty();
      assertThat(neighbour.size(key)).contains(10L);
    }
  }
}
