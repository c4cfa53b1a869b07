package ai.ailock.distribution.client.crypto;

import com.goterl.lazysodium.Sodium;
import com.goterl.lazysodium.SodiumJava;
import com.goterl.lazysodium.utils.LibraryLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The libsodium bundled in lazysodium-java, loaded once and explicitly (the library's default
 * prefers whatever older libsodium the system has). The bundled binary is copied to a fresh
 * temporary file (owner-only, deleted on exit) and both lazysodium's binding and the SDK's own
 * AES-GCM binding ({@link SodiumAesGcm}) are registered against that one file. Calls go to the C
 * functions directly: the argument order is C's, outputs first, and every length is checked by
 * the caller first.
 */
final class LibSodium {

  private LibSodium() {}

  /** @return the initialised binding; libsodium functions are thread-safe after sodium_init */
  static SodiumJava get() {
    return Holder.SODIUM;
  }

  /** @return the absolute path of the loaded library file, after sodium_init */
  static String path() {
    get();
    return Bundled.PATH;
  }

  private static final class Bundled {
    static final String PATH = extract();

    private static String extract() {
      String resource = LibraryLoader.getSodiumPathInResources(); // e.g. linux64/libsodium.so
      String name = resource.substring(resource.lastIndexOf('/') + 1);
      try (InputStream in = Sodium.class.getResourceAsStream("/" + resource)) {
        if (in == null) {
          throw new IllegalStateException("lazysodium-java has no bundled " + resource);
        }
        // a new file, created exclusively and owner-only; written in place, never replaced
        Path file = Files.createTempFile("ailock-", "-" + name);
        file.toFile().deleteOnExit();
        try (OutputStream out = Files.newOutputStream(file)) {
          in.transferTo(out);
        }
        return file.toAbsolutePath().toString();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot extract the bundled " + resource, e);
      }
    }
  }

  private static final class Holder {
    // registers lazysodium's natives against the extracted file and calls sodium_init (-1 throws)
    static final SodiumJava SODIUM = new SodiumJava(Bundled.PATH);
  }
}
