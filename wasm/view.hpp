#pragma once
// A screen of the app. screens.cpp registers each one once (its route, navigation entry, title and
// permission); App creates one instance per registration and calls enter() on every navigation to
// it and draw() every frame it is current.
#include <string>
#include <vector>

namespace kimonet {

class App;

// What a screen made of the rest of an address (#/packages/3/edit → {"3", "edit"}).
enum class RouteOutcome { Opened, Unknown, Forbidden };

class View {
public:
    virtual ~View() = default;
    // The user navigated here (sidebar, link, route): load what the screen shows.
    virtual void enter(App&) {}
    virtual void draw(App& app) = 0;
    // The header's title when it depends on the screen's state ("Pelanggan · Budi"); "" = the
    // registration's title key.
    virtual std::string title() const { return {}; }
    // The screen's address with what is open on it ("customers/42/invoices/7/pay"); App writes it
    // to the URL whenever it changes, so reload, back/forward and a link in a new tab show the same.
    // "" = just the registration's route (written on navigation).
    virtual std::string route() const { return {}; }
    // The rest of an address past the screen's id ({} for the bare #/packages: close what is open).
    // Opens what it names (a tab, a dialog; a dialog for a record not loaded yet opens once it is,
    // or is refused then with the unknown-address toast); Unknown or Forbidden make App refuse the
    // address with its toast and fall back, as for a screen the role may not open.
    virtual RouteOutcome open_subroute(App&, const std::vector<std::string>& rest) {
        return rest.empty() ? RouteOutcome::Opened : RouteOutcome::Unknown;
    }
};

}  // namespace kimonet
