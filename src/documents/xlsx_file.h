// What the workbooks the server writes share: libxlsxwriter writes to a file, so each workbook is
// written to a private temporary file, read back and removed; and dates go in as real Excel dates.
#pragma once

#include <xlsxwriter.h>

#include <filesystem>
#include <string>

#include "domain/date.h"

namespace giaoban::documents {

class XlsxTempFile {
 public:
  XlsxTempFile();
  ~XlsxTempFile();
  XlsxTempFile(const XlsxTempFile&) = delete;
  XlsxTempFile& operator=(const XlsxTempFile&) = delete;

  const std::filesystem::path& path() const { return path_; }

  // Closes `workbook` and answers the file's bytes. Throws std::runtime_error when libxlsxwriter
  // could not write it.
  std::string Close(lxw_workbook* workbook) const;

 private:
  std::filesystem::path path_;
};

lxw_datetime ExcelDate(domain::Date d);

}  // namespace giaoban::documents
