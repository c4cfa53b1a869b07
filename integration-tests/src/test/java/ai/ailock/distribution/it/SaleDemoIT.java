package ai.ailock.distribution.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.server.demo.SaleDemo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's demo (issue 7) on a small product, twice against the same service and data: the sale is finished by
 * the two Ailocks' inbox listeners, and the summary names every step, the hashes and the final states.
 */
class SaleDemoIT extends SdkServerSupport {
  @TempDir Path work;

  @Test
  void theDemoSaleCompletesThroughTheListenersAndRunsAgainOnTheSameData() throws Exception {
    for (int run = 1; run <= 2; run++) {
      var printed = new ByteArrayOutputStream();
      boolean ok = new SaleDemo(functions(), work.resolve("run-" + run), 2L << 20,
          new PrintStream(printed, true, StandardCharsets.UTF_8), false).run();
      String summary = printed.toString(StandardCharsets.UTF_8);

      assertThat(ok).as(summary).isTrue();
      assertThat(summary).contains("| buyer: pay at the emulator (signed webhook) |")
          .contains("| seller's Ailock: grant on payment_confirmed |")
          .contains("| buyer's Ailock: claim, download, decrypt, verify, ack |")
          .containsPattern("final transfer state +acknowledged")
          .containsPattern("seller's delivery_receipt +acknowledged")
          .contains("| seller: decrypt the buyer's logo |");
      assertThat(hash(summary, "buyer's logo sha256 \\(seller\\)")).as("the seller decrypted the buyer's logo")
          .isEqualTo(hash(summary, "buyer's logo sha256 \\(buyer\\)"));
      assertThat(summary).doesNotContain("delivery ticket (grant)");
    }
  }

  /** @return the 64 hex digits the summary prints after {@code label} */
  static String hash(String summary, String label) {
    Matcher found = Pattern.compile(label + " +([0-9a-f]{64})").matcher(summary);
    assertThat(found.find()).as(label + " in " + summary).isTrue();
    return found.group(1);
  }

  @Test
  void thePersonalizedDemoDeliversTheBuyersOwnLicensedCopy() throws Exception {
    var printed = new ByteArrayOutputStream();
    boolean ok = new SaleDemo(functions(), work.resolve("personalized"), 2L << 20,
        new PrintStream(printed, true, StandardCharsets.UTF_8), true).run();
    String summary = printed.toString(StandardCharsets.UTF_8);

    assertThat(ok).as(summary).isTrue();
    assertThat(summary).contains("| seller's Ailock: personalize, upload, grant |")
        .containsPattern("recordings in the buyer's copy +8 of 8 identical to the seller's")
        .containsPattern("license fingerprint +[0-9a-f]{32} \\(seller's signature verified\\)")
        .containsPattern("final transfer state +acknowledged");
  }
}
