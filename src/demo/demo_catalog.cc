// The demo agency's organisation chart, people and products, and the placeholders of the
// catalogue's texts. The tasks live in demo_catalog_programs.cc and demo_catalog_documents.cc, the
// words of the history in demo_phrases.h.
#include "demo/demo_catalog.h"

#include <string>

namespace giaoban::demo::catalog {

const std::vector<OrgSpec>& Organizations() {
  static const std::vector<OrgSpec> kOrgs = {
      {"VP", "office", "Văn phòng Sở", kDirector},
      {"KHTC", "division", "Phòng Kế hoạch – Tài chính", kDeputyTuan},
      {"QLKCHT", "division", "Phòng Quản lý kết cấu hạ tầng giao thông", kDeputyHung},
      {"QLVT", "division", "Phòng Quản lý vận tải, phương tiện và người lái", kDeputyHa},
      {"QLCL", "division", "Phòng Quản lý chất lượng công trình giao thông", kDeputyTuan},
      {"TTS", "division", "Thanh tra Sở", kDirector},
      {"BQLDA", "unit", "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông", kDeputyHung},
      {"TTDK", "unit", "Trung tâm Đăng kiểm xe cơ giới", kDeputyHa},
      {"VPATGT", "unit", "Văn phòng Ban An toàn giao thông tỉnh", kDeputyHa},
  };
  return kOrgs;
}

const std::vector<PersonSpec>& People() {
  // org, full name, position, username, role, staff, head
  static const std::vector<PersonSpec> kPeople = {
      {"SGTVT", "Trần Quốc Bảo", "Giám đốc", "giamdoc", "leader", false, false},
      {"SGTVT", "Nguyễn Đức Hùng", "Phó Giám đốc", "pgd.hung", "leader", false, false},
      {"SGTVT", "Lê Thị Thu Hà", "Phó Giám đốc", "pgd.ha", "leader", false, false},
      {"SGTVT", "Phạm Minh Tuấn", "Phó Giám đốc", "pgd.tuan", "leader", false, false},

      {"VP", "Võ Thị Mỹ Linh", "Chánh Văn phòng", "chanhvanphong", "unit_head", false, true},
      {"VP", "Đỗ Văn Phúc", "Phó Chánh Văn phòng", "", "", false, false},
      {"VP", "Đặng Minh Khoa", "Chuyên viên công nghệ thông tin", "admin", "admin", false, false},
      {"VP", "Nguyễn Thị Kim Oanh", "Chuyên viên", "", "", true, false},
      {"VP", "Trương Văn Tài", "Chuyên viên", "", "", true, false},

      {"KHTC", "Bùi Văn Thịnh", "Trưởng phòng", "tp.khtc", "unit_head", false, true},
      {"KHTC", "Huỳnh Thị Ngọc Ánh", "Phó Trưởng phòng", "", "", false, false},
      {"KHTC", "Nguyễn Thị Hồng Nhung", "Chuyên viên tổng hợp", "khtc", "consolidator", true,
       false},
      {"KHTC", "Lê Quang Vinh", "Chuyên viên", "", "", true, false},
      {"KHTC", "Phan Thị Thanh Tâm", "Kế toán viên", "", "", true, false},

      {"QLKCHT", "Trần Văn Lực", "Trưởng phòng", "tp.qlkcht", "unit_head", false, true},
      {"QLKCHT", "Phạm Văn Quý", "Phó Trưởng phòng", "", "", false, false},
      {"QLKCHT", "Nguyễn Thị Lan", "Chuyên viên", "cv.lan", "specialist", true, false},
      {"QLKCHT", "Võ Minh Trí", "Chuyên viên", "", "", true, false},
      {"QLKCHT", "Đinh Công Thành", "Chuyên viên", "", "", true, false},

      {"QLVT", "Ngô Văn Dũng", "Trưởng phòng", "tp.qlvt", "unit_head", false, true},
      {"QLVT", "Lê Thị Hoa", "Phó Trưởng phòng", "", "", false, false},
      {"QLVT", "Trần Hoài Nam", "Chuyên viên", "cv.nam", "specialist", true, false},
      {"QLVT", "Nguyễn Văn Toàn", "Chuyên viên", "", "", true, false},
      {"QLVT", "Lý Thị Mai", "Chuyên viên", "", "", true, false},

      {"QLCL", "Phạm Thanh Hải", "Trưởng phòng", "tp.qlcl", "unit_head", false, true},
      {"QLCL", "Hồ Văn Nghĩa", "Phó Trưởng phòng", "", "", false, false},
      {"QLCL", "Đoàn Thị Thu Thảo", "Chuyên viên", "cv.thao", "specialist", true, false},
      {"QLCL", "Lê Văn Khánh", "Chuyên viên", "", "", true, false},

      {"TTS", "Nguyễn Văn Bình", "Chánh Thanh tra", "chanhthanhtra", "unit_head", false, true},
      {"TTS", "Võ Văn Hiếu", "Phó Chánh Thanh tra", "", "", false, false},
      {"TTS", "Trần Thị Bích Ngọc", "Thanh tra viên", "", "", true, false},
      {"TTS", "Phan Văn Lợi", "Thanh tra viên", "", "", true, false},

      {"BQLDA", "Huỳnh Tấn Phát", "Giám đốc Ban", "gd.bqlda", "unit_head", false, true},
      {"BQLDA", "Nguyễn Văn Hậu", "Phó Giám đốc Ban", "", "", false, false},
      {"BQLDA", "Lê Thị Minh Thư", "Cán bộ kỹ thuật", "", "", true, false},
      {"BQLDA", "Trịnh Xuân Trường", "Cán bộ kỹ thuật", "", "", true, false},

      {"TTDK", "Đặng Văn Tâm", "Giám đốc Trung tâm", "gd.ttdk", "unit_head", false, true},
      {"TTDK", "Trần Minh Quân", "Phó Giám đốc Trung tâm", "", "", false, false},
      {"TTDK", "Nguyễn Thị Thu Hương", "Đăng kiểm viên", "", "", true, false},

      {"VPATGT", "Lê Văn Sang", "Chánh Văn phòng Ban An toàn giao thông tỉnh", "cvp.atgt",
       "unit_head", false, true},
      {"VPATGT", "Phạm Thị Kiều Trinh", "Chuyên viên", "", "", true, false},
      {"VPATGT", "Nguyễn Hữu Phước", "Chuyên viên", "", "", true, false},

      {"UBND", "Huỳnh Văn Sơn", "Thanh tra viên chính, Thanh tra tỉnh", "thanhtra.tinh", "viewer",
       false, false},
  };
  return kPeople;
}

const std::vector<ProductSpec>& Products() {
  static const std::vector<ProductSpec> kProducts = {
      {"Tờ trình UBND tỉnh", "dự thảo tờ trình", "TTr"},
      {"Báo cáo", "báo cáo", "BC"},
      {"Quyết định", "dự thảo quyết định", "QĐ"},
      {"Kế hoạch", "kế hoạch", "KH"},
      {"Công văn", "văn bản", ""},
      {"Biên bản kiểm tra", "biên bản kiểm tra", "BB"},
      {"Kết luận thanh tra", "dự thảo kết luận thanh tra", "KL"},
  };
  return kProducts;
}

std::string Replace(std::string_view text, std::string_view key, std::string_view value) {
  std::string out;
  const std::string pattern = "{" + std::string(key) + "}";
  std::size_t pos = 0;
  while (true) {
    const std::size_t found = text.find(pattern, pos);
    if (found == std::string_view::npos) break;
    out.append(text.substr(pos, found - pos));
    out.append(value);
    pos = found + pattern.size();
  }
  out.append(text.substr(pos));
  return out;
}

std::string ExpandYear(std::string_view text, int year) {
  std::string out = Replace(text, "Y", std::to_string(year));
  out = Replace(out, "Y-1", std::to_string(year - 1));
  out = Replace(out, "Y+1", std::to_string(year + 1));
  return Replace(out, "Y+5", std::to_string(year + 5));
}

}  // namespace giaoban::demo::catalog
