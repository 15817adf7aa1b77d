#include "documents/zip_writer.h"

#include <zip.h>

#include <memory>
#include <stdexcept>
#include <utility>

namespace giaoban::documents {

namespace {

// 1980-01-01 00:00, the first instant a zip timestamp can hold.
constexpr zip_uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;
constexpr zip_uint16_t kDosTime = 0;

[[noreturn]] void Fail(const char* what, zip_error_t* error) {
  std::string message = std::string("zip: ") + what;
  if (error != nullptr) message += std::string(": ") + zip_error_strerror(error);
  throw std::runtime_error(message);
}

struct SourceFree {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};
using SourcePtr = std::unique_ptr<zip_source_t, SourceFree>;

}  // namespace

void ZipWriter::Add(std::string name, std::string bytes, bool compress) {
  entries_.push_back(Entry{std::move(name), std::move(bytes), compress});
}

std::string ZipWriter::Finish() const {
  zip_error_t error;
  zip_error_init(&error);
  SourcePtr buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!buffer) Fail("buffer", &error);
  zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
  if (archive == nullptr) Fail("open", &error);
  // The archive takes the buffer over on close; keep it to read the bytes back.
  zip_source_keep(buffer.get());

  for (const Entry& e : entries_) {
    zip_source_t* data = zip_source_buffer(archive, e.bytes.data(), e.bytes.size(), 0);
    if (data == nullptr) Fail("entry", zip_get_error(archive));
    const zip_int64_t index = zip_file_add(archive, e.name.c_str(), data, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(data);
      Fail("add", zip_get_error(archive));
    }
    const auto i = static_cast<zip_uint64_t>(index);
    if (zip_file_set_dostime(archive, i, kDosTime, kDosDate, 0) != 0 ||
        zip_set_file_compression(archive, i, e.compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 9) != 0 ||
        zip_file_extra_field_delete(archive, i, ZIP_EXTRA_FIELD_ALL,
                                    ZIP_FL_CENTRAL | ZIP_FL_LOCAL) < 0) {
      Fail("entry settings", zip_get_error(archive));
    }
  }
  if (zip_close(archive) != 0) {
    const std::string message = zip_strerror(archive);
    zip_discard(archive);
    throw std::runtime_error("zip: close: " + message);
  }

  zip_source_t* src = buffer.get();
  zip_stat_t stat;
  if (zip_source_stat(src, &stat) != 0 || zip_source_open(src) != 0) {
    Fail("read back", zip_source_error(src));
  }
  std::string out(static_cast<std::size_t>(stat.size), '\0');
  const zip_int64_t n = zip_source_read(src, out.data(), stat.size);
  zip_source_close(src);
  if (n < 0 || static_cast<zip_uint64_t>(n) != stat.size) Fail("read back", nullptr);
  return out;
}

}  // namespace giaoban::documents
