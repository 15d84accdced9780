// Planted violations: tests/CMakeLists.txt runs error_literals.cmake on this folder and expects
// each rule to report its line, so the structure test is known to be able to fail.
Error a() { return make_error(ErrorCode::NotFound, "pelanggan tidak ditemukan"); }
Error b() { return Error{ErrorCode::Internal, std::string("cannot open ") + path}; }
Error c() { return rate_limited("Terlalu banyak percobaan", 60); }
Error d() { return make_error(ErrorCode::BadGateway,
                              name + " menolak permintaan: " + answer); }
Error e() { return validation_error({{"phone", "nomor telepon tidak valid"}}); }
void f(FieldErrors& fields) { fields[prefix + "channel"] = "whatsapp atau none"; }
Error g() { return validation_error({{"file", messages::kFileEmpty}}, "berkas tidak terbaca"); }
Error fine() { return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kGatewayRefused, json_string(reply, "status_message"))); }
