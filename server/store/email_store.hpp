#pragma once
// The email outbox's rows (email_outbox), the "send this invoice" log (invoice_sends) and the
// customer's contact for a channel (email, phone, channel_preference).
// Claims follow store/outbox_store.hpp: the caller holds the transaction; on PostgreSQL the
// candidate read locks its row FOR UPDATE SKIP LOCKED so two servers never take the same message,
// on SQLite BEGIN IMMEDIATE serialises the claim; the lease makes a dead server's message due again.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace kimonet::store {

struct NewEmail {
    std::string key;
    std::optional<std::int64_t> customer_id;
    std::optional<std::int64_t> invoice_id;
    std::string to_address;
    std::string subject;
    std::string body_text;
    std::string body_html;
    std::optional<std::int64_t> attach_invoice_id;
    std::string created_by = "system";
};

// The new row's id, or nullopt when the key was already queued (nothing changed).
Result<std::optional<std::int64_t>> insert_email(Database& db, const NewEmail& email, std::int64_t now);
Result<std::optional<std::int64_t>> find_email_id_by_key(Database& db, const std::string& key);

struct EmailRow {
    std::int64_t id = 0;
    std::string key;
    std::optional<std::int64_t> customer_id;
    std::optional<std::int64_t> invoice_id;
    std::string to_address;
    std::string subject;
    std::string body_text;
    std::string body_html;
    std::optional<std::int64_t> attach_invoice_id;
    std::string status;
    int attempts = 0;
    std::int64_t next_attempt_at = 0;
    std::string message_id;
    std::string last_error;
    std::string created_by;
    std::int64_t created_at = 0;
    std::optional<std::int64_t> sent_at;
    bool expired = false;  // a claim candidate whose lease ran out (the worker died mid-send)
};

Result<std::optional<EmailRow>> find_email(Database& db, std::int64_t id);
// An interrupted send whose lease ran out first, then the oldest due queued message.
Result<std::optional<EmailRow>> find_next_email_candidate(Database& db, std::int64_t now);
// The earliest next_attempt_at (queued) or lease_until (sending); none when nothing waits.
Result<std::optional<std::int64_t>> earliest_email_work(Database& db);
// Claim: status sending, one more attempt, leased until `lease_until`.
Result<void> mark_email_sending(Database& db, std::int64_t id, std::int64_t lease_until, std::int64_t now);
// Outcomes of the claim made with `attempts` (a stale worker's outcome changes nothing).
Result<void> mark_email_sent(Database& db, std::int64_t id, int attempts, const std::string& message_id, const std::string& response,
                             std::int64_t now);
Result<void> requeue_email(Database& db, std::int64_t id, int attempts, std::int64_t next_attempt_at, const std::string& error,
                           const std::string& response, std::int64_t now);
Result<void> mark_email_failed(Database& db, std::int64_t id, int attempts, const std::string& error, const std::string& response,
                               std::int64_t now);

struct CustomerContact {
    std::int64_t id = 0;
    std::string name;
    std::string service_number;
    std::string phone;
    std::string email;
    std::string channel_preference;  // '' | whatsapp | email | both
};
Result<std::optional<CustomerContact>> find_customer_contact(Database& db, std::int64_t customer_id);
Result<void> save_channel_preference(Database& db, std::int64_t customer_id, const std::string& preference, std::int64_t now);

struct NewInvoiceSend {
    std::int64_t invoice_id = 0;
    std::string actor_type;
    std::int64_t actor_id = 0;
    std::string actor_name;
    std::string channel;    // whatsapp | email
    std::string recipient;
    std::string sent_as;    // pdf_attachment | document | pay_link
    std::string key;
    std::optional<std::int64_t> email_id;
    std::optional<std::int64_t> notification_id;
    std::string direct_outcome;  // a document sent at once: "sent" or the gateway's reason
};
Result<std::int64_t> insert_invoice_send(Database& db, const NewInvoiceSend& send, std::int64_t now);
// How a document send went (or that it fell back to the pay link, queued as `notification_id`).
Result<void> update_invoice_send_delivery(Database& db, std::int64_t id, const std::string& sent_as, std::optional<std::int64_t> notification_id,
                                          const std::string& direct_outcome);

struct InvoiceSendRow {
    std::int64_t id = 0;
    std::int64_t invoice_id = 0;
    std::string actor_type;
    std::int64_t actor_id = 0;
    std::string actor_name;
    std::string channel;
    std::string recipient;
    std::string sent_as;
    std::string key;
    std::string outcome;     // queued | sending | sent | failed | cancelled (the message's status)
    std::string last_error;  // the message's last error, if any
    std::int64_t created_at = 0;
};
Result<std::vector<InvoiceSendRow>> list_invoice_sends(Database& db, std::int64_t invoice_id);
Result<std::optional<InvoiceSendRow>> find_invoice_send_by_key(Database& db, const std::string& key);
// Sends since `since` by one actor, and of one invoice (the relay bounds).
Result<std::int64_t> count_invoice_sends_by_actor(Database& db, const std::string& actor_type, std::int64_t actor_id, std::int64_t since);
Result<std::int64_t> count_invoice_sends_of_invoice(Database& db, std::int64_t invoice_id, std::int64_t since);
// Distinct typed-in recipients one actor used since `since` (other than the customer's own).
Result<std::int64_t> count_distinct_recipients_by_actor(Database& db, const std::string& actor_type, std::int64_t actor_id, std::int64_t since);
Result<std::optional<std::int64_t>> oldest_invoice_send_by_actor(Database& db, const std::string& actor_type, std::int64_t actor_id,
                                                                 std::int64_t since);

}  // namespace kimonet::store
