#pragma once
// Result<T>: a value or an Error. No exceptions cross module boundaries (and none are
// thrown in shared/, which also runs in WebAssembly with exception catching off).
#include <cassert>
#include <type_traits>
#include <utility>
#include <variant>

#include "core/error.hpp"

namespace kimonet {

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { assert(ok()); return std::get<0>(m_state); }
    const T& value() const& { assert(ok()); return std::get<0>(m_state); }
    T&& value() && { assert(ok()); return std::get<0>(std::move(m_state)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const& { assert(!ok()); return std::get<1>(m_state); }
    Error&& error() && { assert(!ok()); return std::get<1>(std::move(m_state)); }

    T value_or(T fallback) const { return ok() ? std::get<0>(m_state) : std::move(fallback); }

private:
    std::variant<T, Error> m_state;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error& error() const& { assert(!m_ok); return m_error; }
    Error&& error() && { assert(!m_ok); return std::move(m_error); }

private:
    Error m_error;
    bool m_ok = true;
};

inline Result<void> success() { return {}; }

}  // namespace kimonet

// TRY(expr): evaluate a Result; on error return it from the enclosing function, else yield the value.
#define KIMONET_CONCAT_INNER(a, b) a##b
#define KIMONET_CONCAT(a, b) KIMONET_CONCAT_INNER(a, b)
#define TRY(expression)                                                         \
    ({                                                                          \
        auto&& KIMONET_CONCAT(try_result_, __LINE__) = (expression);            \
        if (!KIMONET_CONCAT(try_result_, __LINE__))                             \
            return std::move(KIMONET_CONCAT(try_result_, __LINE__)).error();    \
        std::move(KIMONET_CONCAT(try_result_, __LINE__)).value();               \
    })
// TRY_VOID(expr): the same for Result<void>.
#define TRY_VOID(expression)                                                    \
    do {                                                                        \
        auto&& KIMONET_CONCAT(try_result_, __LINE__) = (expression);            \
        if (!KIMONET_CONCAT(try_result_, __LINE__))                             \
            return std::move(KIMONET_CONCAT(try_result_, __LINE__)).error();    \
    } while (0)
