package ai.ailock.distribution.client.crypto;

import ai.ailock.distribution.client.crypto.AesGcm.Implementation;

/** The Cobblestone-256 vectors with libsodium's AES-256-GCM (the fallback) as the record function. */
class CobblestoneWycheproofLibsodiumTest extends CobblestoneWycheproofTest {

  @Override
  Implementation implementation() {
    return Implementation.LIBSODIUM;
  }
}
