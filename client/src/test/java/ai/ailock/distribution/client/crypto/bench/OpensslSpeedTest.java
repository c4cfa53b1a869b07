package ai.ailock.distribution.client.crypto.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpensslSpeedTest {

  @Test
  void readsThe16384ByteColumnInMegabytesPerSecond() {
    String output =
        """
        Doing AES-256-GCM for 1s on 16384 size blocks: 328057 AES-256-GCM's in 1.00s
        version: 3.0.19
        The 'numbers' are in 1000s of bytes per second processed.
        type             16 bytes     64 bytes    256 bytes   1024 bytes   8192 bytes  16384 bytes
        AES-256-GCM      49648.29k   188394.30k   654730.24k  1960591.36k  5120319.49k  5374885.89k
        """;

    assertThat(OpensslSpeed.parse16k(output)).isEqualTo(5374.88589);
  }

  @Test
  void isNotANumberWithoutATable() {
    assertThat(OpensslSpeed.parse16k("")).isNaN();
  }
}
