// For tests: a workbook written by libxlsxwriter, which writes as Excel does, returned as bytes.
// Only test programs include this; they link libxlsxwriter.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>

namespace giaoban::sheets {

inline std::string WrittenWorkbook(const std::function<void(lxw_workbook*)>& fill) {
  static std::atomic<int> counter = 0;
  const auto path =
      std::filesystem::temp_directory_path() / ("giaoban-workbook-" + std::to_string(::getpid()) +
                                                "-" + std::to_string(++counter) + ".xlsx");
  lxw_workbook* book = workbook_new(path.c_str());
  fill(book);
  EXPECT_EQ(workbook_close(book), LXW_NO_ERROR);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(path);
  return bytes;
}

}  // namespace giaoban::sheets
