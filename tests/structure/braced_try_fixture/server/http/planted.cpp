// Planted for structure.braced_try_catches_planted: each line below must be reported.
RouteResult one(Request& request) { return json_ok({{"data", TRY(services::thing(request))}}); }
RouteResult two(Request& request) { return json_ok({{"count", 1}, {"rows", TRY(services::rows(request))}}); }
// json_ok({{"data", TRY(commented_out)}}) is not code.
RouteResult fine(Request& request) { return json_data(services::thing(request)); }
