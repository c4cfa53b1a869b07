--liquibase formatted sql

--changeset ailock:004-delivery
--comment: Key envelopes (plan §4 product_keys), claims, download sessions, delivery receipts.
CREATE TABLE dist_product_keys (
  id                   uuid PRIMARY KEY,
  product_id           uuid NOT NULL REFERENCES dist_digital_products (id),
  transfer_id          uuid NOT NULL UNIQUE REFERENCES dist_product_transfers (id),
  recipient_ailock_id  text NOT NULL REFERENCES dist_ailocks (id),
  recipient_key_id     text NOT NULL REFERENCES dist_ailock_keys (key_id),
  key_envelope         text,
  algo                 text NOT NULL CHECK (algo IN ('x25519-sealedbox')),
  created_at           timestamptz NOT NULL,
  expires_at           timestamptz NOT NULL,
  destroyed_at         timestamptz,
  CHECK ((key_envelope IS NULL) = (destroyed_at IS NOT NULL))
);
CREATE INDEX dist_product_keys_expiry ON dist_product_keys (expires_at) WHERE destroyed_at IS NULL;

CREATE TABLE dist_claims (
  jti                  uuid PRIMARY KEY,
  transfer_id          uuid NOT NULL REFERENCES dist_product_transfers (id),
  recipient_ailock_id  text NOT NULL REFERENCES dist_ailocks (id),
  recipient_key_id     text NOT NULL REFERENCES dist_ailock_keys (key_id),
  token_sha256         text NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
  signing_kid          text NOT NULL,
  issued_at            timestamptz NOT NULL,
  expires_at           timestamptz NOT NULL,
  redeemed_at          timestamptz,
  revoked_at           timestamptz,
  CHECK (expires_at > issued_at)
);
CREATE INDEX dist_claims_transfer ON dist_claims (transfer_id);

CREATE TABLE dist_download_sessions (
  id                   uuid PRIMARY KEY,
  claim_jti            uuid NOT NULL UNIQUE REFERENCES dist_claims (jti),
  transfer_id          uuid NOT NULL REFERENCES dist_product_transfers (id),
  recipient_ailock_id  text NOT NULL REFERENCES dist_ailocks (id),
  opened_at            timestamptz NOT NULL,
  expires_at           timestamptz NOT NULL,
  completed_at         timestamptz,
  revoked_at           timestamptz,
  bytes_served         bigint NOT NULL DEFAULT 0 CHECK (bytes_served >= 0)
);
CREATE INDEX dist_download_sessions_transfer ON dist_download_sessions (transfer_id);
CREATE INDEX dist_download_sessions_expiry ON dist_download_sessions (expires_at)
  WHERE completed_at IS NULL AND revoked_at IS NULL;

CREATE TABLE dist_delivery_receipts (
  id             uuid PRIMARY KEY,
  transfer_id    uuid NOT NULL UNIQUE REFERENCES dist_product_transfers (id),
  client_hash    text NOT NULL CHECK (client_hash ~ '^[0-9a-f]{64}$'),
  manifest_hash  text NOT NULL CHECK (manifest_hash ~ '^[0-9a-f]{64}$'),
  key_id         text NOT NULL REFERENCES dist_ailock_keys (key_id),
  signature      bytea NOT NULL CHECK (length(signature) = 64),
  signed_at      timestamptz NOT NULL,
  delivered_at   timestamptz NOT NULL,
  meta           jsonb NOT NULL DEFAULT '{}'::jsonb
);
