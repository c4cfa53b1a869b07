package ai.ailock.distribution.engine.content;

/**
 * A report as it stands after a buyer made it or a reviewer cleared it, and whether its product is quarantined: by
 * this report while it is open, or by another open report of the same product.
 */
public record ReportStatus(ContentReport report, boolean quarantined) {}
