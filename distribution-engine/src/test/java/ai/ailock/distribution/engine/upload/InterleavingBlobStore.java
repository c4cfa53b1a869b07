package ai.ailock.distribution.engine.upload;

import ai.ailock.distribution.engine.blob.BlobKey;
import ai.ailock.distribution.engine.blob.BlobStore;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Forwards to another store, but runs a given step just before the next {@code put} reaches it: a deterministic
 * way to let a competing request overtake the one being stored.
 */
final class InterleavingBlobStore implements BlobStore {
  private final BlobStore delegate;
  private final AtomicReference<Runnable> beforeNextPut = new AtomicReference<>();

  InterleavingBlobStore(BlobStore delegate) {
    this.delegate = delegate;
  }

  void beforeNextPut(Runnable step) {
    beforeNextPut.set(step);
  }

  @Override
  public String type() {
    return delegate.type();
  }

  @Override
  public void put(BlobKey key, InputStream content, long length) {
    Runnable step = beforeNextPut.getAndSet(null);
    if (step != null) {
      step.run();
    }
    delegate.put(key, content, length);
  }

  @Override
  public Optional<InputStream> open(BlobKey key, long offset, long length) {
    return delegate.open(key, offset, length);
  }

  @Override
  public Optional<InputStream> open(BlobKey key) {
    return delegate.open(key);
  }

  @Override
  public Optional<Long> size(BlobKey key) {
    return delegate.size(key);
  }

  @Override
  public void delete(BlobKey key) {
    delegate.delete(key);
  }

  @Override
  public void deleteAll(BlobKey prefix) {
    delegate.deleteAll(prefix);
  }
}
