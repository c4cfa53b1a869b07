package ai.ailock.distribution.engine.buyerinput;

import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.product.RequiredInput;
import ai.ailock.distribution.engine.transfer.Transfer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The inputs a product (or one transfer of it) requires.
 *
 * @param transfer present when asked about a transfer: its terms are the ones that count, and it tells what is missing
 */
public record Requirements(ProductId product, List<RequiredInput> inputs, @Nullable Transfer transfer) {}
