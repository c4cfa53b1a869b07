package ai.ailock.distribution.client.crypto;

import ai.ailock.distribution.client.crypto.AesGcm.Implementation;

/** The Cobblestone-256 vectors with JCA's AES-256-GCM (the last resort) as the record function. */
class CobblestoneWycheproofJcaTest extends CobblestoneWycheproofTest {

  @Override
  Implementation implementation() {
    return Implementation.JCA;
  }
}
