package ai.ailock.distribution.schemas;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compiles a product's {@code required_inputs} (plan §4, policy notes) into a JSON Schema for the buyer's values, and
 * validates submissions against it. A submission is a JSON object from input id to value:
 * <ul>
 *   <li>{@code text}: a single line (no CR or LF), 1 to {@code max_len} characters (default {@value #TEXT_MAX});
 *   <li>{@code textarea}: 1 to {@code max_len} characters (default {@value #TEXTAREA_MAX});
 *   <li>{@code url}: an absolute {@code https://} URI (format {@code uri}) without user information ({@code user@}),
 *       at most {@code max_len} and never more than {@value #URL_MAX} characters;
 *   <li>{@code file}: the id (UUID) of a completed attachment of this input.
 * </ul>
 * Ids other than the product's inputs are refused ({@code additionalProperties: false}). With
 * {@code enforceRequired}, the required inputs are listed in {@code required}. Thread-safe.
 */
public final class RequiredInputsSchema {
  public static final int TEXT_MAX = 1_000;
  public static final int TEXTAREA_MAX = 20_000;
  public static final int URL_MAX = 2_048;
  /** Absolute https URI whose authority has no user information and no whitespace. */
  static final String HTTPS_WITHOUT_USERINFO = "^https://[^/?#@\\s\\\\]+([/?#][^\\s]*)?$";

  private final SchemaValidator validator;

  public RequiredInputsSchema(SchemaValidator validator) {
    this.validator = validator;
  }

  /**
   * One input as declared in a policy (wire names: {@code type} is {@code text|textarea|url|file}, {@code timing} is
   * {@code pre_payment|post_payment_pre_grant}).
   */
  public record Input(String id, String label, String type, String timing, boolean required,
      @Nullable String description, @Nullable Integer maxLen, @Nullable List<String> mimeTypes,
      @Nullable Integer maxSizeMb) {}

  /**
   * @param timing only the inputs of this timing, or null for all
   * @return the JSON Schema (2020-12) of a submission of these inputs
   */
  public static ObjectNode compile(List<Input> inputs, @Nullable String timing, boolean enforceRequired) {
    var mapper = WireJson.mapper();
    ObjectNode schema = mapper.createObjectNode();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("type", "object");
    schema.put("additionalProperties", false);
    ObjectNode properties = schema.putObject("properties");
    var required = schema.putArray("required");
    for (Input input : inputs) {
      if (timing != null && !timing.equals(input.timing())) {
        continue;
      }
      properties.set(input.id(), valueSchema(input));
      if (enforceRequired && input.required()) {
        required.add(input.id());
      }
    }
    return schema;
  }

  private static ObjectNode valueSchema(Input input) {
    ObjectNode value = WireJson.mapper().createObjectNode();
    value.put("title", input.label());
    if (input.description() != null) {
      value.put("description", input.description());
    }
    value.put("type", "string");
    switch (input.type()) {
      case "text" -> value.put("minLength", 1).put("maxLength", bounded(input.maxLen(), TEXT_MAX, Integer.MAX_VALUE))
          .put("pattern", "^[^\\r\\n]*$");
      case "textarea" -> value.put("minLength", 1)
          .put("maxLength", bounded(input.maxLen(), TEXTAREA_MAX, Integer.MAX_VALUE));
      case "url" -> value.put("minLength", 1).put("maxLength", bounded(input.maxLen(), URL_MAX, URL_MAX))
          .put("format", "uri").put("pattern", HTTPS_WITHOUT_USERINFO);
      case "file" -> {
        value.put("format", "uuid");
        StringBuilder about = new StringBuilder("the attachment_id of a completed attachment");
        if (input.mimeTypes() != null) {
          about.append("; types: ").append(String.join(", ", input.mimeTypes()));
        }
        if (input.maxSizeMb() != null) {
          about.append("; at most ").append(input.maxSizeMb()).append(" MiB");
        }
        value.put("$comment", about.toString());
      }
      default -> throw new IllegalArgumentException("unknown input type " + input.type());
    }
    return value;
  }

  private static int bounded(@Nullable Integer declared, int fallback, int ceiling) {
    return Math.min(declared != null ? declared : fallback, ceiling);
  }

  /**
   * Validates submitted values (of any timing; required-ness is not checked here, the transfer's gates do that).
   *
   * @param pointerPrefix where the values sit in the request, e.g. {@code /inputs}
   * @return the violations, each with its JSON pointer; empty if every value is acceptable
   */
  public List<Violation> violations(List<Input> inputs, Map<String, String> values, String pointerPrefix) {
    ObjectNode document = WireJson.mapper().createObjectNode();
    values.forEach(document::put);
    return validator.validate(compile(inputs, null, false), document).stream()
        .map(v -> new Violation(pointerPrefix + v.pointer(), v.message()))
        .toList();
  }
}
