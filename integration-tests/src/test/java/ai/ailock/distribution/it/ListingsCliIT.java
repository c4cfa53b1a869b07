package ai.ailock.distribution.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ailock products} and {@code ailock transfers} against the real service: each Ailock reads back its own
 * products and its own side of a sale, a page at a time, and the next page's command is printed for it.
 */
class ListingsCliIT extends SdkServerSupport {
  private static final String POLICY = """
      {"price": {"amount": 1250, "currency": "eur"}, "download_limit": 2}""";

  @TempDir Path work;

  @Test
  void sellerAndBuyerListTheirProductsAndTheirSidesOfASale() throws Exception {
    Path file = Files.writeString(work.resolve("notes.txt"), "liner notes\n");
    CliOffer offered = cliOffer(work, POLICY, file);
    Path second = Files.writeString(work.resolve("more.txt"), "more notes\n");
    String secondProduct = SdkLargeFileIT.field(runCliOk(work, "seller", "upload", second.toString(), "--policy",
        work.resolve("policy.json").toString(), "--progress", "none").out(), "Product:");

    String firstPage = runCliOk(work, "seller", "products", "--limit", "1").out();
    assertThat(firstPage).contains(secondProduct).contains("ready").doesNotContain(offered.productId());
    String cursor = firstPage.substring(firstPage.indexOf("--cursor ") + "--cursor ".length()).trim();
    String secondPage = runCliOk(work, "seller", "products", "--limit", "1", "--cursor", cursor).out();
    assertThat(secondPage).contains(offered.productId()).doesNotContain("More:");

    assertThat(runCliOk(work, "seller", "transfers", "--as", "seller").out())
        .contains(offered.transferId()).contains("offered").contains("12.50 EUR").contains("to " + offered.buyerId());
    assertThat(runCliOk(work, "buyer", "transfers", "--as", "buyer", "--state", "offered").out())
        .contains(offered.transferId());
    assertThat(runCliOk(work, "buyer", "transfers", "--as", "buyer", "--state", "paid").out())
        .contains("No transfers.");
    assertThat(runCliOk(work, "buyer", "products").out()).contains("No products.");
    Run refused = runCli(work, "buyer", "transfers", "--as", "owner");
    assertThat(refused.code()).isEqualTo(3);
    assertThat(refused.err()).contains("malformed_request");
  }
}
