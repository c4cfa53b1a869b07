/**
 * Buyer inputs (plan §4 policy notes, §7.0): what a product requires, compiled to a JSON Schema per timing, and the
 * buyer's submissions, validated against it (networknt, format assertions on) and merged into the transfer.
 */
@NullMarked
package ai.ailock.distribution.engine.buyerinput;

import org.jspecify.annotations.NullMarked;
