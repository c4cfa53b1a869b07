package ai.ailock.distribution.schemas;

/**
 * One reason a document was refused.
 *
 * @param pointer JSON pointer (RFC 6901) of the offending value; {@code ""} for the document itself
 * @param message human-readable explanation, safe to show to the caller
 */
public record Violation(String pointer, String message) {}
