package ai.ailock.distribution.engine.upload;

import static ai.ailock.distribution.engine.fixtures.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.fixtures.Ciphertext;
import ai.ailock.distribution.engine.fixtures.EngineFixture;
import ai.ailock.distribution.engine.fixtures.RegisteredAilock;
import org.junit.jupiter.api.Test;

class DescribeUploadTest {
  private final EngineFixture engine = EngineFixture.create();
  private final DescribeUpload describeUpload = engine.describeUpload();
  private final RegisteredAilock seller = engine.registeredSeller();
  private final UploadSession session = engine.startedUpload(seller, engine.draftProduct(seller, 250_000)); // 4 chunks
  private final Ciphertext ciphertext = engine.ciphertextFor(session);

  @Test
  void reportsEveryChunkMissingBeforeAnyArrives() {
    DescribeUpload.Progress progress = describeUpload.describe(seller.caller(), session.id());

    assertThat(progress.session()).isEqualTo(session);
    assertThat(progress.held()).isEmpty();
    assertThat(progress.missing()).containsExactly(0, 1, 2, 3);
  }

  @Test
  void reportsTheHeldAndTheMissingChunksInOrder() {
    engine.upload(seller, session, ciphertext, 2);
    engine.upload(seller, session, ciphertext, 0);

    DescribeUpload.Progress progress = describeUpload.describe(seller.caller(), session.id());

    assertThat(progress.held()).containsExactly(0, 2);
    assertThat(progress.missing()).containsExactly(1, 3);
  }

  @Test
  void reportsNothingMissingOnceEveryChunkIsHeld() {
    engine.uploadAll(seller, session, ciphertext);

    DescribeUpload.Progress progress = describeUpload.describe(seller.caller(), session.id());

    assertThat(progress.held()).containsExactly(0, 1, 2, 3);
    assertThat(progress.missing()).isEmpty();
  }

  @Test
  void hidesAnotherAilocksUpload() {
    RegisteredAilock stranger = engine.registeredSeller();

    assertRefused(() -> describeUpload.describe(stranger.caller(), session.id()), ErrorCode.UPLOAD_NOT_FOUND);
  }
}
