package ai.ailock.distribution.client.crypto;

import ai.ailock.distribution.client.crypto.AesGcm.Implementation;

/** The tampering tests with JCA's AES-256-GCM as the record function. */
class CobblestoneAttackJcaTest extends CobblestoneAttackTest {

  @Override
  Implementation implementation() {
    return Implementation.JCA;
  }
}
