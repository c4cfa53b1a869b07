package ai.ailock.distribution.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequiredInputsSchemaTest {
  private static final RequiredInputsSchema SCHEMA = new RequiredInputsSchema(new SchemaValidator());
  private static final List<RequiredInputsSchema.Input> INPUTS = List.of(
      new RequiredInputsSchema.Input("company", "Company", "text", "pre_payment", true, null, 10, null, null),
      new RequiredInputsSchema.Input("brief", "Brief", "textarea", "pre_payment", false, null, null, null, null),
      new RequiredInputsSchema.Input("site", "Site", "url", "post_payment_pre_grant", true, null, 40, null, null),
      new RequiredInputsSchema.Input("logo", "Logo", "file", "post_payment_pre_grant", true, null, null,
          List.of("image/png"), 1));

  private static List<String> pointers(Map<String, String> values) {
    return SCHEMA.violations(INPUTS, values, "/inputs").stream().map(Violation::pointer).distinct().toList();
  }

  @Test
  void acceptsValuesWithinTheirConstraints() {
    assertThat(pointers(Map.of("company", "ACME", "brief", "line one\nline two", "site", "https://acme.example/a?b=c",
        "logo", "7f8a2a9e-3f43-4a53-9d7b-0f6f1a3f0c11"))).isEmpty();
  }

  @Test
  void refusesTextLongerThanMaxLenOrSpanningLines() {
    assertThat(pointers(Map.of("company", "ACME Corporation"))).containsExactly("/inputs/company");
    assertThat(pointers(Map.of("company", "A\nB"))).containsExactly("/inputs/company");
    assertThat(pointers(Map.of("company", ""))).containsExactly("/inputs/company");
  }

  @Test
  void refusesUrlsThatAreNotAbsoluteHttpsOrCarryCredentials() {
    for (String url : List.of("http://acme.example/", "https://user:pw@acme.example/", "https://user@acme.example",
        "acme.example/path", "javascript:alert(1)", "https://acme.example/" + "x".repeat(40), "https:///nohost",
        "https://acme.example/a b")) {
      assertThat(pointers(Map.of("site", url))).as(url).containsExactly("/inputs/site");
    }
    assertThat(pointers(Map.of("site", "https://medium.example/@someone"))).isEmpty();
  }

  @Test
  void refusesUnknownInputsAndFileValuesThatAreNotAttachmentIds() {
    assertThat(pointers(Map.of("nickname", "x", "logo", "logo.png"))).containsExactly("/inputs/logo", "/inputs/nickname");
  }

  @Test
  void compilesOneTimingWithItsRequiredInputs() {
    var schema = RequiredInputsSchema.compile(INPUTS, "post_payment_pre_grant", true);
    assertThat(schema.get("properties").propertyNames()).containsExactly("site", "logo");
    assertThat(schema.get("required")).extracting(n -> n.asString()).containsExactly("site", "logo");
  }
}
