#pragma once
// A screen of the app. screens.cpp registers each one once (its route, navigation entry, title and
// permission); App creates one instance per registration and calls enter() on every navigation to
// it and draw() every frame it is current.
#include <string>

namespace kimonet {

class App;

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
};

}  // namespace kimonet
