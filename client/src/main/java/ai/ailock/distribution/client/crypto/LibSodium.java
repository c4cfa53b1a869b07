package ai.ailock.distribution.client.crypto;

import com.goterl.lazysodium.SodiumJava;
import com.goterl.lazysodium.utils.LibraryLoader;

/**
 * The libsodium bundled in lazysodium-java, loaded once and explicitly (the library's default
 * prefers whatever older libsodium the system has). Calls go to the C functions directly: the
 * argument order is C's, outputs first, and every length is checked by the caller first.
 */
final class LibSodium {

  private LibSodium() {}

  /** @return the initialised binding; libsodium functions are thread-safe after sodium_init */
  static SodiumJava get() {
    return Holder.SODIUM;
  }

  private static final class Holder {
    // the constructor loads the bundled library and calls sodium_init (-1 throws)
    static final SodiumJava SODIUM = new SodiumJava(LibraryLoader.Mode.BUNDLED_ONLY);
  }
}
