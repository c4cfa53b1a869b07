package ai.ailock.distribution.engine.delivery;

import ai.ailock.distribution.engine.transfer.TransferId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Download sessions and the chunks each has served. Implementations are thread-safe. */
public interface DownloadSessions {

  void open(DownloadSession session);

  Optional<DownloadSession> byClaim(UUID claimJti);

  /** @return the transfer's sessions, oldest first */
  List<DownloadSession> ofTransfer(TransferId transfer);

  /**
   * Records that chunk {@code index} is being served ({@code bytes} of it) in the session.
   *
   * @return how many distinct chunks the session has served, this one included
   */
  int markServed(UUID session, int index, long bytes, Instant at);

  /**
   * Completes the session if it is not completed yet.
   *
   * @param by {@link DownloadSession#BY_CHUNKS} or {@link DownloadSession#BY_RECEIPT}
   * @return true for the one call that completed it
   */
  boolean complete(UUID session, Instant at, String by);

  /** Revokes the transfer's sessions not revoked yet. @return how many */
  int revokeAll(TransferId transfer, Instant at);
}
