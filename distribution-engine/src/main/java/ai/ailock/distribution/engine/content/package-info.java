/**
 * Content checks under end-to-end encryption (plan §8 "malware/moderation checks prior to grant"; docs/content.md).
 * The service never sees plaintext, so it cannot scan; the Ailocks that can read the content report what they find
 * ({@code delivery.ReportContent}), and a reported product is quarantined: no new offers, grants, tickets or
 * downloads of it or of its personalized copies ({@link ContentChecks#quarantined}) until the reviewers the operator
 * named clear its reports ({@link ReviewContent}).
 */
@NullMarked
package ai.ailock.distribution.engine.content;

import org.jspecify.annotations.NullMarked;
