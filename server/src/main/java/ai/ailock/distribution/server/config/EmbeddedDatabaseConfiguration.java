package ai.ailock.distribution.server.config;

import ai.ailock.distribution.storage.jdbc.EmbeddedPostgresServer;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The single-node default: PostgreSQL 15 started in-process, its data kept under {@code data-dir/postgres}
 * across restarts. Switched off by {@code ailock.distribution.database.mode=external}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ailock.distribution.database.mode", havingValue = "embedded", matchIfMissing = true)
class EmbeddedDatabaseConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedPostgresServer embeddedPostgres(DistributionProperties properties) {
    return EmbeddedPostgresServer.start(StorageConfiguration.postgresDirectory(properties),
        properties.database().embeddedPort());
  }

  @Bean(destroyMethod = "close")
  DataSource dataSource(EmbeddedPostgresServer postgres) {
    var pool = new HikariDataSource();
    pool.setJdbcUrl(postgres.jdbcUrl());
    pool.setUsername(postgres.username());
    pool.setPassword(postgres.password());
    pool.setMaximumPoolSize(20);
    pool.setPoolName("embedded-postgres");
    return pool;
  }
}
