package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.PageCursor;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.transfer.BuyerInputs;
import ai.ailock.distribution.engine.transfer.Party;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.engine.transfer.TransferState;
import ai.ailock.distribution.engine.transfer.Transfers;
import ai.ailock.distribution.schemas.WireJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;

/**
 * {@link Transfers} on {@code dist_product_transfers}. The terms are stored in {@code policy} in the product policy's
 * wire form (price always set), the buyer's values in {@code buyer_inputs} as an object from input id to value;
 * updates are compare-and-set on {@code version}.
 */
public final class JdbcTransfers implements Transfers {
  private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {};

  private final JdbcClient jdbc;

  public JdbcTransfers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void add(Transfer t) {
    jdbc.sql("""
            INSERT INTO dist_product_transfers (id, product_id, from_ailock_id, to_ailock_id, price, currency, status,
                                                policy, buyer_inputs, version, created_at, updated_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)""")
        .params(t.id().value(), t.product().value(), t.seller().value(), t.buyer().value(), t.price().amount(),
            t.price().currency(), t.state().wire(), PolicyJson.write(t.terms()), inputs(t.inputs()), t.version(),
            Timestamps.of(t.createdAt()), Timestamps.of(t.updatedAt()), Timestamps.of(t.expiresAt()))
        .update();
  }

  @Override
  public Optional<Transfer> find(TransferId id) {
    return jdbc.sql("SELECT * FROM dist_product_transfers WHERE id = ?").param(id.value())
        .query(JdbcTransfers::map).optional();
  }

  @Override
  public boolean offered(ProductId product, AilockId buyer) {
    return jdbc.sql("SELECT count(*) FROM dist_product_transfers WHERE product_id = ? AND to_ailock_id = ?")
        .params(product.value(), buyer.value()).query(Long.class).single() > 0;
  }

  /** Walks the party's index ({@code from_ailock_id} or {@code to_ailock_id}, then newest first) from the cursor. */
  @Override
  public List<Transfer> involving(AilockId ailock, Party party, @Nullable TransferState state,
      @Nullable PageCursor after, int limit) {
    String column = party == Party.SELLER ? "from_ailock_id" : "to_ailock_id";
    var query = new NewestFirst("SELECT * FROM dist_product_transfers WHERE " + column + " = ?", "", ailock.value())
        .whereEquals("status", state == null ? null : state.wire());
    return jdbc.sql(query.sql(after)).params(query.params(after, limit)).query(JdbcTransfers::map).list();
  }

  @Override
  public boolean update(Transfer t) {
    return jdbc.sql("""
            UPDATE dist_product_transfers
            SET status = ?, policy = ?::jsonb, buyer_inputs = ?::jsonb, version = ?, updated_at = ?, expires_at = ?
            WHERE id = ? AND version = ?""")
        .params(t.state().wire(), PolicyJson.write(t.terms()), inputs(t.inputs()), t.version(),
            Timestamps.of(t.updatedAt()), Timestamps.of(t.expiresAt()), t.id().value(), t.version() - 1)
        .update() == 1;
  }

  private static String inputs(BuyerInputs inputs) {
    return WireJson.mapper().writeValueAsString(inputs.values());
  }

  private static Transfer map(ResultSet rs, int row) throws SQLException {
    Map<String, String> values = WireJson.mapper().readValue(rs.getString("buyer_inputs"), VALUES);
    return new Transfer(new TransferId(rs.getObject("id", UUID.class)),
        new ProductId(rs.getObject("product_id", UUID.class)), new AilockId(rs.getString("from_ailock_id")),
        new AilockId(rs.getString("to_ailock_id")), TransferState.fromWire(rs.getString("status")),
        PolicyJson.read(rs.getString("policy")), new BuyerInputs(values), rs.getLong("version"),
        Timestamps.readRequired(rs, "created_at"), Timestamps.readRequired(rs, "updated_at"),
        Timestamps.readRequired(rs, "expires_at"));
  }
}
