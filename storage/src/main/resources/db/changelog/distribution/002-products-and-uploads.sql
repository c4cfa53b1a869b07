--liquibase formatted sql

--changeset ailock:002-products-and-uploads
--comment: Products (plan §4 digital_products), chunked upload sessions and their chunks, content checks.
CREATE TABLE dist_digital_products (
  id                 uuid PRIMARY KEY,
  owner_ailock_id    text NOT NULL REFERENCES dist_ailocks (id),
  title              text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  content_type       text NOT NULL CHECK (length(content_type) BETWEEN 3 AND 255),
  size               bigint NOT NULL CHECK (size >= 0),
  encryption_algo    text NOT NULL CHECK (encryption_algo IN ('ailock-e2ee-v1')),
  status             text NOT NULL CHECK (status IN ('draft', 'ready', 'purged')),
  content_version    integer NOT NULL DEFAULT 0 CHECK (content_version >= 0),
  current_upload_id  uuid,
  content_hash       text CHECK (content_hash ~ '^[0-9a-f]{64}$'),
  storage_type       text CHECK (storage_type IN ('filesystem', 's3')),
  storage_pointer    text,
  manifest           jsonb,
  manifest_sha256    text CHECK (manifest_sha256 ~ '^[0-9a-f]{64}$'),
  policy             jsonb NOT NULL,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  ready_at           timestamptz,
  expires_at         timestamptz,
  CHECK ((status = 'ready') = (manifest IS NOT NULL AND content_hash IS NOT NULL AND expires_at IS NOT NULL))
);
CREATE INDEX dist_digital_products_owner ON dist_digital_products (owner_ailock_id, created_at DESC);
CREATE INDEX dist_digital_products_expiry ON dist_digital_products (expires_at) WHERE status = 'ready';
CREATE INDEX dist_digital_products_policy ON dist_digital_products USING gin (policy jsonb_path_ops);

CREATE TABLE dist_upload_sessions (
  id                 uuid PRIMARY KEY,
  purpose            text NOT NULL CHECK (purpose IN ('product', 'attachment')),
  product_id         uuid REFERENCES dist_digital_products (id),
  transfer_id        uuid,
  input_id           text,
  owner_ailock_id    text NOT NULL REFERENCES dist_ailocks (id),
  content_version    integer NOT NULL CHECK (content_version >= 1),
  total_size         bigint NOT NULL CHECK (total_size > 0),
  chunk_size         integer NOT NULL CHECK (chunk_size > 0),
  chunk_count        integer NOT NULL CHECK (chunk_count > 0),
  storage_type       text NOT NULL CHECK (storage_type IN ('filesystem', 's3')),
  storage_prefix     text NOT NULL UNIQUE,
  status             text NOT NULL CHECK (status IN ('open', 'completed', 'expired')),
  ciphertext_sha256  text CHECK (ciphertext_sha256 ~ '^[0-9a-f]{64}$'),
  created_at         timestamptz NOT NULL,
  expires_at         timestamptz NOT NULL,
  completed_at       timestamptz,
  CHECK ((purpose = 'product') = (product_id IS NOT NULL)),
  CHECK ((purpose = 'attachment') = (transfer_id IS NOT NULL AND input_id IS NOT NULL)),
  CHECK ((status = 'completed') = (completed_at IS NOT NULL AND ciphertext_sha256 IS NOT NULL)),
  CHECK (chunk_count = (total_size + chunk_size - 1) / chunk_size)
);
CREATE UNIQUE INDEX dist_upload_sessions_product_version
  ON dist_upload_sessions (product_id, content_version) WHERE purpose = 'product' AND status IN ('open', 'completed');
CREATE INDEX dist_upload_sessions_expiry ON dist_upload_sessions (expires_at) WHERE status = 'open';

ALTER TABLE dist_digital_products
  ADD CONSTRAINT dist_digital_products_current_upload FOREIGN KEY (current_upload_id) REFERENCES dist_upload_sessions (id);

CREATE TABLE dist_upload_chunks (
  upload_id   uuid NOT NULL REFERENCES dist_upload_sessions (id) ON DELETE CASCADE,
  idx         integer NOT NULL CHECK (idx >= 0),
  size        integer NOT NULL CHECK (size > 0),
  sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  blob_key    text NOT NULL,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (upload_id, idx)
);

CREATE TABLE dist_content_checks (
  id            uuid PRIMARY KEY,
  product_id    uuid NOT NULL REFERENCES dist_digital_products (id),
  malware_scan  text NOT NULL CHECK (malware_scan IN ('pending', 'clean', 'infected', 'error', 'skipped')),
  moderation    text NOT NULL CHECK (moderation IN ('pending', 'approved', 'rejected', 'skipped')),
  reports       jsonb NOT NULL DEFAULT '{}'::jsonb,
  checked_at    timestamptz
);
CREATE INDEX dist_content_checks_product ON dist_content_checks (product_id);
