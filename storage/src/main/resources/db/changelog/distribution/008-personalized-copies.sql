--liquibase formatted sql

--changeset ailock:008-personalized-copies
--comment: Per-buyer personalized copies (product-gaps.md §2): a copy is a product of the seller, built and encrypted by the seller's Ailock for one transfer, delivered instead of the product it copies.
CREATE TABLE dist_product_copies (
  product_id           uuid PRIMARY KEY REFERENCES dist_digital_products (id),
  source_product_id    uuid NOT NULL REFERENCES dist_digital_products (id),
  transfer_id          uuid NOT NULL UNIQUE REFERENCES dist_product_transfers (id),
  owner_ailock_id      text NOT NULL REFERENCES dist_ailocks (id),
  license_fingerprint  text NOT NULL CHECK (license_fingerprint ~ '^[0-9a-f]{32}$'),
  created_at           timestamptz NOT NULL,
  CHECK (product_id <> source_product_id)
);
CREATE INDEX dist_product_copies_source ON dist_product_copies (source_product_id);
CREATE UNIQUE INDEX dist_product_copies_fingerprint ON dist_product_copies (owner_ailock_id, license_fingerprint);
