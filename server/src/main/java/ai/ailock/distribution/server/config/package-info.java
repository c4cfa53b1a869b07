/** Wiring: properties, engine beans, database, blob store, housekeeping. */
@NullMarked
package ai.ailock.distribution.server.config;

import org.jspecify.annotations.NullMarked;
