package ai.ailock.distribution.storage.blob;

import java.io.InputStream;
import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * Hands the SDK a put's one-shot content, once. Asked again (a client configured to hash the payload before
 * sending it, or to retry), it fails instead of sending a stream that is already partly or wholly read.
 * Thread-safe.
 */
final class SingleUseContentProvider implements ContentStreamProvider {
  private final InputStream content;
  private boolean handedOut;

  SingleUseContentProvider(InputStream content) {
    this.content = content;
  }

  @Override
  public synchronized InputStream newStream() {
    if (handedOut) {
      throw new IllegalStateException("a blob's content stream can be read only once; retry the whole put");
    }
    handedOut = true;
    return content;
  }

  @Override
  public String name() {
    return "SingleUse";
  }
}
