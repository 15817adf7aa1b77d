// For tests: workbooks as bytes, written by libxlsxwriter, which writes as Excel does, or by hand
// for what only some writers do. Only test programs include this; they link libxlsxwriter.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

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

// A zip of `parts`, deflated, in memory.
inline std::string ZippedParts(const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  zip_source_keep(buffer);
  for (const auto& [name, bytes] : parts) {
    zip_source_t* data = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    zip_file_add(archive, name.c_str(), data, ZIP_FL_ENC_UTF_8);
  }
  EXPECT_EQ(zip_close(archive), 0);
  zip_stat_t stat;
  zip_source_stat(buffer, &stat);
  std::string out(stat.size, '\0');
  zip_source_open(buffer);
  zip_source_read(buffer, out.data(), stat.size);
  zip_source_close(buffer);
  zip_source_free(buffer);
  return out;
}

inline constexpr const char* kPackageRelationships =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>)";

// A workbook of one sheet, `sheet_xml`, with `workbook_extra` in its workbook part and the given
// shared strings and styles (none when empty), its elements prefixed "x:" as the .NET SDK writes.
inline std::string HandWrittenWorkbook(const std::string& sheet_xml,
                                       const std::string& strings = "",
                                       const std::string& styles = "",
                                       const std::string& workbook_extra = "") {
  std::vector<std::pair<std::string, std::string>> parts = {
      {"[Content_Types].xml", "<Types/>"},
      {"_rels/.rels", kPackageRelationships},
      {"xl/workbook.xml",
       R"(<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
       R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)" +
           workbook_extra +
           R"(<x:sheets><x:sheet name="Chương trình" sheetId="1" r:id="rId1"/></x:sheets>)"
           R"(</x:workbook>)"},
      {"xl/_rels/workbook.xml.rels",
       R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
       R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
       R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/>)"
       R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
       R"(</Relationships>)"},
      {"xl/worksheets/sheet1.xml",
       R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)" +
           sheet_xml + "</x:worksheet>"}};
  if (!strings.empty())
    parts.emplace_back(
        "xl/sharedStrings.xml",
        R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)" + strings +
            "</sst>");
  if (!styles.empty())
    parts.emplace_back(
        "xl/styles.xml",
        R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)" +
            styles + "</styleSheet>");
  return ZippedParts(parts);
}

}  // namespace giaoban::sheets
