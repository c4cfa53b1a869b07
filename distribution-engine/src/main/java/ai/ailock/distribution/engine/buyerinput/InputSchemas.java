package ai.ailock.distribution.engine.buyerinput;

import ai.ailock.distribution.engine.product.RequiredInput;
import ai.ailock.distribution.schemas.RequiredInputsSchema;
import java.util.List;
import java.util.Locale;

/** A product's required inputs in the wire terms {@link RequiredInputsSchema} compiles. */
public final class InputSchemas {
  private InputSchemas() {}

  public static List<RequiredInputsSchema.Input> of(List<RequiredInput> inputs) {
    return inputs.stream().map(InputSchemas::of).toList();
  }

  private static RequiredInputsSchema.Input of(RequiredInput input) {
    RequiredInput.Constraints c = input.constraints();
    return new RequiredInputsSchema.Input(input.id(), input.label(), wire(input.type()), wire(input.timing()),
        input.required(), input.description(), c == null ? null : c.maxLen(), c == null ? null : c.mimeTypes(),
        c == null ? null : c.maxSizeMb());
  }

  public static String wire(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
