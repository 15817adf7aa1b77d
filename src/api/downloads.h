// A file handed out for download: its type, its bytes, and the name it is saved under, in the
// form every browser keeps (RFC 6266: an ASCII fallback and the UTF-8 name).
#pragma once

#include <string>

#include "documents/exported_file.h"
#include "http/message.h"

namespace giaoban::api {

std::string ContentDisposition(const std::string& file_name);

// The file as a response, with `cache_control` ("no-store" for what follows the data).
http::Response Download(documents::ExportedFile file, const std::string& cache_control);

}  // namespace giaoban::api
