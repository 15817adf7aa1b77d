// Documents the renderers' tests draw and read back with their readers' tools (poppler,
// LibreOffice), and those tools run from the tests.
#pragma once

#include <cairo.h>
#include <gtest/gtest.h>
#include <zip.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "documents/official/document.h"
#include "domain/document_lines.h"

namespace giaoban::documents::document_testing {

// A monthly report as an agency issues it: both heading blocks, sections with Roman numerals, a
// figures table, `overdue_rows` rows in the overdue table, a list, recipients and a signer.
inline OfficialDocument SampleReport(int overdue_rows = 3) {
  OfficialDocument d;
  d.parent_agency = "UBND TỈNH QUẢNG NGÃI";
  d.agency = "SỞ GIAO THÔNG VẬN TẢI";
  d.date = *domain::Date::FromYmd(2024, 1, 5);
  d.number_line = domain::DocumentNumberLine(15, "BC", "SGTVT");
  d.place_date_line = domain::PlaceDateLine("Quảng Ngãi", d.date);
  d.type_name = "BÁO CÁO";
  d.summary = "Kết quả thực hiện nhiệm vụ tháng 12/2023";

  BodyBuilder b;
  b.Text("Số liệu tính từ ngày 01/12/2023 đến ngày 31/12/2023.");
  b.Section("Kết quả thực hiện nhiệm vụ");
  b.Subsection("Nhiệm vụ trong Chương trình công tác của UBND tỉnh");
  b.Add(Paragraph{{Run{"Hoàn thành "}, Run{"02/02", true}, Run{" nhiệm vụ trọng tâm; "},
                   Run{"04/04", true}, Run{" nhiệm vụ đột xuất được cấp thẩm quyền giao."}}});
  b.Add(Table{{{"STT", 1.3, Align::kCenter},
               {"Nhóm nhiệm vụ", 8.2, Align::kLeft},
               {"Hoàn thành/đến hạn", 4, Align::kCenter},
               {"Quá hạn", 3, Align::kCenter}},
              {{{"I. Chương trình công tác của UBND tỉnh"}, true},
               {{"1", "Nhiệm vụ trọng tâm", "02/02", "0"}},
               {{"2", "Nhiệm vụ khác", "11/12", "1"}},
               {{"", "Cộng", "13/14", "1"}, false, true}}});
  b.Section("Nhiệm vụ quá hạn");
  Table overdue{{{"STT", 1.3, Align::kCenter},
                 {"Nội dung nhiệm vụ", 5.2, Align::kLeft},
                 {"Đơn vị chủ trì", 3, Align::kLeft},
                 {"Hạn", 2.6, Align::kCenter},
                 {"Lý do", 4.4, Align::kLeft}},
                {}};
  for (int i = 1; i <= overdue_rows; ++i) {
    overdue.rows.push_back(
        {{std::to_string(i),
          "Triển khai thực hiện dự án nâng cấp tuyến đường số " + std::to_string(i),
          "Phòng Quản lý kết cấu hạ tầng giao thông", "15/11/2023",
          "Chờ ý kiến thẩm định của Sở Tài chính về dự toán kinh phí"}});
  }
  b.Add(std::move(overdue));
  b.Section("Phương hướng, nhiệm vụ tháng 01/2024");
  b.Add(List{{"Tập trung hoàn thành các nhiệm vụ quá hạn", "Chuẩn bị tổng kết năm 2023"}});
  b.Text("Sở Giao thông vận tải báo cáo Ủy ban nhân dân tỉnh.");
  d.body = b.Take();

  d.recipients = {"UBND tỉnh (b/c);", "Giám đốc, các PGĐ Sở;", "Lưu: VT, KHTC."};
  d.signature = Signature{"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Hùng", "", ""};
  return d;
}

// A transparent PNG of `w` × `h` pixels with a coloured disc, as a signature or a seal image is.
inline std::string SamplePng(int w, int h, double r, double g, double b) {
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
  cairo_t* cr = cairo_create(s);
  cairo_set_source_rgba(cr, r, g, b, 0.9);
  cairo_arc(cr, w / 2.0, h / 2.0, std::min(w, h) / 2.5, 0, 2 * M_PI);
  cairo_fill(cr);
  cairo_destroy(cr);
  std::string png;
  cairo_surface_write_to_png_stream(
      s,
      [](void* closure, const unsigned char* data, unsigned int length) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
      },
      &png);
  cairo_surface_destroy(s);
  return png;
}

inline std::filesystem::path ArtifactsDir() {
#ifdef GIAOBAN_TEST_ARTIFACTS
  std::filesystem::path dir = GIAOBAN_TEST_ARTIFACTS;
#else
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "giaoban-documents";
#endif
  std::filesystem::create_directories(dir);
  return dir;
}

inline void WriteFile(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

struct ToolResult {
  int status = -1;
  std::string output;
};

// Runs a command line and collects what it prints.
inline ToolResult RunTool(const std::string& command) {
  ToolResult r;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return r;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) r.output.append(buffer, n);
  const int status = pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

inline std::string Quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

struct Entry {
  std::string bytes;
};

// The parts of a zip archive (a Word file, a workbook) by name.
inline std::map<std::string, Entry> Unzip(const std::string& archive) {
  std::map<std::string, Entry> entries;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(archive.data(), archive.size(), 0, &error);
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (z == nullptr) {
    zip_source_free(src);
    ADD_FAILURE() << "not a zip archive: " << zip_error_strerror(&error);
    return entries;
  }
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st);
    Entry e;
    e.bytes.resize(st.size);
    zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
    zip_fread(f, e.bytes.data(), st.size);
    zip_fclose(f);
    entries[st.name] = std::move(e);
  }
  zip_close(z);
  return entries;
}

}  // namespace giaoban::documents::document_testing
