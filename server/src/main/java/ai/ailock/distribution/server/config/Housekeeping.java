package ai.ailock.distribution.server.config;

import ai.ailock.distribution.engine.identity.Identities;
import ai.ailock.distribution.engine.ratelimit.Throttle;
import ai.ailock.distribution.engine.upload.ExpireUploads;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Periodic sweeps, safe on every instance at once: expired upload sessions (and their blobs), request nonces
 * past their replay window, and rate-limit buckets that have refilled.
 */
class Housekeeping {
  private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

  private final ExpireUploads expireUploads;
  private final Identities identities;
  private final Throttle throttle;
  private final Clock clock;
  private final int batch;

  Housekeeping(ExpireUploads expireUploads, Identities identities, Throttle throttle, Clock clock, int batch) {
    this.expireUploads = expireUploads;
    this.identities = identities;
    this.throttle = throttle;
    this.clock = clock;
    this.batch = batch;
  }

  @Scheduled(fixedDelayString = "${ailock.distribution.housekeeping.interval:1m}",
      initialDelayString = "${ailock.distribution.housekeeping.interval:1m}")
  void sweep() {
    try {
      int expired;
      int total = 0;
      do {
        expired = expireUploads.sweep(batch);
        total += expired;
      } while (expired == batch);
      int nonces = identities.forgetNoncesBefore(clock.instant());
      int buckets = throttle.forgetFullBuckets();
      if (total > 0 || nonces > 0 || buckets > 0) {
        log.info("housekeeping: expired {} upload sessions, forgot {} request nonces and {} full rate-limit buckets",
            total, nonces, buckets);
      }
    } catch (RuntimeException e) {
      log.warn("housekeeping sweep failed; it runs again at the next interval", e);
    }
  }
}
