-- WhatsApp providers that send templates (issue 22, Meta's WhatsApp Cloud API: a business-initiated
-- message is an approved template with ordered parameters): the variables a templated notification
-- was rendered with, so the outbox can hand them to such a provider. Written with the notification.
CREATE TABLE notification_variables (
  notification_id INTEGER PRIMARY KEY REFERENCES notifications(id) ON DELETE CASCADE,
  variables TEXT NOT NULL
);
-- Meta reports a message's fate later (status webhooks: sent, delivered, read, failed) by its id.
CREATE INDEX notifications_gateway_message ON notifications(gateway_message_id) WHERE gateway_message_id <> '';
