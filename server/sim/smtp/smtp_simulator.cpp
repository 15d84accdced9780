// The SMTP simulator's session (see smtp_simulator.hpp for the documents it follows).
#include "sim/smtp/smtp_simulator.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>

#include "sim/sim_crypto.hpp"

namespace kimonet::sim {

namespace {

std::string upper_word(const std::string& line) {
    std::string word = line.substr(0, line.find(' '));
    std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return word;
}

// "MAIL FROM:<a@b> SIZE=10" → "a@b"; nullopt when the path is not in angle brackets (RFC 5321 §4.1.2).
std::optional<std::string> smtp_path_argument(const std::string& line, std::string_view prefix) {
    if (line.size() < prefix.size()) return std::nullopt;
    for (std::size_t index = 0; index < prefix.size(); ++index)
        if (std::toupper(static_cast<unsigned char>(line[index])) != prefix[index]) return std::nullopt;
    std::string rest = line.substr(prefix.size());
    while (!rest.empty() && rest.front() == ' ') rest.erase(0, 1);
    if (rest.empty() || rest.front() != '<') return std::nullopt;
    const auto close = rest.find('>');
    if (close == std::string::npos) return std::nullopt;
    return rest.substr(1, close - 1);
}

}  // namespace

// One client connection: plain, then maybe TLS; line reads with a buffer.
struct SmtpSimulator::Session {
    int fd = -1;
    SSL* tls = nullptr;
    std::string buffer;

