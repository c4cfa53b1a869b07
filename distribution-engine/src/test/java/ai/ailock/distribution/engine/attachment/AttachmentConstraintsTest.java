package ai.ailock.distribution.engine.attachment;

import static ai.ailock.distribution.engine.fixtures.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.product.RequiredInput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plan §4: a file input's {@code mime_types} and {@code max_size_mb} apply to what the buyer declares. */
class AttachmentConstraintsTest {
  static final RequiredInput LOGO = new RequiredInput("logo", "Logo", RequiredInput.Type.FILE,
      RequiredInput.Timing.POST_PAYMENT_PRE_GRANT, true, null,
      new RequiredInput.Constraints(null, List.of("image/*", "application/pdf"), 2));

  @Test
  void matchesExactTypesAndWholeTypes() {
    assertThat(MediaTypes.matches("image/*", "image/png")).isTrue();
    assertThat(MediaTypes.matches("image/*", "image/svg+xml; charset=utf-8")).isTrue();
    assertThat(MediaTypes.matches("application/pdf", "APPLICATION/PDF")).isTrue();
    assertThat(MediaTypes.matches("image/*", "imagex/png")).isFalse();
    assertThat(MediaTypes.matches("image/*", "image/")).isFalse();
    assertThat(MediaTypes.matches("application/pdf", "application/pdfx")).isFalse();
  }

  @Test
  void refusesATypeOutsideTheListAndASizeOverTheLimit() {
    assertRefused(() -> InitAttachmentUpload.checkConstraints(LOGO, "text/html", 10),
        ErrorCode.ATTACHMENT_TYPE_NOT_ALLOWED);
    assertRefused(() -> InitAttachmentUpload.checkConstraints(LOGO, "image/png", 2L * 1024 * 1024 + 1),
        ErrorCode.ATTACHMENT_TOO_LARGE);
    assertThatCode(() -> InitAttachmentUpload.checkConstraints(LOGO, "image/png", 2L * 1024 * 1024))
        .doesNotThrowAnyException();
  }

  @Test
  void anInputWithoutConstraintsAcceptsAnyTypeAndSize() {
    var any = new RequiredInput("file", "File", RequiredInput.Type.FILE, RequiredInput.Timing.PRE_PAYMENT, false,
        null, null);
    assertThatCode(() -> InitAttachmentUpload.checkConstraints(any, "application/x-anything", 1L << 30))
        .doesNotThrowAnyException();
  }
}
