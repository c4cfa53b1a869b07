package ai.ailock.distribution.client.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.client.keystore.InsecurePermissionsException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadStateFileTest {
  @TempDir Path dir;

  static UploadState state() {
    return new UploadState(Path.of("/data/file.bin"), 1234, "a".repeat(64), "p-1", 1, "u-1", 1306, 65536,
        new byte[24], new byte[80], "b".repeat(32), "bWV0YQ", Instant.parse("2026-01-02T03:04:05Z"), null);
  }

  @Test
  void writesAnOwnerOnlyFileAndReadsItBack() throws Exception {
    Path file = dir.resolve("uploads/u.json");

    UploadStateFile.create(file, state());

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    UploadState read = UploadStateFile.read(file);
    assertThat(read).usingRecursiveComparison().isEqualTo(state());
    assertThat(read.salt()).hasSize(24);
  }

  @Test
  void neverOverwritesAnotherUploadsState() throws Exception {
    Path file = dir.resolve("u.json");
    UploadStateFile.create(file, state());

    assertThatThrownBy(() -> UploadStateFile.create(file, state())).isInstanceOf(FileAlreadyExistsException.class);
  }

  @Test
  void refusesAStateFileOthersCanRead() throws Exception {
    Path file = dir.resolve("u.json");
    UploadStateFile.create(file, state());
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> UploadStateFile.read(file)).isInstanceOf(InsecurePermissionsException.class);
  }

  @Test
  void refusesSomethingElse() throws Exception {
    Path file = dir.resolve("u.json");
    Files.writeString(file, "{\"format\":\"other\"}");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    assertThatThrownBy(() -> UploadStateFile.read(file)).hasMessageContaining("not an upload state file");
  }
}
