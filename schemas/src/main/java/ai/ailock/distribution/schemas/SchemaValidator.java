package ai.ailock.distribution.schemas;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Validates documents against the {@link WireSchema}s (JSON Schema 2020-12, format assertions on).
 *
 * <p>Schemas are loaded from the classpath once, at construction; {@code $ref}s between them resolve
 * through their {@code $id}s without network access. Thread-safe.
 */
public final class SchemaValidator {
  private final Map<WireSchema, Schema> schemas = new EnumMap<>(WireSchema.class);

  public SchemaValidator() {
    var config = SchemaRegistryConfig.builder()
        .formatAssertionsEnabled(true)
        .pathType(PathType.JSON_POINTER)
        .build();
    var registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
        .schemaRegistryConfig(config)
        .schemaIdResolvers(ids -> ids.mapPrefix(WireSchema.ID_PREFIX, "classpath:schemas/")));
    for (WireSchema schema : WireSchema.values()) {
      Schema loaded = registry.getSchema(SchemaLocation.of(schema.id()));
      loaded.initializeValidators();
      schemas.put(schema, loaded);
    }
  }

  /**
   * @return the violations of {@code document} against {@code schema}, ordered by pointer; empty if valid
   */
  public List<Violation> validate(WireSchema schema, JsonNode document) {
    List<Error> errors = schemas.get(schema).validate(document);
    return errors.stream()
        .map(error -> new Violation(pointerOf(error), error.getMessage()))
        .distinct()
        .sorted(Comparator.comparing(Violation::pointer).thenComparing(Violation::message))
        .toList();
  }

  private static String pointerOf(Error error) {
    String location = error.getInstanceLocation().toString();
    // A missing or unexpected property is reported at its parent; name the property itself.
    String property = error.getProperty();
    if (property != null && ("required".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword()))) {
      return location + "/" + property.replace("~", "~0").replace("/", "~1");
    }
    return location;
  }
}
