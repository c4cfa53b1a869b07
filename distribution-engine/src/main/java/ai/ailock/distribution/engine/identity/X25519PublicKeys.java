package ai.ailock.distribution.engine.identity;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Refuses X25519 public keys that would make a sealed box worthless: points of small order (whose shared secret
 * is predictable) and non-canonical encodings of them (u &ge; p). The list is the one libsodium blocks.
 */
final class X25519PublicKeys {
  private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
  private static final List<byte[]> SMALL_ORDER = List.of(
      hex("0000000000000000000000000000000000000000000000000000000000000000"),
      hex("0100000000000000000000000000000000000000000000000000000000000000"),
      hex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"),
      hex("5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157"),
      hex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
      hex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
      hex("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"));

  private X25519PublicKeys() {}

  /** @return true if {@code key} is a 32-byte, canonical point of large order */
  static boolean acceptable(byte[] key) {
    if (key.length != 32) {
      return false;
    }
    byte[] masked = key.clone();
    masked[31] &= 0x7f; // RFC 7748: the top bit is ignored
    for (byte[] bad : SMALL_ORDER) {
      if (Arrays.equals(masked, bad)) {
        return false;
      }
    }
    byte[] bigEndian = new byte[32];
    for (int i = 0; i < 32; i++) {
      bigEndian[i] = masked[31 - i];
    }
    return new BigInteger(1, bigEndian).compareTo(P) < 0;
  }

  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }
}
