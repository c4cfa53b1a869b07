package ai.ailock.distribution.schemas;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper of the wire contract: snake_case member names (as in the plan's data model:
 * {@code required_inputs}, {@code missing_inputs}, {@code client_hash}), enum constants in lower case
 * ({@code pre_payment}), null members omitted, unknown members refused.
 */
public final class WireJson {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
      .build();

  private WireJson() {}

  /** @return the shared, thread-safe mapper */
  public static JsonMapper mapper() {
    return MAPPER;
  }
}
