package ai.ailock.distribution.client.inbox;

import java.time.Duration;

/**
 * Where an Ailock's inbox messages come from. {@link HttpMessageSource} long-polls the service's {@code inbox-poll};
 * a broker consumer can implement it the same way (cursor = its offset).
 */
@FunctionalInterface
public interface MessageSource {
  /**
   * Returns the messages after {@code cursor}, waiting up to {@code wait} for one if there is none yet.
   *
   * @throws java.io.UncheckedIOException on a transport failure (the listener retries with back-off)
   * @throws ai.ailock.distribution.client.http.DistributionApiException if the service refused the poll
   */
  InboxPage poll(long cursor, Duration wait);
}
