package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.Transactions;
import java.util.function.Supplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link Transactions} on a Spring transaction manager (REQUIRED propagation: joins an enclosing transaction). */
public final class JdbcTransactions implements Transactions {
  private final TransactionTemplate template;

  public JdbcTransactions(PlatformTransactionManager transactionManager) {
    this.template = new TransactionTemplate(transactionManager);
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return template.execute(status -> work.get());
  }
}
