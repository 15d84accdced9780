#pragma once
// Messages of attachments (uploaded photos and signatures, issue 21), in their own part of the
// catalogue; core/message_catalogue.cpp reads this part too (English toggle, uniqueness check).
// X(name, Indonesian, English).
namespace kimonet::messages {

// clang-format off
#define KIMONET_ATTACHMENT_MESSAGES(X) \
    X(kAttachmentEmpty, "pilih berkas gambar (JPEG, PNG atau WebP)", "choose an image file (JPEG, PNG or WebP)") \
    X(kAttachmentNotImage, "berkas harus gambar JPEG, PNG atau WebP yang utuh", "the file must be a whole JPEG, PNG or WebP image") \
    X(kAttachmentTooLarge, "gambar terlalu besar; paling besar", "the image is too large; at most") \
    X(kAttachmentLimitReached, "jumlah lampiran sudah mencapai batas", "the number of attachments has reached its limit") \
    X(kAttachmentKindFormat, "1-32 huruf kecil atau _", "1-32 lowercase letters or _") \
    X(kAttachmentNotFound, "lampiran tidak ditemukan", "attachment not found") \
    X(kAttachmentFileDamaged, "berkas lampiran hilang atau rusak", "the attachment's file is missing or damaged") \
    X(kAttachmentStoreFailed, "lampiran tidak dapat disimpan", "the attachment could not be stored") \
    X(kAttachmentMaxKb, "ukuran dalam KB, 1-20480", "size in KB, 1-20480") \
    X(kAttachmentPerOwner, "jumlah 1-100", "a number 1-100")
// clang-format on

#define KIMONET_ATTACHMENT_MESSAGE_CONSTANT(name, indonesian, english) inline constexpr const char* name = indonesian;
KIMONET_ATTACHMENT_MESSAGES(KIMONET_ATTACHMENT_MESSAGE_CONSTANT)
#undef KIMONET_ATTACHMENT_MESSAGE_CONSTANT

}  // namespace kimonet::messages
