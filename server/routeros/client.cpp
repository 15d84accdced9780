#include "routeros/client.hpp"

#include <openssl/evp.h>

#include <unordered_map>

#include "core/peer_messages.hpp"
#include "network/peer_replies.hpp"

namespace kimonet::routeros {

Command& Command::set(std::string_view key, std::string_view value) {
    m_words.push_back(attribute_word(key, value));
    return *this;
}

Command& Command::where(std::string_view query) {
    m_words.push_back("?" + std::string(query));
    return *this;
}

Command& Command::proplist(std::string_view names) { return set(".proplist", names); }

// The most of a router's own words (a trap's or !fatal's message) carried in an error.
constexpr std::size_t kRouterWords = 300;

// What keeping one reply field costs beside its key and value (a std::map node of two strings).
constexpr std::size_t kRouterFieldCost = 96;

Error trap_error(const std::string& router, const std::string& path, const Trap& trap) {
    return make_error(ErrorCode::BadGateway,
                      messages::with_detail(messages::kRouterCommandRefused, router + ": " + path + ": " + (trap.message.empty() ? "!trap" : network::peer_words(trap.message, kRouterWords))));
}

static std::string hex_decode(const std::string& hex) {
    std::string out;
    const auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    for (std::size_t index = 0; index + 1 < hex.size(); index += 2) {
        const int high = nibble(hex[index]), low = nibble(hex[index + 1]);
        if (high < 0 || low < 0) return {};
        out.push_back(static_cast<char>(high * 16 + low));
    }
    return out;
}

std::string legacy_login_response(const std::string& password, const std::string& challenge_hex) {
    std::string input(1, '\0');
    input += password;
    input += hex_decode(challenge_hex);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_Digest(input.data(), input.size(), digest, &size, EVP_md5(), nullptr);
    static const char* digits = "0123456789abcdef";
    std::string out = "00";
    for (unsigned int index = 0; index < size; ++index) {
        out.push_back(digits[digest[index] >> 4]);
        out.push_back(digits[digest[index] & 0xF]);
    }
    return out;
}

Result<std::unique_ptr<Client>> Client::connect(const Endpoint& endpoint, const ClientOptions& options) {
    auto stream = TRY(Stream::connect(endpoint.host, endpoint.port, endpoint.tls, options.connect_timeout));
    std::unique_ptr<Client> client(new Client(std::move(stream), endpoint, options));
    TRY_VOID(client->login());
    return client;
}

std::string Client::describe() const { return m_endpoint.host + ":" + std::to_string(m_endpoint.port); }

Error Client::fail(Error error) {
    m_broken = true;
    m_stream.close();
    return error;
}

Result<void> Client::send(const Sentence& words, const std::string& tag) {
    for (const auto& word : words) append_word(m_out, word);
    if (!tag.empty()) append_word(m_out, ".tag=" + tag);
    m_out.push_back('\0');
    return {};
}

Clock::time_point Client::call_deadline(std::size_t commands) const {
    const std::size_t window = std::max<std::size_t>(1, m_options.window);
    const auto windows = static_cast<long>(std::max<std::size_t>(1, (commands + window - 1) / window));
    return Clock::now() + m_options.call_timeout * windows;
}

Result<Reply> Client::receive(Clock::time_point deadline) {
    if (!m_out.empty()) {
        auto written = m_stream.write_all(m_out);
        m_out.clear();
        if (!written) return fail(std::move(written).error());
    }
    while (true) {
        auto sentence = m_decoder.next();
        if (!sentence) return fail(make_error(ErrorCode::BadGateway, messages::with_detail(messages::kRouterUnreadableReply, describe() + ": " + sentence.error().message())));
        if (*sentence) {
            auto reply = parse_reply(**sentence);
            if (!reply) return fail(make_error(ErrorCode::BadGateway, messages::with_detail(messages::kRouterUnreadableReply, describe() + ": " + reply.error().message())));
            if (reply->type == ReplyType::Fatal)
                return fail(make_error(ErrorCode::BadGateway, messages::with_detail(messages::kRouterClosedSession,
                                                                        describe() + ": " + (reply->fatal_message.empty() ? "!fatal" : network::peer_words(reply->fatal_message, kRouterWords)))));
            return std::move(reply).value();
        }
        char buffer[64 * 1024];
        const auto read_deadline = std::min(Clock::now() + m_options.reply_timeout, deadline);
        auto received = m_stream.read_some(buffer, sizeof buffer, read_deadline);
        if (!received) {
            const bool timed_out = received.error().message().starts_with(messages::kNoReplyWithinTimeout);
            if (timed_out && read_deadline == deadline)
                return fail(make_error(ErrorCode::Unavailable, messages::with_detail(messages::kRouterCallTooLong, describe() + ": " + std::to_string(m_options.call_timeout.count()))));
            return fail((timed_out ? make_error(ErrorCode::Unavailable, messages::with_detail(messages::kRouterNoReplyInTime,
                                                                                            describe() + ": " + std::to_string(m_options.reply_timeout.count())))
                                   : make_error(ErrorCode::Unavailable, messages::with_detail(messages::kRouterReadFailed, describe() + ": " + received.error().message()))));
        }
        if (*received == 0)
            return fail(make_error(ErrorCode::Unavailable, messages::with_detail(m_decoder.mid_sentence() ? messages::kRouterConnectionDropped
                                                                                                         : messages::kRouterClosedConnection,
                                                                       describe())));
        m_decoder.feed(std::string_view(buffer, *received));
    }
}

Result<void> Client::login() {
    const auto deadline = call_deadline(1);
    TRY_VOID(send({"/login", attribute_word("name", m_endpoint.username), attribute_word("password", m_endpoint.password)}, {}));
    auto reply = TRY(receive(deadline));
    const auto rejected = [&](const Reply& trap) {
        auto message = trap.attributes.contains("message") ? network::peer_words(trap.attributes.at("message"), kRouterWords) : std::string("!trap");
        return fail(make_error(ErrorCode::BadGateway,
                               messages::with_detail(messages::kRouterLoginRejected, describe() + ": '" + m_endpoint.username + "': " + message)));
    };
    if (reply.type == ReplyType::Trap) {
        // A !trap is followed by !done; the connection is useless either way.
        return rejected(reply);
    }
    if (reply.type != ReplyType::Done) return fail(make_error(ErrorCode::BadGateway, messages::with_detail(messages::kRouterUnexpectedLoginReply, describe())));
    auto challenge = reply.attributes.find("ret");
    if (challenge == reply.attributes.end()) return {};
    // Pre-6.43 routers ignore the password and answer with an MD5 challenge.
    m_legacy_login = true;
    TRY_VOID(send({"/login", attribute_word("name", m_endpoint.username),
                   attribute_word("response", legacy_login_response(m_endpoint.password, challenge->second))},
                  {}));
    reply = TRY(receive(deadline));
    if (reply.type == ReplyType::Trap) return rejected(reply);
    if (reply.type != ReplyType::Done) return fail(make_error(ErrorCode::BadGateway, messages::with_detail(messages::kRouterUnexpectedLoginReply, describe())));
    return {};
}

Result<Response> Client::run(const Command& command) {
    auto responses = TRY(run_all({command}));
    Response response = std::move(responses.front());
    if (response.trap) return trap_error(describe(), command.path(), *response.trap);
    return response;
}

Result<std::vector<Response>> Client::run_all(const std::vector<Command>& commands) {
    if (!usable()) return make_error(ErrorCode::Unavailable, messages::with_detail(messages::kRouterConnectionClosed, describe()));
    std::vector<Response> responses(commands.size());
    // Tags are unique per connection so a late reply to an abandoned batch can never be
    // mistaken for a reply in this one.
    const std::uint64_t first_tag = m_next_tag;
    m_next_tag += commands.size();
    std::size_t sent = 0, finished = 0;
    std::vector<bool> done(commands.size(), false);
    const auto deadline = call_deadline(commands.size());
    std::size_t kept_bytes = 0;
    const std::size_t window = std::max<std::size_t>(1, m_options.window);
    while (finished < commands.size()) {
        // Top the window up in bursts so requests and replies overlap without either side's
        // socket buffer filling up.
        if (sent - finished <= window / 2 || sent == finished) {
            while (sent < commands.size() && sent - finished < window) {
                TRY_VOID(send(commands[sent].words(), std::to_string(first_tag + sent)));
                ++sent;
            }
        }
        auto reply = TRY(receive(deadline));
        std::uint64_t tag = 0;
        for (char c : reply.tag) {
            if (c < '0' || c > '9') { tag = 0; break; }
            tag = tag * 10 + static_cast<std::uint64_t>(c - '0');
        }
        if (tag < first_tag || tag >= first_tag + sent) continue;  // a stray reply from an older batch
        const std::size_t index = tag - first_tag;
        if (done[index]) continue;
        Response& response = responses[index];
        switch (reply.type) {
            case ReplyType::Re:
                for (const auto& [key, value] : reply.attributes) kept_bytes += key.size() + value.size() + kRouterFieldCost;
                // Endless !re sentences (a broken or hostile router) end the call, not our memory.
                if (kept_bytes > m_options.max_reply_bytes)
                    return fail(make_error(ErrorCode::BadGateway, messages::with_detail(messages::kRouterReplyTooLarge,
                                                                                       describe() + ": " + commands[index].path() + ": > " + std::to_string(m_options.max_reply_bytes))));
                response.rows.push_back(std::move(reply.attributes));
                break;
            case ReplyType::Empty: response.empty = true; break;
            case ReplyType::Trap: {
                Trap trap;
                if (auto it = reply.attributes.find("message"); it != reply.attributes.end()) trap.message = network::peer_words(it->second, kRouterWords);
                if (auto it = reply.attributes.find("category"); it != reply.attributes.end()) trap.category = network::peer_words(it->second, kRouterWords);
                response.trap = std::move(trap);
                break;
            }
            case ReplyType::Done:
                response.done = std::move(reply.attributes);
                done[index] = true;
                ++finished;
                break;
            case ReplyType::Fatal: break;  // receive() already turned it into an error
        }
    }
    return responses;
}

}  // namespace kimonet::routeros
