/** PostgreSQL adapters of the engine's ports (Spring JDBC), the Liquibase schema, and embedded PostgreSQL. */
@NullMarked
package ai.ailock.distribution.storage.jdbc;

import org.jspecify.annotations.NullMarked;
