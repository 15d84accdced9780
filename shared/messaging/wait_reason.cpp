#include "messaging/wait_reason.hpp"

#include <cstdio>

namespace kimonet::messaging {

WaitReason why_messages_wait(const OutboxState& state) {
    WaitReason reason;
    if (state.queued <= 0) return reason;
    if (!state.configured) {
        reason.kind = WaitKind::Unconfigured;
    } else if (!state.last_retry_error.empty()) {
        reason.kind = WaitKind::Provider;
        reason.error = state.last_retry_error;
    } else if (is_quiet(state.quiet, state.minute_of_day)) {
        reason.kind = WaitKind::QuietHours;
        char text[16];
        std::snprintf(text, sizeof text, "%02d:%02d", (state.quiet.end_minute / 60) % 24, state.quiet.end_minute % 60);
        reason.until = text;
    } else if (state.rate_seconds > 0) {
        reason.kind = WaitKind::RateLimit;
        reason.seconds = state.rate_seconds;
    }
    return reason;
}

const char* to_string(WaitKind kind) {
    switch (kind) {
        case WaitKind::None: return "none";
        case WaitKind::Unconfigured: return "unconfigured";
        case WaitKind::Provider: return "provider";
        case WaitKind::QuietHours: return "quiet_hours";
        case WaitKind::RateLimit: return "rate_limit";
    }
    return "none";
}

}  // namespace kimonet::messaging
