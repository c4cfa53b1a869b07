package ai.ailock.distribution.storage.blob;

import java.io.InputStream;
import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * Hands the SDK a put's one-shot content. The SDK asks again for each retry; that works while nothing has been
 * read yet (the connection failed before the body went out), and otherwise fails rather than send a stream
 * positioned mid-way. Thread-safe.
 */
final class SingleUseContentProvider implements ContentStreamProvider {
  private final ExactLengthInputStream content;

  SingleUseContentProvider(ExactLengthInputStream content) {
    this.content = content;
  }

  @Override
  public synchronized InputStream newStream() {
    if (!content.untouched()) {
      throw new IllegalStateException("a blob's content stream cannot be sent twice; retry the whole put");
    }
    return content;
  }

  @Override
  public String name() {
    return "SingleUse";
  }
}
