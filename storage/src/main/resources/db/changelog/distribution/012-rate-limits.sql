--liquibase formatted sql

--changeset ailock:012-rate-limits
--comment: Rate limits on claim, ticket, ack, revoke and dispute (plan §8): one token bucket per Ailock and action, shared by every instance. A row whose bucket has refilled is deleted by housekeeping.
CREATE TABLE dist_rate_limits (
  subject     text NOT NULL,
  action      text NOT NULL CHECK (action IN ('ticket', 'claim', 'ack', 'revoke', 'dispute')),
  tokens      double precision NOT NULL CHECK (tokens >= 0),
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (subject, action)
);
CREATE INDEX dist_rate_limits_idle ON dist_rate_limits (action, updated_at);
