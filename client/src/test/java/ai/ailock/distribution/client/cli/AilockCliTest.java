package ai.ailock.distribution.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.client.http.DistributionApiException;
import ai.ailock.distribution.client.transfer.TransferProgress;
import ai.ailock.distribution.client.transfer.TransferProgress.Phase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AilockCliTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  Run ailock(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    String[] all = new String[args.length + 2];
    all[0] = "--home";
    all[1] = dir.resolve("home").toString();
    System.arraycopy(args, 0, all, 2, args.length);
    int code = AilockCli.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void generatesKeysAndShowsTheKeyIdButNoSecret() throws Exception {
    Run keygen = ailock("keygen", "--no-passphrase");
    Run whoami = ailock("whoami", "--offline");

    assertThat(keygen.code()).as(keygen.err()).isZero();
    assertThat(whoami.code()).as(whoami.err()).isZero();
    String keyId = keygen.out().lines().filter(l -> l.startsWith("Key id:")).findFirst().orElseThrow()
        .substring(7).trim();
    assertThat(whoami.out()).contains(keyId).contains("not registered");
    String file = Files.readString(dir.resolve("home/identity.json"));
    String secret = file.replaceAll("(?s).*\"secret_keys\" : \"([^\"]+)\".*", "$1");
    assertThat(keygen.out() + whoami.out()).doesNotContain(secret);
  }

  @Test
  void failsWithExitCodesAndOneLineMessages() throws Exception {
    Run missing = ailock("whoami");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).startsWith("ailock whoami: no such file").contains("ailock keygen");

    assertThat(ailock("upload").code()).isEqualTo(2); // usage: FILE is missing
    Run noFile = ailock("upload", dir.resolve("nope.bin").toString());
    assertThat(noFile.code()).isEqualTo(1);
  }

  @Test
  void theDeliveryCommandsRefuseIncompleteUsage() throws Exception {
    ailock("keygen", "--no-passphrase");
    Run neither = ailock("download");
    assertThat(neither.code()).isEqualTo(2);
    assertThat(neither.err()).contains("PRODUCT_ID or --transfer");
    assertThat(ailock("download", "some-product", "--transfer", "some-transfer").code()).isEqualTo(2);
    assertThat(ailock("dispute", "some-transfer").code()).as("neither --reason nor --evidence").isEqualTo(2);
    Run noReceipt = ailock("ack", "0b7d3c9e-1f2a-4b5c-8d9e-0f1a2b3c4d5e");
    assertThat(noReceipt.code()).isEqualTo(1);
    assertThat(noReceipt.err()).contains("download the transfer first");
    assertThat(Failures.describe(new DistributionApiException(403, "download_limit_reached", "", List.of())))
        .contains("download limit is used up");
  }

  @Test
  void describesRefusalsByTheirStableCode() {
    assertThat(Failures.describe(new DistributionApiException(409, "chunk_conflict", "x", List.of())))
        .contains("--restart").endsWith("[409 chunk_conflict]");
    assertThat(Failures.describe(new DistributionApiException(401, "unknown", "", List.of())))
        .contains("ailock register");
    assertThat(Failures.describe(new DistributionApiException(422, "validation_failed", "x",
        List.of(new DistributionApiException.Violation("/title", "too long"))))).contains("/title too long");
    assertThat(Failures.exitCode(new DistributionApiException(503, "storage_unavailable", "", List.of())))
        .isEqualTo(Failures.UNAVAILABLE);
    assertThat(Failures.exitCode(new java.security.SignatureException("x"))).isEqualTo(Failures.INTEGRITY);
  }

  @Test
  void drawsAProgressLineWithRateAndEta() {
    String line = ProgressBar.line(new TransferProgress(Phase.UPLOADING, 50L * 1048576, 200L * 1048576), 2.0);

    assertThat(line).startsWith("Uploading    25% [######                  ] 50.0/200.0 MiB    26.2 MB/s ETA 0:06");
  }

  @Test
  void printsPlainLinesWhenNotOnATerminal() {
    var err = new StringWriter();
    AtomicLong nanos = new AtomicLong();
    var bar = new ProgressBar(new PrintWriter(err, true), false, nanos::get);

    bar.onProgress(new TransferProgress(Phase.DOWNLOADING, 0, 1000));
    nanos.addAndGet(1_000_000_000L);
    bar.onProgress(new TransferProgress(Phase.DOWNLOADING, 100, 1000)); // too soon for another line
    nanos.addAndGet(5_000_000_000L);
    bar.onProgress(new TransferProgress(Phase.DOWNLOADING, 600, 1000));
    bar.onProgress(new TransferProgress(Phase.DOWNLOADING, 1000, 1000));
    bar.onProgress(new TransferProgress(Phase.DONE, 0, 0));

    assertThat(err.toString().lines()).hasSize(3).allMatch(l -> l.startsWith("Downloading"))
        .noneMatch(l -> l.contains("\r"));
    assertThat(err.toString().lines().reduce((a, b) -> b).orElseThrow()).contains("100%");
  }
}
