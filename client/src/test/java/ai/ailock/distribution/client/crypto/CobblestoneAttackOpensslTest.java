package ai.ailock.distribution.client.crypto;

import ai.ailock.distribution.client.crypto.AesGcm.Implementation;

/** The tampering tests with OpenSSL's AES-256-GCM as the record function. */
class CobblestoneAttackOpensslTest extends CobblestoneAttackTest {

  @Override
  Implementation implementation() {
    return Implementation.OPENSSL;
  }
}
