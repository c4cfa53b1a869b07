--liquibase formatted sql

--changeset ailock:005-messaging-and-audit
--comment: Transactional outbox, processed inbound messages (dedupe), audit log.
CREATE TABLE dist_outbox (
  id                   bigserial PRIMARY KEY,
  message_id           uuid NOT NULL UNIQUE,
  aggregate_key        text NOT NULL,
  type                 text NOT NULL,
  recipient_ailock_id  text NOT NULL,
  payload              jsonb NOT NULL,
  trace_id             text,
  created_at           timestamptz NOT NULL,
  published_at         timestamptz,
  attempts             integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error           text
);
CREATE INDEX dist_outbox_unpublished ON dist_outbox (id) WHERE published_at IS NULL;

CREATE TABLE dist_processed_messages (
  message_id    text PRIMARY KEY,
  outcome       jsonb NOT NULL,
  processed_at  timestamptz NOT NULL
);

-- Audit records outlive the rows they describe (no foreign keys): purges keep the trail.
CREATE TABLE dist_audit_log (
  id           bigserial PRIMARY KEY,
  at           timestamptz NOT NULL,
  actor        text NOT NULL,
  action       text NOT NULL,
  product_id   uuid,
  transfer_id  uuid,
  request_id   text,
  ip           text,
  user_agent   text,
  detail       jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX dist_audit_log_transfer ON dist_audit_log (transfer_id, at) WHERE transfer_id IS NOT NULL;
CREATE INDEX dist_audit_log_product ON dist_audit_log (product_id, at) WHERE product_id IS NOT NULL;
