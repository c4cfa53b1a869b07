package ai.ailock.distribution.client.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.client.http.DistributionApiException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryTest {
  private static DistributionApiException refused(int status, String code, Duration retryAfter) {
    return new DistributionApiException(status, code, "refused", List.of(), retryAfter);
  }

  @Test
  void aRateLimitIsWaitedOutForAsLongAsTheServiceAsks() throws Exception {
    var retry = new Retry(3, Duration.ofMillis(1));
    var attempts = new AtomicInteger();
    long started = System.nanoTime();

    String answer = retry.call(() -> {
      if (attempts.incrementAndGet() == 1) {
        throw refused(429, "rate_limited", Duration.ofSeconds(1));
      }
      return "ticket";
    });

    assertThat(answer).isEqualTo("ticket");
    assertThat(attempts).hasValue(2);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("not retried before Retry-After")
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aRateLimitAskingForMoreThanTheLongestWaitFailsAtOnce() {
    var retry = new Retry(5, Duration.ofMillis(1));
    var attempts = new AtomicInteger();

    assertThatThrownBy(() -> retry.call(() -> {
      attempts.incrementAndGet();
      throw refused(429, "rate_limited", Retry.LONGEST_WAIT.plusSeconds(1));
    })).isInstanceOfSatisfying(DistributionApiException.class,
        e -> assertThat(e.retryAfter()).hasValue(Retry.LONGEST_WAIT.plusSeconds(1)));
    assertThat(attempts).hasValue(1);
  }

  @Test
  void refusalsAreFinalAndTransportErrorsAreRetriedUpToTheLimit() {
    var retry = new Retry(3, Duration.ofMillis(1));
    var conflicts = new AtomicInteger();
    var drops = new AtomicInteger();

    assertThatThrownBy(() -> retry.call(() -> {
      conflicts.incrementAndGet();
      throw refused(409, "chunk_conflict", null);
    })).isInstanceOf(DistributionApiException.class);
    assertThatThrownBy(() -> retry.call(() -> {
      drops.incrementAndGet();
      throw new IOException("connection reset");
    })).isInstanceOf(IOException.class);

    assertThat(conflicts).hasValue(1);
    assertThat(drops).hasValue(3);
  }

  @Test
  void theWaitIsTheLongerOfTheBackoffAndWhatTheServiceAsked() {
    Duration backoff = Duration.ofMillis(500);

    assertThat(Retry.waitBefore(refused(429, "rate_limited", Duration.ofSeconds(3)), backoff))
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(Retry.waitBefore(refused(503, "storage_unavailable", Duration.ZERO), backoff)).isEqualTo(backoff);
    assertThat(Retry.waitBefore(new IOException("reset"), backoff)).isEqualTo(backoff);
  }
}
