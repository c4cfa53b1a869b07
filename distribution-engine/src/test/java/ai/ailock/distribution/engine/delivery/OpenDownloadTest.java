package ai.ailock.distribution.engine.delivery;

import static ai.ailock.distribution.engine.fixtures.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.download.ByteRange;
import ai.ailock.distribution.engine.fixtures.DeliveryFixture;
import ai.ailock.distribution.engine.fixtures.Ed25519TestKeys;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.transfer.Transfer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class OpenDownloadTest {
  static final long FOUR_CHUNKS = 200_000; // 64 KiB transport chunks

  final DeliveryFixture fixture = new DeliveryFixture();

  @Test
  void redeemsAClaimOnceIntoOneSession() {
    DeliveryTicket ticket = fixture.delivered(DeliveryFixture.policy(1, List.of()));

    OpenDownload.Opened opened = fixture.open(ticket);

    assertThat(opened.session().chunkCount()).isEqualTo(1);
    assertThat(opened.manifestSha256()).isEqualTo(ticket.manifestSha256());
    assertThat(opened.downloadsCompleted()).isZero();
    assertRefused(() -> fixture.open(ticket), ErrorCode.CLAIM_ALREADY_USED);
    assertThat(fixture.ports().sessions().ofTransfer(ticket.transfer().id())).hasSize(1);
  }

  @Test
  void refusesAnExpiredClaim() {
    DeliveryTicket ticket = fixture.delivered(DeliveryFixture.policy(1, List.of()));
    fixture.engine().clock().advance(Duration.ofMinutes(10));

    assertRefused(() -> fixture.open(ticket), ErrorCode.CLAIM_EXPIRED);
  }

  @Test
  void refusesATokenPresentedByAnotherAilock() {
    DeliveryTicket ticket = fixture.delivered(DeliveryFixture.policy(1, List.of()));
    Caller stranger = fixture.stranger();

    assertRefused(() -> fixture.openDownload().open(stranger, ticket.transfer().id(), ticket.claimToken()),
        ErrorCode.WRONG_RECIPIENT);
  }

  @Test
  void refusesATokenBoundToAnotherKeyThanTheRequestsSigner() {
    DeliveryTicket ticket = fixture.delivered(DeliveryFixture.policy(1, List.of()));
    ClaimToken real = fixture.tokens().read(ticket.claimToken());
    String boundElsewhere = fixture.tokens().forge(new ClaimToken(real.jti(), real.transfer(), real.subject(),
        KeyThumbprint.of(Ed25519TestKeys.generate().publicKey()), real.issuedAt(), real.expiresAt()));

    assertRefused(() -> fixture.openDownload().open(fixture.buyer(), ticket.transfer().id(), boundElsewhere),
        ErrorCode.WRONG_RECIPIENT);
  }

  @Test
  void refusesTokensItDidNotIssueOrForAnotherTransfer() {
    DeliveryTicket ticket = fixture.delivered(DeliveryFixture.policy(1, List.of()));
    ClaimToken real = fixture.tokens().read(ticket.claimToken());
    String neverIssued = fixture.tokens().forge(new ClaimToken(UUID.randomUUID(), real.transfer(), real.subject(),
        real.keyThumbprint(), real.issuedAt(), real.expiresAt()));
    String sameJtiOtherBytes = fixture.tokens().forge(real);
    Transfer other = fixture.paid();

    assertRefused(() -> fixture.openDownload().open(fixture.buyer(), ticket.transfer().id(), "garbage"),
        ErrorCode.CLAIM_INVALID);
    assertRefused(() -> fixture.openDownload().open(fixture.buyer(), ticket.transfer().id(), neverIssued),
        ErrorCode.CLAIM_INVALID);
    assertRefused(() -> fixture.openDownload().open(fixture.buyer(), ticket.transfer().id(), sameJtiOtherBytes),
        ErrorCode.CLAIM_INVALID);
    assertRefused(() -> fixture.openDownload().open(fixture.buyer(), other.id(), ticket.claimToken()),
        ErrorCode.CLAIM_INVALID);
  }

  @Test
  void retriesRangesAndResumedChunksInsideASessionCountOnce() {
    DeliveryTicket first = fixture.delivered(DeliveryFixture.policy(2, List.of()));
    Transfer transfer = first.transfer();
    fixture.open(first);
    fixture.fetch(first, 0, new ByteRange(0, 999));
    fixture.fetch(first, 0, new ByteRange(1000, Long.MAX_VALUE - 1)); // resumed
    fixture.fetch(first, 0, null); // retried

    DeliveryTicket second = fixture.issueTicket().ticket(fixture.buyer(), transfer.id());
    OpenDownload.Opened opened = fixture.open(second);
    assertThat(opened.downloadsCompleted()).isEqualTo(1);
    assertThat(fixture.ports().sessions().ofTransfer(transfer.id()).get(0).completedBy()).isEqualTo("chunks");

    DeliveryTicket third = fixture.issueTicket().ticket(fixture.buyer(), transfer.id());
    assertRefused(() -> fixture.open(third), ErrorCode.DOWNLOAD_LIMIT_REACHED);
  }

  @Test
  void aSessionCompletesOnlyWhenEveryChunkWasServed() {
    Transfer paid = fixture.paid(DeliveryFixture.policy(1, List.of()), FOUR_CHUNKS);
    DeliveryTicket ticket = fixture.granted(paid);
    OpenDownload.Opened opened = fixture.open(ticket);
    assertThat(opened.session().chunkCount()).isEqualTo(4);

    fixture.fetch(ticket, 0, null);
    fixture.fetch(ticket, 1, null);
    fixture.fetch(ticket, 1, null);
    fixture.fetch(ticket, 2, new ByteRange(5, 6));
    assertThat(fixture.ports().sessions().byClaim(tokenJti(ticket)).orElseThrow().completed()).isFalse();
    fixture.fetch(ticket, 3, null);

    DownloadSession session = fixture.ports().sessions().byClaim(tokenJti(ticket)).orElseThrow();
    assertThat(session.completed()).isTrue();
    assertThat(fixture.engine().audit().entries("delivery.download_completed")).hasSize(1);
    assertThat(fixture.engine().audit().entries("delivery.chunk_served")).hasSize(5);
  }

  @Test
  void aRunningSessionHoldsABudgetUnitUntilItExpires() {
    DeliveryTicket first = fixture.delivered(DeliveryFixture.policy(1, List.of()));
    fixture.open(first);
    DeliveryTicket second = fixture.issueTicket().ticket(fixture.buyer(), first.transfer().id());
    assertRefused(() -> fixture.open(second), ErrorCode.DOWNLOAD_LIMIT_REACHED);

    fixture.engine().clock().advance(Duration.ofHours(6));
    assertRefused(() -> fixture.fetch(first, 0, null), ErrorCode.SESSION_EXPIRED);
    DeliveryTicket third = fixture.issueTicket().ticket(fixture.buyer(), first.transfer().id());
    assertThat(fixture.open(third).downloadsCompleted()).isZero();
  }

  @Test
  void chunksNeedARedeemedClaim() {
    DeliveryTicket ticket = fixture.delivered(DeliveryFixture.policy(1, List.of()));
    assertRefused(() -> fixture.fetch(ticket, 0, null), ErrorCode.CLAIM_NOT_REDEEMED);
  }

  @Test
  void fiftyConcurrentRedemptionsOfOneClaimOpenExactlyOneSession() throws Exception {
    DeliveryTicket ticket = fixture.delivered(DeliveryFixture.policy(5, List.of()));
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      List<Callable<Boolean>> attempts = java.util.stream.IntStream.range(0, 50).<Callable<Boolean>>mapToObj(i -> () -> {
        try {
          fixture.open(ticket);
          return true;
        } catch (ai.ailock.distribution.engine.DistributionException e) {
          return false;
        }
      }).toList();
      long opened = 0;
      for (Future<Boolean> f : pool.invokeAll(attempts)) {
        opened += f.get() ? 1 : 0;
      }
      assertThat(opened).isEqualTo(1);
      assertThat(fixture.ports().sessions().ofTransfer(ticket.transfer().id())).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  private UUID tokenJti(DeliveryTicket ticket) {
    return fixture.tokens().read(ticket.claimToken()).jti();
  }
}
