package ai.ailock.distribution.engine.buyerinput;

import static ai.ailock.distribution.engine.fixtures.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.attachment.Attachment;
import ai.ailock.distribution.engine.attachment.AttachmentId;
import ai.ailock.distribution.engine.attachment.Attachments;
import ai.ailock.distribution.engine.blob.BlobKey;
import ai.ailock.distribution.engine.fixtures.CommerceFixture;
import ai.ailock.distribution.engine.identity.KeyId;
import ai.ailock.distribution.engine.product.Price;
import ai.ailock.distribution.engine.product.ProductPolicy;
import ai.ailock.distribution.engine.product.RequiredInput;
import ai.ailock.distribution.engine.product.RequiredInput.Timing;
import ai.ailock.distribution.engine.product.RequiredInput.Type;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.upload.UploadId;
import ai.ailock.distribution.schemas.RequiredInputsSchema;
import ai.ailock.distribution.schemas.SchemaValidator;
import ai.ailock.distribution.schemas.Violation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class SubmitInputsTest {
  static final List<RequiredInput> INPUTS = List.of(
      new RequiredInput("company", "Company", Type.TEXT, Timing.PRE_PAYMENT, true, null,
          new RequiredInput.Constraints(10, null, null)),
      new RequiredInput("site", "Site", Type.URL, Timing.POST_PAYMENT_PRE_GRANT, false, null, null),
      new RequiredInput("logo", "Logo", Type.FILE, Timing.POST_PAYMENT_PRE_GRANT, true, null, null));

  final CommerceFixture fixture = new CommerceFixture();
  final Map<AttachmentId, Attachment> stored = new ConcurrentHashMap<>();
  final Attachments attachments = new Attachments() {
    @Override
    public boolean add(Attachment attachment) {
      return stored.putIfAbsent(attachment.id(), attachment) == null;
    }

    @Override
    public Optional<Attachment> find(AttachmentId id) {
      return Optional.ofNullable(stored.get(id));
    }

    @Override
    public Optional<Attachment> byUpload(UploadId upload) {
      return stored.values().stream().filter(a -> a.upload().equals(upload)).findFirst();
    }
  };
  final Transfer offered = fixture.offered(new ProductPolicy(7, 1, new Price(100, "usd"), INPUTS));
  final SubmitInputs submitInputs = new SubmitInputs(fixture.changes(), attachments,
      new RequiredInputsSchema(new SchemaValidator()), fixture.engine().clock());

  AttachmentId attachment(String inputId) {
    var id = new AttachmentId(UUID.randomUUID());
    attachments.add(new Attachment(id, offered.id(), inputId, new UploadId(UUID.randomUUID()), "filesystem",
        new BlobKey("attachments/x"), 10, 82, "image/png", "a".repeat(64), new byte[80], new KeyId("0".repeat(32)),
        fixture.engine().clock().instant()));
    return id;
  }

  @Test
  void refusesEveryBrokenValueWithItsPointer() {
    var refusal = assertRefused(() -> submitInputs.submit(fixture.buyer(), offered.id(),
        Map.of("company", "far too long a name", "site", "ftp://acme.example", "mood", "x")),
        ErrorCode.VALIDATION_FAILED);
    assertThat(refusal.violations()).extracting(Violation::pointer).containsOnly("/inputs/company", "/inputs/mood",
        "/inputs/site");
  }

  @Test
  void aFileValueMustBeAnAttachmentOfThatInputOfThisTransfer() {
    AttachmentId forOtherInput = attachment("site");
    var refusal = assertRefused(() -> submitInputs.submit(fixture.buyer(), offered.id(),
        Map.of("logo", forOtherInput.toString())), ErrorCode.VALIDATION_FAILED);
    assertThat(refusal.violations()).extracting(Violation::pointer).containsExactly("/inputs/logo");

    Transfer withLogo = submitInputs.submit(fixture.buyer(), offered.id(), Map.of("logo", attachment("logo").toString()));
    assertThat(withLogo.inputs().has("logo")).isTrue();
  }

  @Test
  void mergesSubmissionsAndOnlyTheBuyerMaySubmit() {
    submitInputs.submit(fixture.buyer(), offered.id(), Map.of("company", "ACME"));
    Transfer both = submitInputs.submit(fixture.buyer(), offered.id(), Map.of("site", "https://acme.example"));
    assertThat(both.inputs().values()).containsOnlyKeys("company", "site");
    assertThat(both.missingInputs(Timing.PRE_PAYMENT)).isEmpty();
    assertRefused(() -> submitInputs.submit(fixture.seller(), offered.id(), Map.of("company", "x")),
        ErrorCode.NOT_RECIPIENT);
  }
}
