#include "documents/xlsx_file.h"

#include <fstream>
#include <iterator>
#include <random>
#include <stdexcept>

namespace giaoban::documents {

XlsxTempFile::XlsxTempFile() {
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() /
          ("giaoban-export-" + std::to_string(rd()) + std::to_string(rd()) + ".xlsx");
}

XlsxTempFile::~XlsxTempFile() {
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

std::string XlsxTempFile::Close(lxw_workbook* workbook) const {
  if (const lxw_error error = workbook_close(workbook); error != LXW_NO_ERROR)
    throw std::runtime_error(std::string("cannot write the workbook: ") + lxw_strerror(error));
  std::ifstream in(path_, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

lxw_datetime ExcelDate(domain::Date d) {
  return lxw_datetime{d.year(), d.month(), d.day(), 0, 0, 0.0};
}

}  // namespace giaoban::documents
