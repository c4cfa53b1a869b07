--liquibase formatted sql

--changeset ailock:007-delivery-sessions-refunds-retention
--comment: Issue 5: chunks served per download session (download counting), how a session completed, the provider's payment id (refunds and disputes name it), retention's purge bookkeeping.
ALTER TABLE dist_download_sessions ADD COLUMN chunk_count integer NOT NULL DEFAULT 1 CHECK (chunk_count > 0);
ALTER TABLE dist_download_sessions ADD COLUMN completed_by text CHECK (completed_by IN ('chunks', 'receipt'));
ALTER TABLE dist_download_sessions ADD CONSTRAINT dist_download_sessions_completed_by
  CHECK ((completed_at IS NULL) = (completed_by IS NULL));

-- One row per chunk a session has served at least once: the session completes when every index has a row.
CREATE TABLE dist_download_served_chunks (
  session_id       uuid NOT NULL REFERENCES dist_download_sessions (id) ON DELETE CASCADE,
  idx              integer NOT NULL CHECK (idx >= 0),
  first_served_at  timestamptz NOT NULL,
  times_served     integer NOT NULL DEFAULT 1 CHECK (times_served >= 1),
  PRIMARY KEY (session_id, idx)
);

CREATE INDEX dist_claims_open ON dist_claims (transfer_id) WHERE revoked_at IS NULL;

-- Stripe's PaymentIntent id of a paid Checkout Session: charge.refunded and charge.dispute.created name it.
ALTER TABLE dist_payment_intents ADD COLUMN provider_payment_ref text;
CREATE UNIQUE INDEX dist_payment_intents_payment_ref ON dist_payment_intents (provider, provider_payment_ref)
  WHERE provider_payment_ref IS NOT NULL;

-- Retention: a purged product's blobs are deleted outside the purging transaction, under a lease.
ALTER TABLE dist_digital_products ADD COLUMN blobs_purged_at timestamptz;
ALTER TABLE dist_digital_products ADD COLUMN purge_leased_at timestamptz;
CREATE INDEX dist_digital_products_blob_purge ON dist_digital_products (purge_leased_at)
  WHERE status = 'purged' AND blobs_purged_at IS NULL;
