--liquibase formatted sql

--changeset ailock:001-identities
--comment: Ailocks and their public keys (Ed25519 signing, X25519 envelopes). Retired keys stay to verify old receipts.
CREATE TABLE dist_ailocks (
  id          text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{1,128}$'),
  created_at  timestamptz NOT NULL
);

CREATE TABLE dist_ailock_keys (
  key_id            text PRIMARY KEY CHECK (key_id ~ '^[0-9a-f]{32}$'),
  ailock_id         text NOT NULL REFERENCES dist_ailocks (id),
  ed25519_public    bytea NOT NULL UNIQUE CHECK (length(ed25519_public) = 32),
  x25519_public     bytea NOT NULL CHECK (length(x25519_public) = 32),
  x25519_signature  bytea NOT NULL CHECK (length(x25519_signature) = 64),
  status            text NOT NULL CHECK (status IN ('active', 'retired')),
  created_at        timestamptz NOT NULL,
  retired_at        timestamptz,
  CHECK ((status = 'retired') = (retired_at IS NOT NULL))
);
CREATE UNIQUE INDEX dist_ailock_keys_one_active ON dist_ailock_keys (ailock_id) WHERE status = 'active';

-- Nonces of signed requests and proofs seen inside the replay window; purged once expired.
CREATE TABLE dist_request_nonces (
  key_id      text NOT NULL,
  nonce       text NOT NULL CHECK (length(nonce) BETWEEN 16 AND 64),
  expires_at  timestamptz NOT NULL,
  PRIMARY KEY (key_id, nonce)
);
CREATE INDEX dist_request_nonces_expiry ON dist_request_nonces (expires_at);
