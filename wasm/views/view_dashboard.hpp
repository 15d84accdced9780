#pragma once
// Staff landing screen: a placeholder until the billing summaries exist.
namespace kimonet {

class App;

class ViewDashboard {
public:
    void draw(App& app);
};

}  // namespace kimonet
