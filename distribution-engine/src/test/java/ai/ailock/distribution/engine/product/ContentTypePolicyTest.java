package ai.ailock.distribution.engine.product;

import static ai.ailock.distribution.engine.fixtures.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentTypePolicyTest {

  @Test
  void theDefaultsAcceptMediaArchivesAndDocumentsButNotExecutables() {
    ContentTypePolicy policy = ContentTypePolicy.defaults();

    for (String type : List.of("application/zip", "audio/flac", "video/mp4", "text/plain", "application/pdf",
        "image/png", "application/x-tar")) {
      policy.check(type, "/content_type");
    }
    for (String type : List.of("application/x-msdownload", "application/x-executable", "application/x-sh",
        "Application/X-MSDownload; charset=binary")) {
      DistributionException refusal = assertRefused(() -> policy.check(type, "/content_type"),
          ErrorCode.CONTENT_TYPE_NOT_ALLOWED);
      assertThat(refusal.violations()).singleElement().satisfies(v -> assertThat(v.pointer()).isEqualTo("/content_type"));
    }
  }

  @Test
  void anAllowlistOfFamiliesAndTypesWithADenialThatWins() {
    var policy = new ContentTypePolicy(List.of("audio/*", "application/zip"), List.of("audio/x-wav"));

    policy.check("audio/flac", "/content_type");
    policy.check("application/zip", "/content_type");
    assertRefused(() -> policy.check("audio/x-wav", "/content_type"), ErrorCode.CONTENT_TYPE_NOT_ALLOWED);
    assertRefused(() -> policy.check("video/mp4", "/content_type"), ErrorCode.CONTENT_TYPE_NOT_ALLOWED);
    assertRefused(() -> policy.check("application/zip-compressed", "/content_type"),
        ErrorCode.CONTENT_TYPE_NOT_ALLOWED);
    assertRefused(() -> policy.check("audiox/flac", "/content_type"), ErrorCode.CONTENT_TYPE_NOT_ALLOWED);
  }
}
