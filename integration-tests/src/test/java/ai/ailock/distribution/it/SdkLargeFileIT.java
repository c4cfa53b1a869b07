package ai.ailock.distribution.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 200 MiB file (the service's limit), generated on the fly, through the {@code ailock} command line in its own
 * JVM: keygen, register, upload, status, download, with the plaintext hash verified. The CLI's JVM gets a 64 MiB
 * heap and dies on OutOfMemoryError, so the round trip only passes if upload and download stream: holding the
 * file, or the whole ciphertext, is impossible by a factor of three.
 */
class SdkLargeFileIT extends SdkServerSupport {
  static final long SIZE = 200L * 1024 * 1024;
  static final int CLI_HEAP_MB = 64;

  @TempDir Path dir;

  @Test
  void roundTrips200MiBThroughTheCliWithA64MiBHeap() throws Exception {
    Path home = dir.resolve("home");
    Path file = generate(dir.resolve("dataset.tar"), SIZE, 200);
    String expected = sha256(file);

    cli(home, "keygen", "--no-passphrase");
    cli(home, "register");
    String upload = cli(home, "upload", file.toString(), "--title", "Dataset", "--content-type",
        "application/x-tar", "--progress", "plain");
    String productId = field(upload, "Product:");
    String uploadId = field(upload, "Upload:").replace(":", "");
    String status = cli(home, "status", uploadId);
    String download = cli(home, "download", productId, "--out", dir.resolve("out").toString(), "--progress", "plain");

    Path downloaded = dir.resolve("out/dataset.tar");
    assertThat(status).contains("(completed").contains("51 of 51 held");
    assertThat(download).contains(expected + " (verified)");
    assertThat(Files.size(downloaded)).isEqualTo(SIZE);
    assertThat(sha256(downloaded)).isEqualTo(expected);
    System.out.printf("SdkLargeFileIT: 200 MiB with a %d MiB CLI heap%n  upload:   %s%n  download: %s%n",
        CLI_HEAP_MB, last(upload, "Took"), last(download, "Took"));
  }

  /** Runs {@code ailock} in a new JVM; @return its standard output, after asserting it exited with 0 */
  String cli(Path home, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + CLI_HEAP_MB + "m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
        "ai.ailock.distribution.client.cli.AilockCli", "--home", home.toString(), "--server", functions().toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "cli-", ".out");
    Path err = Files.createTempFile(dir, "cli-", ".err");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
    String stdout = Files.readString(out);
    assertThat(process.exitValue()).as("ailock %s%n%s%n%s", String.join(" ", args), stdout, Files.readString(err))
        .isZero();
    return stdout;
  }

  static String field(String output, String label) {
    return output.lines().filter(l -> l.startsWith(label)).findFirst().orElseThrow()
        .substring(label.length()).trim().split("\\s+")[0];
  }

  static String last(String output, String prefix) {
    return output.lines().filter(l -> l.startsWith(prefix)).reduce((a, b) -> b).orElse("?");
  }
}
