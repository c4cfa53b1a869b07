package ai.ailock.distribution.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  private static String canonical(String json) {
    return CanonicalJson.string(WireJson.mapper().readTree(json));
  }

  @Test
  void sortsMembersByUtf16CodeUnitsAndDropsWhitespace() {
    // RFC 8785 §3.2.3: "\u20ac" (U+20AC) sorts before "\ud83d\ude00" (surrogates) and after "\u0080".
    assertThat(canonical("{ \"b\": 1, \"a\": [true, null, \"x\"], \"\\u20ac\": 2, \"\\ud83d\\ude00\": 3, \"\\u0080\": 4 }"))
        .isEqualTo("{\"a\":[true,null,\"x\"],\"b\":1,\"\u0080\":4,\"\u20ac\":2,\"\ud83d\ude00\":3}");
  }

  @Test
  void escapesOnlyWhatEcmaScriptEscapes() {
    assertThat(canonical("{\"s\": \"\\u0001\\b\\t\\n\\f\\r\\\"\\\\/\\u007f\\u00e9\"}"))
        .isEqualTo("{\"s\":\"\\u0001\\b\\t\\n\\f\\r\\\"\\\\/\u007f\u00e9\"}");
  }

  @Test
  void writesIntegersAsPlainDigits() {
    assertThat(canonical("{\"n\": 9007199254740991, \"m\": -5, \"z\": 0}"))
        .isEqualTo("{\"m\":-5,\"n\":9007199254740991,\"z\":0}");
  }

  @Test
  void refusesNumbersItCannotReproduceExactly() {
    assertThatThrownBy(() -> canonical("{\"n\": 1.5}")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> canonical("{\"n\": 9007199254740992}")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void isStableUnderReordering() {
    assertThat(canonical("{\"x\": {\"q\": 1, \"p\": 2}, \"a\": 0}"))
        .isEqualTo(canonical("{\"a\": 0, \"x\": {\"p\": 2, \"q\": 1}}"));
  }
}
