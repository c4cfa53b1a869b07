--liquibase formatted sql

--changeset ailock:003-transfers-and-payments
--comment: Transfers (plan §4 product_transfers, plus revoked and expired), buyer attachments, Stripe payment intents, webhook events.
CREATE TABLE dist_product_transfers (
  id              uuid PRIMARY KEY,
  product_id      uuid NOT NULL REFERENCES dist_digital_products (id),
  from_ailock_id  text NOT NULL REFERENCES dist_ailocks (id),
  to_ailock_id    text NOT NULL REFERENCES dist_ailocks (id),
  price           bigint NOT NULL CHECK (price >= 0),
  currency        text NOT NULL CHECK (currency ~ '^[a-z]{3}$'),
  status          text NOT NULL CHECK (status IN ('offered', 'invoiced', 'paid', 'paid_pending_inputs', 'delivered',
                                                 'acknowledged', 'disputed', 'refunded', 'revoked', 'expired')),
  policy          jsonb NOT NULL,
  buyer_inputs    jsonb NOT NULL DEFAULT '{}'::jsonb,
  version         bigint NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  expires_at      timestamptz NOT NULL,
  CHECK (from_ailock_id <> to_ailock_id)
);
CREATE INDEX dist_product_transfers_buyer ON dist_product_transfers (to_ailock_id, status);
CREATE INDEX dist_product_transfers_seller ON dist_product_transfers (from_ailock_id, status);
CREATE INDEX dist_product_transfers_product ON dist_product_transfers (product_id);
CREATE INDEX dist_product_transfers_status_age ON dist_product_transfers (status, updated_at);
CREATE INDEX dist_product_transfers_expiry ON dist_product_transfers (expires_at)
  WHERE status NOT IN ('refunded', 'revoked', 'expired');
CREATE INDEX dist_product_transfers_inputs ON dist_product_transfers USING gin (buyer_inputs jsonb_path_ops);

ALTER TABLE dist_upload_sessions
  ADD CONSTRAINT dist_upload_sessions_transfer FOREIGN KEY (transfer_id) REFERENCES dist_product_transfers (id);

CREATE TABLE dist_transfer_attachments (
  id               uuid PRIMARY KEY,
  transfer_id      uuid NOT NULL REFERENCES dist_product_transfers (id),
  input_id         text NOT NULL,
  upload_id        uuid NOT NULL UNIQUE REFERENCES dist_upload_sessions (id),
  storage_type     text NOT NULL CHECK (storage_type IN ('filesystem', 's3')),
  storage_pointer  text NOT NULL,
  size             bigint NOT NULL CHECK (size > 0),
  content_type     text NOT NULL,
  checksum         text NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
  created_at       timestamptz NOT NULL
);
CREATE INDEX dist_transfer_attachments_transfer ON dist_transfer_attachments (transfer_id, input_id);

CREATE TABLE dist_payment_intents (
  id               uuid PRIMARY KEY,
  provider         text NOT NULL CHECK (provider IN ('stripe')),
  provider_ref     text,
  amount           bigint NOT NULL CHECK (amount >= 0),
  amount_refunded  bigint NOT NULL DEFAULT 0 CHECK (amount_refunded >= 0),
  currency         text NOT NULL CHECK (currency ~ '^[a-z]{3}$'),
  status           text NOT NULL CHECK (status IN ('open', 'paid', 'failed', 'expired', 'refunded',
                                                  'partially_refunded', 'disputed')),
  transfer_id      uuid NOT NULL REFERENCES dist_product_transfers (id),
  attempt          integer NOT NULL CHECK (attempt >= 1),
  checkout_url     text,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  UNIQUE (provider, provider_ref),
  UNIQUE (transfer_id, attempt)
);
CREATE INDEX dist_payment_intents_open ON dist_payment_intents (status, created_at) WHERE status = 'open';

CREATE TABLE dist_webhook_events (
  event_id     text PRIMARY KEY,
  type         text NOT NULL,
  transfer_id  uuid,
  outcome      text NOT NULL,
  received_at  timestamptz NOT NULL
);
