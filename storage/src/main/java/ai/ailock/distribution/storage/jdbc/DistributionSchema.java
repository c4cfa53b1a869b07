package ai.ailock.distribution.storage.jdbc;

import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;

/** The Liquibase changelog of the distribution tables ({@code dist_*}). */
public final class DistributionSchema {
  public static final String CHANGELOG = "classpath:db/changelog/distribution/db.changelog-master.yaml";

  private DistributionSchema() {}

  /** Applies every pending changeset to {@code dataSource}. Idempotent. */
  public static void migrate(DataSource dataSource) {
    var liquibase = new SpringLiquibase();
    liquibase.setDataSource(dataSource);
    liquibase.setChangeLog(CHANGELOG);
    liquibase.setResourceLoader(new org.springframework.core.io.DefaultResourceLoader());
    try {
      liquibase.afterPropertiesSet();
    } catch (Exception e) {
      throw new IllegalStateException("database migration failed", e);
    }
  }
}
