package ai.ailock.distribution.server.config;

import ai.ailock.distribution.engine.retention.EnforceRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the retention sweep on every instance at once (rows are leased with {@code FOR UPDATE SKIP LOCKED}). */
class RetentionSweeper {
  private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);

  private final EnforceRetention retention;
  private final int batch;

  RetentionSweeper(EnforceRetention retention, int batch) {
    this.retention = retention;
    this.batch = batch;
  }

  @Scheduled(fixedDelayString = "${ailock.distribution.delivery.retention.interval:5m}",
      initialDelayString = "${ailock.distribution.delivery.retention.interval:5m}")
  void sweep() {
    try {
      EnforceRetention.Swept swept;
      do {
        swept = retention.sweep(batch);
        if (swept.any()) {
          log.info("retention: purged {} products, ended access of {} transfers, deleted the blobs of {} products",
              swept.products(), swept.transfers(), swept.blobSets());
        }
      } while (swept.products() == batch || swept.blobSets() == batch);
    } catch (RuntimeException e) {
      log.warn("retention sweep failed; it runs again at the next interval", e);
    }
  }
}
