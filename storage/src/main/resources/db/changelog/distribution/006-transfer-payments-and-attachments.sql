--liquibase formatted sql

--changeset ailock:006-transfer-payments-and-attachments
--comment: Issue 4: reconciler lease on payment intents, attachment sessions' declared type and size, attachment key envelopes, the local checkout emulator's sessions.
ALTER TABLE dist_payment_intents ADD COLUMN checked_at timestamptz;
CREATE INDEX dist_payment_intents_reconcile ON dist_payment_intents (created_at, checked_at) WHERE status = 'open';
CREATE INDEX dist_payment_intents_transfer ON dist_payment_intents (transfer_id, attempt DESC);

-- An attachment upload records what the buyer declared: checked against the input's mime_types and max_size_mb.
ALTER TABLE dist_upload_sessions ADD COLUMN content_type text CHECK (length(content_type) BETWEEN 3 AND 255);
ALTER TABLE dist_upload_sessions ADD COLUMN plaintext_size bigint CHECK (plaintext_size >= 0);
ALTER TABLE dist_upload_sessions ADD CONSTRAINT dist_upload_sessions_attachment_declared
  CHECK ((purpose = 'attachment') = (content_type IS NOT NULL AND plaintext_size IS NOT NULL));
CREATE INDEX dist_upload_sessions_attachment ON dist_upload_sessions (transfer_id, input_id, created_at DESC)
  WHERE purpose = 'attachment';

-- The attachment's input key, sealed to the seller's X25519 key (opaque to the service), and its ciphertext length.
ALTER TABLE dist_transfer_attachments ADD COLUMN key_envelope text NOT NULL;
ALTER TABLE dist_transfer_attachments ADD COLUMN recipient_key_id text NOT NULL REFERENCES dist_ailock_keys (key_id);
ALTER TABLE dist_transfer_attachments ADD COLUMN ciphertext_length bigint NOT NULL CHECK (ciphertext_length > 0);

-- Sessions of the local Stripe Checkout emulator (single-node default, no Stripe key configured).
CREATE TABLE dist_emulated_checkout_sessions (
  id               text PRIMARY KEY CHECK (id ~ '^cs_emu_[A-Za-z0-9]{24,64}$'),
  idempotency_key  text NOT NULL UNIQUE,
  transfer_id      uuid NOT NULL REFERENCES dist_product_transfers (id),
  amount           bigint NOT NULL CHECK (amount >= 0),
  currency         text NOT NULL CHECK (currency ~ '^[a-z]{3}$'),
  description      text NOT NULL,
  status           text NOT NULL CHECK (status IN ('open', 'complete', 'expired')),
  payment_status   text NOT NULL CHECK (payment_status IN ('unpaid', 'paid')),
  created_at       timestamptz NOT NULL,
  expires_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL
);
