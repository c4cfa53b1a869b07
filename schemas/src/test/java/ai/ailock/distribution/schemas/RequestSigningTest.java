package ai.ailock.distribution.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestSigningTest {
  private static final String KEY = "0123456789abcdef0123456789abcdef";
  private static final String SIG = "A".repeat(86);

  @Test
  void signsEveryPartOfTheRequestOnItsOwnLine() {
    byte[] bytes = RequestSigning.stringToSign("POST", "/.netlify/functions/products-create", "a=1",
        RequestSigning.EMPTY_SHA256, 1700000000L, "bm9uY2Vub25jZW5vbmNl", KEY);
    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(String.join("\n", "ailock-request-v1", "POST",
        "/.netlify/functions/products-create", "a=1", RequestSigning.EMPTY_SHA256, "1700000000",
        "bm9uY2Vub25jZW5vbmNl", KEY));
  }

  @Test
  void roundTripsTheAuthorizationHeader() {
    var credentials = new RequestSigning.Credentials(KEY, 1700000000L, "bm9uY2Vub25jZW5vbmNl", SIG);
    assertThat(RequestSigning.parse(credentials.header())).contains(credentials);
  }

  @Test
  void refusesMalformedHeaders() {
    assertThat(RequestSigning.parse("Bearer abc")).isEmpty();
    assertThat(RequestSigning.parse("Ailock-Ed25519 key_id=" + KEY + ",created=1,nonce=short,signature=" + SIG)).isEmpty();
    assertThat(RequestSigning.parse("Ailock-Ed25519 key_id=" + KEY + ",created=1,nonce=bm9uY2Vub25jZW5vbmNl,signature="
        + SIG + ",key_id=" + KEY)).isEmpty();
    assertThat(RequestSigning.parse("Ailock-Ed25519 key_id=" + KEY + ",created=-1,nonce=bm9uY2Vub25jZW5vbmNl,signature="
        + SIG)).isEmpty();
  }
}
