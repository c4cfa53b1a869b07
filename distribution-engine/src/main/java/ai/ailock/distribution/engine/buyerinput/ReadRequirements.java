package ai.ailock.distribution.engine.buyerinput;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.product.Product;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.product.Products;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferChanges;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.engine.transfer.Transfers;

/**
 * {@code products-requirements}: the inputs a product requires, with their timing. Who may read them: the product's
 * owner, and an Ailock the product has been offered to (by product id); the seller and the buyer of a transfer (by
 * transfer id, which also tells which inputs are still missing). Anyone else gets {@code product_not_found} /
 * {@code transfer_not_found}, as if it did not exist: a product's requirements can reveal what it is for.
 */
public final class ReadRequirements {
  private final Products products;
  private final Transfers transfers;
  private final TransferChanges changes;

  public ReadRequirements(Products products, Transfers transfers, TransferChanges changes) {
    this.products = products;
    this.transfers = transfers;
    this.changes = changes;
  }

  public Requirements ofProduct(Caller caller, ProductId id) {
    Product product = products.find(id)
        .filter(p -> p.ownedBy(caller.ailock()) || transfers.offered(p.id(), caller.ailock()))
        .orElseThrow(() -> new DistributionException(ErrorCode.PRODUCT_NOT_FOUND, "no such product"));
    return new Requirements(product.id(), product.policy().requiredInputs(), null);
  }

  public Requirements ofTransfer(Caller caller, TransferId id) {
    Transfer transfer = changes.visibleTo(id, caller.ailock());
    return new Requirements(transfer.product(), transfer.terms().requiredInputs(), transfer);
  }
}