    ~Session() {
        if (tls) {
            SSL_shutdown(tls);
            SSL_free(tls);
        }
    }
    bool write(const std::string& text) {
        std::size_t sent = 0;
        while (sent < text.size()) {
            const long count = tls ? SSL_write(tls, text.data() + sent, static_cast<int>(text.size() - sent))
                                   : ::send(fd, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
            if (count <= 0) return false;
            sent += static_cast<std::size_t>(count);
        }
        return true;
    }
    bool reply(const std::string& line) { return write(line + "\r\n"); }
    // One line without its CRLF; nullopt when the client went away (or 64 KiB without a line end).
    std::optional<std::string> read_line() {
        for (;;) {
            if (const auto end = buffer.find("\r\n"); end != std::string::npos) {
                std::string line = buffer.substr(0, end);
                buffer.erase(0, end + 2);
                return line;
            }
            if (buffer.size() > 65536) return std::nullopt;
            char chunk[4096];
            const long count = tls ? SSL_read(tls, chunk, sizeof chunk) : ::recv(fd, chunk, sizeof chunk, 0);
            if (count <= 0) return std::nullopt;
            buffer.append(chunk, static_cast<std::size_t>(count));
        }
    }
    bool start_tls(SSL_CTX* context) {
        tls = SSL_new(context);
        SSL_set_fd(tls, fd);
        buffer.clear();  // RFC 3207 §4.2: nothing sent before the handshake counts
        return SSL_accept(tls) == 1;
    }
};

SmtpSimulator::SmtpSimulator(SmtpSimulatorOptions options) : m_options(std::move(options)) {}

SmtpSimulator::~SmtpSimulator() {
    stop();
    if (m_tls_context) SSL_CTX_free(static_cast<SSL_CTX*>(m_tls_context));
}

Result<void> SmtpSimulator::start() {
    m_tls_context = self_signed_tls_context(m_options.hostname);
    m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
    if (m_listener < 0) return make_error(ErrorCode::Internal, std::string("smtp simulator: socket failed"));
    const int yes = 1;
    ::setsockopt(m_listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(m_options.port));
    ::inet_pton(AF_INET, m_options.bind.c_str(), &address.sin_addr);
    if (::bind(m_listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(m_listener, 16) != 0) {
        ::close(m_listener);
        m_listener = -1;
        return make_error(ErrorCode::Internal, std::string("smtp simulator: cannot listen on port ") + std::to_string(m_options.port));
    }
    socklen_t length = sizeof address;
    ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&address), &length);
    m_port = ntohs(address.sin_port);
    m_running = true;
    m_thread = std::thread([this] { accept_loop(); });
    return success();
}

void SmtpSimulator::stop() {
    if (!m_running.exchange(false)) return;
    ::shutdown(m_listener, SHUT_RDWR);
    ::close(m_listener);
    if (m_thread.joinable()) m_thread.join();
    m_listener = -1;
}

std::string SmtpSimulator::url() const {
    return std::string(m_options.implicit_tls ? "smtps" : "smtp") + "://127.0.0.1:" + std::to_string(m_port);
}

std::vector<SmtpReceivedMessage> SmtpSimulator::messages() const {
    std::lock_guard lock(m_mutex);
    return m_messages;
}

std::vector<std::string> SmtpSimulator::commands() const {
    std::lock_guard lock(m_mutex);
    return m_commands;
}

void SmtpSimulator::clear() {
    std::lock_guard lock(m_mutex);
    m_messages.clear();
    m_commands.clear();
}

void SmtpSimulator::fail_next(SmtpFault fault, int count) {
    std::lock_guard lock(m_mutex);
    m_fault = fault;
    m_fault_count = count;
}

SmtpFault SmtpSimulator::take_fault() {
    std::lock_guard lock(m_mutex);
    if (m_fault_count <= 0) return SmtpFault::None;
    --m_fault_count;
    return m_fault;
}

void SmtpSimulator::accept_loop() {
    // One session at a time is what the tests and the demo need; a slow client cannot hang the
    // simulator for longer than the read timeout.
    while (m_running) {
        const int client = ::accept(m_listener, nullptr, nullptr);
        if (client < 0) {
            if (!m_running) return;
            continue;
        }
        timeval timeout{10, 0};
        ::setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        ++m_sessions;
        serve(client);
        ::close(client);
    }
}

void SmtpSimulator::serve(int fd) {
    Session session;
    session.fd = fd;
    SSL_CTX* context = static_cast<SSL_CTX*>(m_tls_context);
    if (m_options.implicit_tls && !session.start_tls(context)) return;
    if (!session.reply("220 " + m_options.hostname + " ESMTP kimonet-sim")) return;

    bool greeted = false;
    std::string ehlo_domain, authenticated, mechanism;
    std::optional<std::string> mail_from;
    std::vector<std::string> recipients;
    SmtpFault fault = SmtpFault::None;
    auto reset_transaction = [&] {
        mail_from.reset();
        recipients.clear();
        fault = SmtpFault::None;
    };
    auto record = [&](const std::string& line) {
        std::lock_guard lock(m_mutex);
        m_commands.push_back(line);
    };
    auto check_credentials = [&](const std::string& user, const std::string& password, const char* used) {
        if (same_secret(user, m_options.username) && same_secret(password, m_options.password)) {
            authenticated = user;
            mechanism = used;
            return session.reply("235 2.7.0 Authentication successful");
        }
        return session.reply("535 5.7.8 Authentication credentials invalid");
    };
    auto read_base64_answer = [&]() -> std::optional<std::string> {
        auto line = session.read_line();
        if (!line) return std::nullopt;
        if (*line == "*") return std::string("\x01" "cancel");
        return base64_decode(*line);
    };

    for (;;) {
        auto line = session.read_line();
        if (!line) return;
        const std::string verb = upper_word(*line);
        record(verb == "AUTH" ? "AUTH " + upper_word(line->substr(std::min(line->size(), std::size_t{5}))) + " ***" : *line);
        if (verb == "EHLO" || verb == "HELO") {
            greeted = true;
            ehlo_domain = line->size() > 5 ? line->substr(5) : "";
            reset_transaction();
            if (verb == "HELO") {
                session.reply("250 " + m_options.hostname);
                continue;
            }
            std::vector<std::string> keywords = {m_options.hostname, "PIPELINING", "8BITMIME", "SIZE 26214400"};
            if (!session.tls) keywords.push_back("STARTTLS");
            else if (!m_options.mechanisms.empty()) keywords.push_back("AUTH " + m_options.mechanisms);
            std::string answer;
            for (std::size_t index = 0; index < keywords.size(); ++index)
                answer += "250" + std::string(index + 1 < keywords.size() ? "-" : " ") + keywords[index] + "\r\n";
            if (!session.write(answer)) return;
        } else if (verb == "STARTTLS") {
            if (session.tls) {
                session.reply("503 5.5.1 TLS already active");
                continue;
            }
            if (!session.reply("220 2.0.0 Ready to start TLS")) return;
            if (!session.start_tls(context)) return;
            // RFC 3207 §4.2: the client must forget what it knew and the server forgets the greeting.
            greeted = false;
            authenticated.clear();
            reset_transaction();
        } else if (verb == "AUTH") {
            std::string rest = line->size() > 5 ? line->substr(5) : "";
            const std::string mechanism_word = upper_word(rest);
            const std::string initial = rest.find(' ') == std::string::npos ? "" : rest.substr(rest.find(' ') + 1);
            if (!greeted) session.reply("503 5.5.1 EHLO first");
            else if (!session.tls) session.reply("538 5.7.11 Encryption required for requested authentication mechanism");
            else if (!authenticated.empty()) session.reply("503 5.5.1 Already authenticated");
            else if (m_options.mechanisms.find(mechanism_word) == std::string::npos || mechanism_word.empty())
                session.reply("504 5.5.4 Unrecognized authentication type");
            else if (mechanism_word == "PLAIN") {
                std::optional<std::string> decoded;
                if (initial.empty() || initial == "=") {
                    if (!session.reply("334 ")) return;
                    decoded = read_base64_answer();
                } else {
                    decoded = base64_decode(initial);
                }
                if (decoded && *decoded == "\x01" "cancel") {
                    session.reply("501 5.0.0 Authentication cancelled");
                    continue;
                }
                // RFC 4616: [authzid] NUL authcid NUL passwd
                const auto first = decoded ? decoded->find('\0') : std::string::npos;
                const auto second = first == std::string::npos ? std::string::npos : decoded->find('\0', first + 1);
                if (second == std::string::npos) session.reply("501 5.5.2 Cannot decode AUTH PLAIN response");
                else check_credentials(decoded->substr(first + 1, second - first - 1), decoded->substr(second + 1), "PLAIN");
            } else {
                std::optional<std::string> user = initial.empty() ? std::nullopt : base64_decode(initial);
                if (!user) {
                    if (!session.reply("334 VXNlcm5hbWU6")) return;  // "Username:"
                    user = read_base64_answer();
                }
                if (!session.reply("334 UGFzc3dvcmQ6")) return;  // "Password:"
                const auto password = read_base64_answer();
                if (!user || !password) session.reply("501 5.5.2 Cannot decode AUTH LOGIN response");
                else check_credentials(*user, *password, "LOGIN");
            }
        } else if (verb == "MAIL") {
            const auto path = smtp_path_argument(*line, "MAIL FROM:");
            if (!greeted) session.reply("503 5.5.1 EHLO first");
            else if (m_options.require_auth && authenticated.empty()) session.reply("530 5.7.0 Authentication required");
            else if (mail_from) session.reply("503 5.5.1 Nested MAIL command");
            else if (!path) session.reply("501 5.5.4 Syntax: MAIL FROM:<address>");
            else {
                mail_from = *path;
                fault = take_fault();
                session.reply("250 2.1.0 Ok");
            }
        } else if (verb == "RCPT") {
            const auto path = smtp_path_argument(*line, "RCPT TO:");
            if (!mail_from) session.reply("503 5.5.1 Need MAIL command");
            else if (!path || path->empty() || path->find('@') == std::string::npos) session.reply("501 5.1.3 Bad recipient address syntax");
            else if (fault == SmtpFault::PermanentAtRcpt) session.reply("550 5.1.1 <" + *path + ">: Recipient address rejected: User unknown");
            else if (recipients.size() >= 100) session.reply("452 4.5.3 Too many recipients");
            else {
                recipients.push_back(*path);
                session.reply("250 2.1.5 Ok");
            }
        } else if (verb == "DATA") {
            if (recipients.empty()) {
                session.reply(mail_from ? "554 5.5.1 No valid recipients" : "503 5.5.1 Need RCPT command");
                continue;
            }
            if (!session.reply("354 End data with <CR><LF>.<CR><LF>")) return;
            std::string data;
            bool line_too_long = false;
            for (;;) {
                auto data_line = session.read_line();
                if (!data_line) return;
                if (*data_line == ".") break;
                // RFC 5321 §4.5.2: a line starting with a period had one more added by the sender.
                if (!data_line->empty() && data_line->front() == '.') data_line->erase(0, 1);
                // §4.5.3.1.6: a text line is at most 998 octets before its CRLF.
                if (data_line->size() > 998) line_too_long = true;
                data += *data_line + "\r\n";
            }
            if (fault == SmtpFault::DropAtData) return;  // no answer: the client cannot know
            if (fault == SmtpFault::TemporaryAtData) session.reply("451 4.3.0 Error: queue file write error, try again later");
            else if (line_too_long) session.reply("554 5.6.0 Message line too long (RFC 5321 4.5.3.1.6)");
            else {
                SmtpReceivedMessage received{*mail_from, recipients, data, session.tls != nullptr, authenticated, mechanism, ehlo_domain};
                std::size_t index = 0;
                {
                    std::lock_guard lock(m_mutex);
                    m_messages.push_back(std::move(received));
                    index = m_messages.size();
                }
                session.reply("250 2.0.0 Ok: queued as SIM" + std::to_string(index));
            }
            reset_transaction();
        } else if (verb == "RSET") {
            reset_transaction();
            session.reply("250 2.0.0 Ok");
        } else if (verb == "NOOP") {
            session.reply("250 2.0.0 Ok");
        } else if (verb == "QUIT") {
            session.reply("221 2.0.0 Bye");
            return;
        } else {
            session.reply("500 5.5.2 Error: command not recognized");
        }
    }
}

}  // namespace kimonet::sim
