-- WhatsApp providers that send templates (issue 22) (the twin of migrations/0048_notification_variables.sql):
-- the variables a templated notification was rendered with, so the outbox can hand them to Meta's
-- WhatsApp Cloud API, whose business-initiated messages are approved templates with ordered parameters.
CREATE TABLE notification_variables (
  notification_id BIGINT PRIMARY KEY REFERENCES notifications(id) ON DELETE CASCADE,
  variables TEXT NOT NULL
);
-- Meta reports a message's fate later (status webhooks: sent, delivered, read, failed) by its id.
CREATE INDEX notifications_gateway_message ON notifications(gateway_message_id) WHERE gateway_message_id <> '';
