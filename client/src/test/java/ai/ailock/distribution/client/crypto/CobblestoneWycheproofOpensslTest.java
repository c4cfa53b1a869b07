package ai.ailock.distribution.client.crypto;

import ai.ailock.distribution.client.crypto.AesGcm.Implementation;

/**
 * The Cobblestone-256 vectors with OpenSSL's AES-256-GCM (the default where libcrypto 3 loads) as
 * the record function.
 */
class CobblestoneWycheproofOpensslTest extends CobblestoneWycheproofTest {

  @Override
  Implementation implementation() {
    return Implementation.OPENSSL;
  }
}
