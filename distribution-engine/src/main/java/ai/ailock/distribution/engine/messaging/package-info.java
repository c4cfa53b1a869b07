/** Messaging ports: deduplication of inbound interactions and batch operations. */
@NullMarked
package ai.ailock.distribution.engine.messaging;

import org.jspecify.annotations.NullMarked;
