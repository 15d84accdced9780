#pragma once
// Messages of technician jobs (issue 21), in their own part of the catalogue so the feature's
// texts merge without touching the big tables; core/message_catalogue.cpp reads this part too
// (English toggle, uniqueness check). X(name, Indonesian, English).
namespace kimonet::messages {

// clang-format off
#define KIMONET_TECHNICIAN_JOB_MESSAGES(X) \
    X(kJobNotFound, "tugas teknisi tidak ditemukan", "technician job not found") \
    X(kJobNotYours, "tugas ini ditugaskan kepada teknisi lain", "this job is assigned to another technician") \
    X(kJobKeyReused, "Idempotency-Key ini sudah dipakai untuk hasil tugas lain", "this Idempotency-Key was already used for another job result") \
    X(kJobClosed, "tugas sudah selesai atau dibatalkan", "the job is already closed or cancelled") \
    X(kJobKind, "jenis tugas: installation, repair, relocation atau dismantle", "job kind: installation, repair, relocation or dismantle") \
    X(kJobClockTime, "jam JJ:MM (00:00-23:59)", "time HH:MM (00:00-23:59)") \
    X(kJobWindowOrder, "jam selesai harus setelah jam mulai", "the end time must be after the start time") \
    X(kJobTechnicianUnknown, "teknisi tidak ditemukan atau tidak boleh mengerjakan tugas", "technician not found or not allowed to work jobs") \
    X(kJobResult, "hasil: done atau failed", "result: done or failed") \
    X(kJobReasonRequired, "alasan gagal wajib diisi", "a failure reason is required") \
    X(kJobChecklistOpen, "semua daftar periksa harus dicentang sebelum tugas selesai", "every checklist item must be ticked before the job is done") \
    X(kJobProofRequired, "tanda tangan pelanggan atau foto wajib sebelum tugas selesai", "the customer's signature or a photo is required before the job is done") \
    X(kJobChecklistItem, "butir daftar periksa tidak ditemukan", "checklist item not found") \
    X(kJobMaterialItem, "nama material 1-80 karakter", "material name 1-80 characters") \
    X(kJobMaterialQuantity, "jumlah material 1-100000", "material quantity 1-100000") \
    X(kJobMaterialUnit, "satuan material paling banyak 10 karakter", "material unit at most 10 characters") \
    X(kJobMaterialLines, "paling banyak 30 baris material", "at most 30 material lines") \
    X(kJobKeyTooLong, "idempotency_key paling banyak 100 karakter", "idempotency_key at most 100 characters") \
    X(kJobNoteTooLong, "catatan paling banyak 500 karakter", "note at most 500 characters")
// clang-format on

#define KIMONET_TECHNICIAN_JOB_MESSAGE_CONSTANT(name, indonesian, english) inline constexpr const char* name = indonesian;
KIMONET_TECHNICIAN_JOB_MESSAGES(KIMONET_TECHNICIAN_JOB_MESSAGE_CONSTANT)
#undef KIMONET_TECHNICIAN_JOB_MESSAGE_CONSTANT

}  // namespace kimonet::messages
