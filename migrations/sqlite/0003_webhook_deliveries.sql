-- GitHub webhook deliveries already accepted (X-GitHub-Delivery), so a replayed delivery is refused.
CREATE TABLE webhook_deliveries (
    id          TEXT    NOT NULL PRIMARY KEY,
    received_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE INDEX webhook_deliveries_received ON webhook_deliveries (received_at);
