package ai.ailock.distribution.client.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CobblestoneContextTest {

  @Test
  void spellsTheProfileContextsInUtf8() {
    assertThat(utf8(CobblestoneContext.content("prod_42", "1.0.0")))
        .isEqualTo("ailock-e2ee-v1:content:prod_42:1.0.0");
    assertThat(utf8(CobblestoneContext.metadata("prod_42", "1.0.0")))
        .isEqualTo("ailock-e2ee-v1:metadata:prod_42:1.0.0");
    assertThat(utf8(CobblestoneContext.attachment("tr_7", "logo")))
        .isEqualTo("ailock-e2ee-v1:attachment:tr_7:logo");
  }

  @Test
  void encodesNonAsciiIdentifiersAsUtf8() {
    assertThat(CobblestoneContext.content("café", "1").toByteArray())
        .isEqualTo("ailock-e2ee-v1:content:café:1".getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a:b", ":"})
  void refusesIdentifiersThatWouldMakeContextsAmbiguous(String id) {
    assertThatThrownBy(() -> CobblestoneContext.content(id, "1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CobblestoneContext.attachment("t", id))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void comparesByBytesAndCopiesDefensively() {
    byte[] raw = "ailock-e2ee-v1:content:p:1".getBytes(StandardCharsets.UTF_8);
    CobblestoneContext context = CobblestoneContext.of(raw);
    raw[0] = 'X';

    context.toByteArray()[1] = 'Y';

    assertThat(context).isEqualTo(CobblestoneContext.content("p", "1"));
    assertThat(context).hasSameHashCodeAs(CobblestoneContext.content("p", "1"));
    assertThat(context).isNotEqualTo(CobblestoneContext.metadata("p", "1"));
    assertThat(context).hasToString("ailock-e2ee-v1:content:p:1");
  }

  @Test
  void printsBinaryContextsAsHex() {
    assertThat(CobblestoneContext.of(new byte[] {0, 1})).hasToString("hex:0001");
  }

  private static String utf8(CobblestoneContext context) {
    return new String(context.toByteArray(), StandardCharsets.UTF_8);
  }
}
