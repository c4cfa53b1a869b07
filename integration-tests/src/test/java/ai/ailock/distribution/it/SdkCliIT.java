package ai.ailock.distribution.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.client.cli.AilockCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ailock} commands against the real service, run in this JVM: outputs and exit codes. */
class SdkCliIT extends SdkServerSupport {
  @TempDir Path dir;

  Run ailock(String... args) {
    return runCli(dir, "home", args);
  }

  @Test
  void walksThroughKeygenRegisterWhoamiUploadStatusAndDownload() throws Exception {
    Files.writeString(dir.resolve("passphrase.txt"), "a long passphrase\n");
    Path file = generate(dir.resolve("notes.txt"), 500_000, 3);

    Run keygen = ailock("keygen");
    assertThat(keygen.code()).as(keygen.err()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("home/identity.json"))))
        .isEqualTo("rw-------");
    assertThat(ailock("keygen").code()).isEqualTo(1); // never overwrites

    Run register = ailock("register");
    assertThat(register.code()).as(register.err()).isZero();
    assertThat(register.out()).contains("Ailock id:");

    Run whoami = ailock("whoami");
    assertThat(whoami.code()).as(whoami.err()).isZero();
    assertThat(whoami.out()).contains("registered, this key is active");

    Run upload = ailock("upload", file.toString(), "--title", "Notes", "--content-type", "text/plain",
        "--chunk-size", "65536", "--progress", "plain");
    assertThat(upload.code()).as(upload.err()).isZero();
    assertThat(upload.err()).contains("Uploading").contains("100%");
    String productId = SdkLargeFileIT.field(upload.out(), "Product:");
    String uploadId = SdkLargeFileIT.field(upload.out(), "Upload:").replace(":", "");

    Run status = ailock("status", uploadId);
    assertThat(status.code()).as(status.err()).isZero();
    assertThat(status.out()).contains("(completed").contains("8 of 8 held");
    assertThat(ailock("status").out()).contains("No unfinished uploads.");

    Run download = ailock("download", productId, "--out", dir.resolve("out").toString(), "--progress", "none");
    assertThat(download.code()).as(download.err()).isZero();
    assertThat(dir.resolve("out/notes.txt")).hasSameBinaryContentAs(file);
    assertThat(download.out()).contains(sha256(file) + " (verified)");

    Run again = ailock("download", productId, "--out", dir.resolve("out").toString(), "--progress", "none");
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("already exists");

    Run rotate = ailock("rotate-keys");
    assertThat(rotate.code()).as(rotate.err()).isZero();
    String retired = SdkLargeFileIT.field(rotate.out(), "Retired key:");
    assertThat(SdkLargeFileIT.field(rotate.out(), "Active key:")).isNotEqualTo(retired);
    assertThat(ailock("whoami").out()).contains("registered, this key is active");
    Run afterRotation = ailock("download", productId, "--out", dir.resolve("out").toString(), "--overwrite",
        "--progress", "none");
    assertThat(afterRotation.code()).as(afterRotation.err()).isZero();
    assertThat(afterRotation.out()).contains(sha256(file) + " (verified)").contains("signed by " + retired);
  }

  @Test
  void explainsFailuresWithExitCodes() throws Exception {
    Files.writeString(dir.resolve("passphrase.txt"), "first passphrase\n");

    Run noKeys = ailock("whoami");
    assertThat(noKeys.code()).isEqualTo(1);
    assertThat(noKeys.err()).contains("ailock keygen");

    assertThat(ailock("keygen").code()).isZero();
    Files.writeString(dir.resolve("passphrase.txt"), "another passphrase\n");
    Run wrongPassphrase = ailock("whoami", "--offline");
    assertThat(wrongPassphrase.code()).isEqualTo(6);
    assertThat(wrongPassphrase.err()).contains("wrong passphrase");

    Files.writeString(dir.resolve("passphrase.txt"), "first passphrase\n");
    Run unregistered = ailock("status", "9d3c1f2e-0000-4000-8000-000000000000");
    assertThat(unregistered.code()).isEqualTo(3);
    assertThat(unregistered.err()).contains("ailock register");

    assertThat(ailock("register").code()).isZero();
    Run unknown = ailock("download", "9d3c1f2e-0000-4000-8000-000000000000", "--out", dir.toString());
    assertThat(unknown.code()).isEqualTo(3);
    assertThat(unknown.err()).contains("no such product");

    Files.setPosixFilePermissions(dir.resolve("home/identity.json"), PosixFilePermissions.fromString("rw-r--r--"));
    Run loose = ailock("whoami", "--offline");
    assertThat(loose.code()).isEqualTo(6);
    assertThat(loose.err()).contains("chmod 600");

    Files.setPosixFilePermissions(dir.resolve("home/identity.json"), PosixFilePermissions.fromString("rw-------"));
    var err = new StringWriter();
    int unreachable = AilockCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
        "--home", dir.resolve("home").toString(), "--passphrase-file", dir.resolve("passphrase.txt").toString(),
        "--server", "http://127.0.0.1:1/.netlify/functions", "register");
    assertThat(unreachable).isEqualTo(4);
    assertThat(err.toString()).contains("cannot reach the service");
  }
}
