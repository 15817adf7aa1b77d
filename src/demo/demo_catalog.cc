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

const std::vector<ProgramTaskSpec>& ProgramTasks() {
  static const std::vector<ProgramTaskSpec> kTasks = {
      // Phòng Kế hoạch – Tài chính
      {true,
       {"KHTC",
        "Tham mưu UBND tỉnh báo cáo tình hình thực hiện kế hoạch đầu tư công năm {Y} lĩnh vực "
        "giao thông vận tải",
        kBc, Quarter(2)}},
      {true,
       {"KHTC",
        "Xây dựng kế hoạch đầu tư công trung hạn giai đoạn {Y+1}–{Y+5} ngành giao thông vận tải",
        kTtr, Quarter(3), "QLKCHT BQLDA"}},
      {true,
       {"KHTC",
        "Tham mưu điều chỉnh kế hoạch vốn đầu tư công năm {Y} các dự án giao thông do Sở quản lý",
        kTtr, 9, "BQLDA"}},
      {false, {"KHTC", "Xây dựng dự toán ngân sách nhà nước năm {Y+1} của Sở", kCv, 7}},
      {false,
       {"KHTC",
        "Tổng hợp báo cáo sơ kết 6 tháng đầu năm {Y}, phương hướng nhiệm vụ 6 tháng cuối năm", kBc,
        6}},
      {false,
       {"KHTC", "Tổng hợp báo cáo kết quả thực hiện nhiệm vụ hằng tháng phục vụ họp giao ban", kBc,
        kOngoing}},
      {false,
       {"KHTC",
        "Phân bổ, giao dự toán kinh phí sự nghiệp giao thông năm {Y} cho công tác quản lý, bảo trì "
        "đường tỉnh",
        kQd, 2, "QLKCHT"}},
      {false, {"KHTC", "Thẩm tra, phê duyệt quyết toán vốn đầu tư các dự án hoàn thành", kQd}},
      {false,
       {"KHTC", "Tổng hợp báo cáo tổng kết công tác năm {Y}, phương hướng nhiệm vụ năm {Y+1}", kBc,
        12}},

      // Phòng Quản lý kết cấu hạ tầng giao thông
      {false, {"QLKCHT", "Lập kế hoạch bảo trì đường tỉnh ĐT.623 đoạn Km0–Km25 năm {Y}", kKh, 3}},
      {false,
       {"QLKCHT", "Sửa chữa định kỳ mặt đường, hệ thống thoát nước tuyến ĐT.624B", kBc, kRandomDue,
        "QLCL"}},
      {true,
       {"QLKCHT",
        "Rà soát, xử lý các điểm đen, điểm tiềm ẩn nguy cơ tai nạn giao thông trên các tuyến "
        "đường tỉnh",
        kBc, kRandomDue, "VPATGT"}},
      {false,
       {"QLKCHT", "Kiểm tra, xử lý vi phạm hành lang an toàn đường bộ tuyến ĐT.628", kBb,
        kRandomDue, "TTS"}},
      {true,
       {"QLKCHT",
        "Tham mưu UBND tỉnh phê duyệt phương án phòng, chống thiên tai và tìm kiếm cứu nạn ngành "
        "giao thông năm {Y}",
        kTtr, 5}},
      {false, {"QLKCHT", "Cập nhật dữ liệu cầu yếu, cầu hư hỏng trên các tuyến đường tỉnh", kBc}},
      {false, {"QLKCHT", "Đề xuất danh mục công trình bảo trì đường tỉnh năm {Y+1}", kTtr, 11}},
      {false,
       {"QLKCHT",
        "Thỏa thuận, cấp phép thi công công trình thiết yếu trong phạm vi bảo vệ kết cấu hạ tầng "
        "đường bộ",
        kCv, kOngoing}},
      {false,
       {"QLKCHT", "Tổ chức kiểm tra, tiếp nhận quản lý tuyến ĐT.623C sau khi hoàn thành đầu tư",
        kBb}},
      {true,
       {"QLKCHT",
        "Rà soát, tham mưu điều chỉnh phân cấp quản lý một số tuyến đường huyện lên đường tỉnh",
        kTtr, kRandomDue, "KHTC"}},

      // Phòng Quản lý vận tải, phương tiện và người lái
      {true,
       {"QLVT",
        "Tham mưu UBND tỉnh ban hành Đề án phát triển vận tải hành khách công cộng bằng xe buýt "
        "giai đoạn {Y+1}–{Y+5}",
        kTtr, Quarter(4), "KHTC QLKCHT"}},
      {false,
       {"QLVT",
        "Tổ chức kiểm tra tải trọng xe tại các trạm cân lưu động trên tuyến ĐT.623 và ĐT.624", kBb,
        kRandomDue, "TTS"}},
      {false,
       {"QLVT", "Rà soát, điều chỉnh danh mục mạng lưới tuyến vận tải hành khách cố định liên tỉnh",
        kQd}},
      {false,
       {"QLVT", "Tổ chức sát hạch, cấp giấy phép lái xe theo kế hoạch năm {Y}", kBc, kOngoing}},
      {false, {"QLVT", "Kiểm tra các cơ sở đào tạo lái xe ô tô trên địa bàn tỉnh", kBb}},
      {true,
       {"QLVT", "Xây dựng phương án bảo đảm vận tải hành khách tuyến Sa Kỳ – Lý Sơn mùa biển động",
        kKh, 8}},
      {false,
       {"QLVT",
        "Kiểm tra việc lắp đặt, sử dụng thiết bị giám sát hành trình trên xe kinh doanh vận tải",
        kBb}},
      {false,
       {"QLVT",
        "Cấp phù hiệu, biển hiệu xe kinh doanh vận tải trên dịch vụ công trực tuyến toàn trình",
        kBc}},

      // Phòng Quản lý chất lượng công trình giao thông
      {false,
       {"QLCL", "Kiểm tra công tác quản lý chất lượng công trình nâng cấp, mở rộng tuyến ĐT.624",
        kBb, kRandomDue, "BQLDA"}},
      {false,
       {"QLCL", "Thẩm định báo cáo kinh tế – kỹ thuật công trình sửa chữa cầu trên tuyến ĐT.622B",
        kQd}},
      {true,
       {"QLCL", "Báo cáo tình hình quản lý chất lượng công trình giao thông năm {Y} gửi UBND tỉnh",
        kBc, 12}},
      {false, {"QLCL", "Kiểm tra công tác bảo hành công trình giao thông đã đưa vào sử dụng", kBb}},
      {false,
       {"QLCL", "Rà soát năng lực nhà thầu thi công công trình giao thông trên địa bàn tỉnh", kBc}},
      {false,
       {"QLCL",
        "Kiểm tra chất lượng vật liệu tại các mỏ đất, đá cung cấp cho công trình giao thông", kBb}},
      {false,
       {"QLCL", "Thẩm định thiết kế xây dựng triển khai sau thiết kế cơ sở các dự án nhóm C", kQd,
        kOngoing}},

      // Văn phòng Sở
      {true,
       {"VP", "Báo cáo kết quả thực hiện chỉ số cải cách hành chính (PAR Index) năm {Y-1} của Sở",
        kBc, 3}},
      {false, {"VP", "Tổ chức Hội nghị cán bộ, công chức, viên chức năm {Y}", kBc, 2}},
      {false, {"VP", "Triển khai công tác thi đua, khen thưởng năm {Y}", kKh, 3}},
      {false, {"VP", "Nâng cấp Cổng thông tin điện tử của Sở", kBc}},
      {false,
       {"VP", "Kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính, văn hóa công sở", kBb,
        kRandomDue, "TTS"}},
      {false, {"VP", "Cập nhật cơ sở dữ liệu cán bộ, công chức, viên chức của Sở", kBc, kOngoing}},
      {false,
       {"VP",
        "Triển khai hệ thống quản lý văn bản và điều hành, sử dụng chữ ký số trong xử lý văn bản",
        kKh}},
      {true,
       {"VP", "Triển khai Kế hoạch cải cách hành chính năm {Y} của UBND tỉnh tại Sở", kKh,
        Quarter(4)},
       {{"QLVT",
         "Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực đường bộ thuộc thẩm quyền giải quyết "
         "của Sở",
         kBc, 120},
        {"TTDK", "Công khai quy trình, thời gian kiểm định xe cơ giới tại Trung tâm", kBc, 150},
        {"QLKCHT",
         "Cung cấp dịch vụ công trực tuyến toàn trình thủ tục cấp phép thi công công trình trên "
         "đường bộ đang khai thác",
         kBc, 60}}},
      {false,
       {"VP", "Triển khai chuyển đổi số ngành giao thông vận tải năm {Y}", kKh, Quarter(4)},
       {{"KHTC", "Số hóa hồ sơ, chứng từ kế toán và quản lý tài sản công của Sở", kBc, 90},
        {"QLKCHT", "Xây dựng cơ sở dữ liệu kết cấu hạ tầng giao thông đường bộ trên nền tảng GIS",
         kBc, 30},
        {"QLVT", "Kết nối dữ liệu thiết bị giám sát hành trình với hệ thống thông tin của Sở", kBc,
         60}}},

      // Thanh tra Sở
      {false,
       {"TTS", "Thanh tra việc chấp hành quy định về kinh doanh vận tải bằng xe ô tô", kKl,
        kRandomDue, "QLVT"}},
      {false, {"TTS", "Thanh tra công tác đào tạo, sát hạch cấp giấy phép lái xe", kKl}},
      {false, {"TTS", "Tiếp công dân, giải quyết khiếu nại, tố cáo theo quy định", kBc, kOngoing}},
      {true, {"TTS", "Kiểm tra công tác phòng, chống tham nhũng, tiêu cực năm {Y}", kBc, 11}},
      {false, {"TTS", "Xây dựng Kế hoạch thanh tra năm {Y+1} của Sở", kKh, 12}},
      {false,
       {"TTS", "Thanh tra công tác quản lý, bảo trì đường tỉnh năm {Y}", kKl, kRandomDue,
        "QLKCHT"}},
      {false,
       {"TTS", "Phối hợp kiểm soát tải trọng xe tại các tuyến đường vào Khu kinh tế Dung Quất", kBb,
        kRandomDue, "QLVT"}},
      {false,
       {"TTS",
        "Xác minh nội dung đơn tố cáo liên quan đến công tác nghiệm thu công trình giao thông", kKl,
        kRandomDue, "", true}},

      // Ban Quản lý dự án
      {true,
       {"BQLDA", "Tổ chức đấu thầu gói thầu xây lắp dự án nâng cấp, mở rộng tuyến ĐT.623B", kQd,
        Quarter(2), "KHTC"}},
      {true,
       {"BQLDA",
        "Đẩy nhanh tiến độ giải ngân vốn đầu tư công dự án đường ven biển Dung Quất – Sa Huỳnh",
        kBc, 12, "KHTC"}},
      {false,
       {"BQLDA", "Phối hợp bồi thường, giải phóng mặt bằng dự án cầu Trà Khúc 3", kBc, kRandomDue,
        "QLKCHT"}},
      {false,
       {"BQLDA", "Lập hồ sơ quyết toán dự án hoàn thành công trình cầu Cửa Đại", kBc, kRandomDue,
        "KHTC"}},
      {false, {"BQLDA", "Lựa chọn nhà thầu tư vấn giám sát dự án nâng cấp tuyến ĐT.627B", kQd}},
      {true,
       {"BQLDA",
        "Hoàn thiện thủ tục đầu tư dự án đường kết nối cảng Dung Quất với cao tốc Đà Nẵng – Quảng "
        "Ngãi",
        kTtr, Quarter(3), "KHTC QLKCHT"}},

      // Trung tâm Đăng kiểm
      {false,
       {"TTDK", "Triển khai kiểm định xe cơ giới theo quy định mới của Bộ Giao thông vận tải", kKh,
        Quarter(1)}},
      {false,
       {"TTDK", "Đầu tư nâng cấp dây chuyền kiểm định xe cơ giới số 2", kBc, kRandomDue, "KHTC"}},
      {false,
       {"TTDK", "Triển khai thu phí kiểm định bằng hình thức thanh toán không dùng tiền mặt", kBc}},
      {false,
       {"TTDK", "Báo cáo tình hình kiểm định phương tiện hết niên hạn sử dụng, xe cải tạo", kBc}},

      // Văn phòng Ban An toàn giao thông
      {true,
       {"VPATGT", "Xây dựng Kế hoạch thực hiện công tác bảo đảm trật tự an toàn giao thông năm {Y}",
        kKh, 2}},
      {false,
       {"VPATGT", "Tổ chức tuyên truyền an toàn giao thông cho học sinh dịp khai giảng năm học mới",
        kBc, 9}},
      {false,
       {"VPATGT", "Tổ chức Lễ tưởng niệm các nạn nhân tử vong do tai nạn giao thông", kBc, 11}},
      {true,
       {"VPATGT", "Sơ kết 6 tháng công tác bảo đảm trật tự an toàn giao thông năm {Y}", kBc, 7}},
      {false,
       {"VPATGT",
        "Tổng hợp tình hình trật tự an toàn giao thông hằng tháng báo cáo Ban An toàn giao thông "
        "tỉnh",
        kBc, kOngoing}},
  };
  return kTasks;
}

const std::vector<DirectiveSpec>& Directives() {
  static const std::vector<DirectiveSpec> kDirectives = {
      {11,
       5,
       "2345/UBND-KTN",
       "Công văn 2345/UBND-KTN về việc khắc phục hậu quả mưa lũ",
       "UBND tỉnh Quảng Ngãi",
       "Về việc khẩn trương khắc phục hậu quả mưa lũ, bảo đảm giao thông thông suốt trên các tuyến "
       "đường tỉnh",
       {{"QLKCHT", "Khắc phục sạt lở taluy dương, bảo đảm giao thông bước 1 tuyến ĐT.622B", kBc, 10,
         "QLCL"},
        {"QLKCHT", "Khảo sát, lập phương án khắc phục hư hỏng cầu tràn trên tuyến ĐT.626", kTtr,
         30},
        {"KHTC",
         "Tổng hợp thiệt hại do mưa lũ đối với kết cấu hạ tầng giao thông, đề xuất kinh phí khắc "
         "phục",
         kTtr, 20, "QLKCHT"},
        {"QLVT", "Tổ chức phân luồng, điều tiết giao thông tại các vị trí ngập sâu, sạt lở", kBc, 7,
         "VPATGT"},
        {"QLCL", "Kiểm tra an toàn các công trình cầu trên đường tỉnh sau mưa lũ", kBb, 25}}},
      {1,
       8,
       "08/CĐ-UBND",
       "Công điện 08/CĐ-UBND về bảo đảm trật tự an toàn giao thông dịp Tết Nguyên đán {Y}",
       "UBND tỉnh Quảng Ngãi",
       "Về việc bảo đảm trật tự an toàn giao thông, phục vụ nhu cầu đi lại của nhân dân dịp Tết "
       "Nguyên đán và Lễ hội Xuân {Y}",
       {{"VPATGT", "Bảo đảm trật tự an toàn giao thông dịp Tết Nguyên đán và Lễ hội Xuân {Y}", kKh,
         40, "TTS QLVT"},
        {"TTS", "Kiểm tra xe khách, xử lý tình trạng tăng giá vé, nhồi nhét khách dịp Tết", kBb,
         30},
        {"QLVT", "Tăng cường phương tiện phục vụ nhu cầu đi lại của nhân dân dịp Tết", kBc, 25},
        {"QLKCHT",
         "Rà soát, bổ sung hệ thống biển báo, đèn tín hiệu giao thông trên các tuyến đường tỉnh",
         kBc, 20},
        {"TTDK", "Tổ chức kiểm định xe cơ giới ngoài giờ hành chính phục vụ nhu cầu dịp Tết", kBc,
         20}},
       true},
      {3,
       15,
       "512/UBND-KTN",
       "Công văn 512/UBND-KTN về việc tăng cường kiểm soát tải trọng xe trên các tuyến đường tỉnh",
       "UBND tỉnh Quảng Ngãi",
       "Về việc tăng cường kiểm soát tải trọng xe, xử lý nghiêm xe quá tải",
       {{"TTS", "Tổ chức kiểm tra, xử lý xe quá tải trọng trên tuyến ĐT.623", kBb, 30, "QLVT"},
        {"QLVT",
         "Yêu cầu doanh nghiệp vận tải, chủ hàng ký cam kết không chở hàng quá tải trọng cho phép",
         kCv, 15},
        {"QLKCHT", "Rà soát, bổ sung biển báo hạn chế tải trọng tại các cầu yếu", kBc, 30}}},
      {4,
       10,
       "1160/UBND-NC",
       "Công văn 1160/UBND-NC về bảo đảm trật tự an toàn giao thông dịp nghỉ lễ 30/4 – 1/5 và mùa "
       "du lịch hè năm {Y}",
       "UBND tỉnh Quảng Ngãi",
       "Về việc bảo đảm trật tự an toàn giao thông dịp nghỉ lễ và mùa du lịch hè",
       {{"VPATGT", "Xây dựng kế hoạch bảo đảm trật tự an toàn giao thông dịp nghỉ lễ 30/4 – 1/5",
         kKh, 10},
        {"QLVT", "Kiểm tra hoạt động vận tải hành khách tuyến Sa Kỳ – Lý Sơn dịp nghỉ lễ", kBb, 20},
        {"TTS", "Tăng cường kiểm tra hoạt động kinh doanh vận tải hành khách dịp nghỉ lễ", kBb,
         20}}},
      {6,
       5,
       "1980/UBND-KTN",
       "Công văn 1980/UBND-KTN về việc bảo đảm an toàn giao thông đường thủy nội địa tuyến Sa Kỳ – "
       "Lý Sơn",
       "UBND tỉnh Quảng Ngãi",
       "Về việc tăng cường bảo đảm an toàn giao thông đường thủy nội địa mùa du lịch",
       {{"QLVT", "Kiểm tra điều kiện an toàn của tàu khách, cảng, bến thủy nội địa tuyến Lý Sơn",
         kBb, 20, "TTS"},
        {"VPATGT", "Tuyên truyền quy định về áo phao, cứu sinh cho hành khách đi tàu", kBc, 30},
        {"TTS", "Xử lý nghiêm các trường hợp chở quá số người quy định trên tuyến Sa Kỳ – Lý Sơn",
         kBb, 45}}},
      {5,
       20,
       "1875/BGTVT-KCHT",
       "Công văn 1875/BGTVT-KCHT về việc rà soát, xử lý điểm đen, điểm tiềm ẩn tai nạn giao thông",
       "Bộ Giao thông vận tải",
       "Về việc rà soát, xử lý điểm đen, điểm tiềm ẩn tai nạn giao thông trên hệ thống đường địa "
       "phương",
       {{"QLKCHT",
         "Rà soát, lập danh mục điểm đen, điểm tiềm ẩn tai nạn giao thông trên đường tỉnh", kBc, 30,
         "VPATGT"},
        {"KHTC", "Bố trí kinh phí xử lý điểm đen từ nguồn kinh phí sự nghiệp giao thông", kCv,
         45}}},
      {7,
       10,
       "2890/UBND-KTN",
       "Công văn 2890/UBND-KTN về việc đẩy nhanh tiến độ giải ngân vốn đầu tư công năm {Y}",
       "UBND tỉnh Quảng Ngãi",
       "Về việc tập trung chỉ đạo, đẩy nhanh tiến độ thực hiện và giải ngân vốn đầu tư công",
       {{"BQLDA", "Lập kế hoạch giải ngân chi tiết từng dự án đến ngày 31/12/{Y}", kKh, 10},
        {"BQLDA",
         "Đôn đốc nhà thầu tăng cường nhân lực, thiết bị đẩy nhanh tiến độ thi công các dự án", kBc,
         30},
        {"KHTC", "Đề xuất điều chuyển vốn từ các dự án chậm giải ngân sang dự án có khối lượng",
         kTtr, 40, "BQLDA"}}},
      {7,
       22,
       "2156/STC-QLNS",
       "Công văn 2156/STC-QLNS về việc xây dựng dự toán ngân sách nhà nước năm {Y+1}",
       "Sở Tài chính tỉnh Quảng Ngãi",
       "Về việc hướng dẫn xây dựng dự toán ngân sách nhà nước năm {Y+1}",
       {{"KHTC", "Lập dự toán thu, chi ngân sách năm {Y+1} của Sở và các đơn vị trực thuộc", kCv,
         20},
        {"TTDK", "Lập dự toán thu, chi phí kiểm định xe cơ giới năm {Y+1}", kBc, 15}}},
      {8,
       25,
       "3120/BGTVT-VT",
       "Công văn 3120/BGTVT-VT về việc chấn chỉnh hoạt động kinh doanh vận tải hành khách bằng xe "
       "ô tô",
       "Bộ Giao thông vận tải",
       "Về việc tăng cường quản lý, chấn chỉnh hoạt động kinh doanh vận tải hành khách",
       {{"QLVT",
         "Rà soát, thu hồi phù hiệu xe vi phạm tốc độ theo dữ liệu thiết bị giám sát hành trình",
         kBc, 30},
        {"TTS",
         "Kiểm tra đột xuất các bến xe khách, đơn vị kinh doanh vận tải hành khách tuyến cố định",
         kBb, 45, "QLVT"}}},
      {9,
       15,
       "4512/UBND-KTN",
       "Công văn 4512/UBND-KTN về việc chủ động ứng phó với mưa bão, bảo đảm giao thông năm {Y}",
       "UBND tỉnh Quảng Ngãi",
       "Về việc chủ động triển khai các biện pháp phòng, chống thiên tai mùa mưa bão",
       {{"QLKCHT", "Chuẩn bị vật tư, phương tiện dự phòng ứng cứu giao thông mùa mưa bão", kBc, 15},
        {"BQLDA",
         "Kiểm tra biện pháp bảo đảm an toàn các công trình đang thi công trong mùa mưa bão", kBb,
         20, "QLCL"},
        {"VP", "Tổ chức trực ban phòng, chống thiên tai 24/24 giờ trong mùa mưa bão", kKh, 10}}},
  };
  return kDirectives;
}

const std::vector<TaskSpec>& MeetingConclusions() {
  static const std::vector<TaskSpec> kTasks = {
      {"KHTC",
       "Rà soát các nhiệm vụ chậm tiến độ trong Chương trình công tác năm {Y}, báo cáo Giám đốc "
       "Sở",
       kBc},
      {"BQLDA", "Đôn đốc nhà thầu đẩy nhanh tiến độ thi công dự án nâng cấp tuyến ĐT.623B", kBc},
      {"QLKCHT",
       "Hoàn thiện hồ sơ trình UBND tỉnh phương án tổ chức giao thông nút giao Quốc lộ 1 – ĐT.623",
       kTtr},
      {"TTS", "Tăng cường kiểm tra, xử lý xe quá tải trọng hoạt động vào ban đêm", kBb},
      {"VP", "Chuẩn bị nội dung làm việc với Đoàn kiểm tra của Bộ Giao thông vận tải", kBc},
      {"VP", "Tổng hợp ý kiến, kiến nghị của cử tri lĩnh vực giao thông, tham mưu văn bản trả lời",
       kCv},
      {"QLVT", "Báo cáo kết quả xử lý vi phạm qua dữ liệu thiết bị giám sát hành trình", kBc},
      {"QLCL",
       "Kiểm tra hiện trường, đánh giá chất lượng mặt đường đoạn mới thảm nhựa tuyến ĐT.624", kBb},
      {"VPATGT",
       "Phân tích nguyên nhân các vụ tai nạn giao thông nghiêm trọng trong tháng, đề xuất giải "
       "pháp",
       kBc},
      {"KHTC", "Đề xuất giải pháp nâng cao tỷ lệ giải ngân vốn đầu tư công của Sở", kBc},
      {"TTDK", "Rút ngắn thời gian chờ kiểm định, công khai lịch hẹn kiểm định trực tuyến", kBc},
      {"QLKCHT",
       "Xử lý dứt điểm các vị trí hư hỏng mặt đường gây mất an toàn giao thông trên ĐT.628", kBc},
      {"VP",
       "Rà soát hồ sơ thủ tục hành chính trễ hạn, có văn bản xin lỗi tổ chức, cá nhân theo quy "
       "định",
       kCv},
      {"BQLDA",
       "Phối hợp địa phương giải quyết vướng mắc giải phóng mặt bằng dự án đường Hoàng Sa – Dốc "
       "Sỏi",
       kBc},
      {"QLVT", "Kiểm tra, xử lý tình trạng xe hợp đồng trá hình hoạt động như tuyến cố định", kBb},
      {"QLCL",
       "Tham mưu xử lý trách nhiệm nhà thầu chậm khắc phục hư hỏng trong thời gian bảo hành", kCv},
      {"VP", "Cập nhật, đăng tải tin bài hoạt động của Sở trên Cổng thông tin điện tử", kCv},
      {"QLKCHT", "Kiểm tra, xử lý các điểm đấu nối trái phép vào đường tỉnh ĐT.623", kBb},
      {"TTS", "Rà soát, đôn đốc thực hiện các kết luận thanh tra còn tồn đọng", kBc},
      {"KHTC", "Rà soát, đề xuất điều chỉnh dự toán kinh phí sự nghiệp giao thông còn dư", kCv},
      {"QLVT", "Phối hợp Công an tỉnh kiểm soát hoạt động xe tải chở vật liệu xây dựng", kBc},
      {"VPATGT", "Kiểm tra công tác bảo đảm trật tự an toàn giao thông tại các huyện miền núi",
       kBb},
      {"QLCL", "Đôn đốc hoàn thiện hồ sơ nghiệm thu, bàn giao công trình đưa vào sử dụng", kBc},
      {"TTDK", "Tự kiểm tra, chấn chỉnh quy trình kiểm định tại các dây chuyền", kBc},
  };
  return kTasks;
}

const std::vector<TaskSpec>& MergedDivisionTasks() {
  static const std::vector<TaskSpec> kTasks = {
      {"QLPTNL", "Báo cáo tình hình cấp, đổi giấy phép lái xe trên dịch vụ công trực tuyến", kBc},
      {"QLPTNL", "Thống kê phương tiện thủy nội địa chở khách, đề xuất phương án quản lý", kBc},
      {"QLPTNL",
       "Chuẩn bị hồ sơ bàn giao nhiệm vụ, tài liệu khi hợp nhất vào Phòng Quản lý vận tải, "
       "phương tiện và người lái",
       kBc},
  };
  return kTasks;
}

const std::vector<std::string_view>& ProgressEarly() {
  static const std::vector<std::string_view> k = {
      "Đã phân công chuyên viên theo dõi; đang thu thập tài liệu, xây dựng đề cương {noun}.",
      "Đã ban hành văn bản đề nghị các phòng, đơn vị cung cấp số liệu; đang tổng hợp.",
      "Đã làm việc với các đơn vị liên quan, thống nhất nội dung và tiến độ thực hiện.",
  };
  return k;
}

const std::vector<std::string_view>& ProgressMiddle() {
  static const std::vector<std::string_view> k = {
      "Đã hoàn thành dự thảo {noun}, đang lấy ý kiến góp ý của các phòng, đơn vị liên quan.",
      "Đã kiểm tra thực tế hiện trường; đang tổng hợp kết quả, hoàn thiện {noun}.",
      "Đã xây dựng dự thảo, gửi xin ý kiến các sở, ngành và UBND các huyện, thị xã.",
  };
  return k;
}

const std::vector<std::string_view>& ProgressLate() {
  static const std::vector<std::string_view> k = {
      "Đã tiếp thu ý kiến góp ý, hoàn chỉnh {noun} trình Lãnh đạo Sở xem xét.",
      "Đã trình Lãnh đạo Sở {noun}; đang hoàn thiện theo ý kiến chỉ đạo.",
      "Cơ bản hoàn thành khối lượng; đang hoàn thiện hồ sơ, thủ tục để ban hành.",
  };
  return k;
}

const std::vector<std::string_view>& ProgressStalled() {
  static const std::vector<std::string_view> k = {
      "Đang chờ ý kiến góp ý của Sở Tài chính và Sở Kế hoạch và Đầu tư; chưa đủ cơ sở hoàn thiện "
      "{noun}.",
      "Nhà thầu chậm triển khai do vướng mặt bằng; đơn vị đã có văn bản đôn đốc.",
      "Số liệu của một số địa phương chưa đầy đủ; đang đôn đốc bổ sung.",
  };
  return k;
}

const std::vector<std::string_view>& ProgressOngoing() {
  static const std::vector<std::string_view> k = {
      "Tháng {month}: đã triển khai thực hiện theo kế hoạch; kết quả đã tổng hợp vào báo cáo "
      "tháng của đơn vị.",
      "Tháng {month}: thực hiện đúng quy trình, không phát sinh hồ sơ trễ hạn.",
      "Tháng {month}: đã hoàn thành các nội dung trong tháng; không có vướng mắc.",
  };
  return k;
}

const std::vector<std::string_view>& CompletionNotes() {
  static const std::vector<std::string_view> k = {
      "Đã hoàn thành và ban hành văn bản theo yêu cầu.",
      "Đã trình và được Lãnh đạo Sở thống nhất.",
      "Hoàn thành; kết quả đã gửi Phòng Kế hoạch – Tài chính tổng hợp.",
  };
  return k;
}

const std::vector<std::string_view>& ExtensionReasons() {
  static const std::vector<std::string_view> k = {
      "Đang chờ ý kiến thẩm định của Sở Tài chính về nguồn kinh phí thực hiện.",
      "Mưa lũ kéo dài, nhà thầu không thể thi công theo tiến độ đã cam kết.",
      "Cần bổ sung số liệu từ UBND các huyện, thị xã để bảo đảm chất lượng báo cáo.",
      "Nội dung phức tạp, cần xin ý kiến hướng dẫn của Bộ Giao thông vận tải.",
  };
  return k;
}

const std::vector<std::string_view>& DelayReasons() {
  static const std::vector<std::string_view> k = {
      "Nhiệm vụ chậm do chưa nhận được ý kiến góp ý của các sở, ngành liên quan",
      "Nhiệm vụ chậm do vướng mắc trong công tác giải phóng mặt bằng",
      "Nhiệm vụ chậm do đơn vị thiếu nhân lực trong thời gian cao điểm",
  };
  return k;
}

const std::vector<std::string_view>& CancelReasons() {
  static const std::vector<std::string_view> k = {
      "Nội dung đã được lồng ghép vào nhiệm vụ khác của Sở, không thực hiện riêng.",
      "Chủ trương đầu tư được điều chỉnh, nhiệm vụ không còn phù hợp.",
  };
  return k;
}

const std::vector<std::string_view>& WithdrawReasons() {
  static const std::vector<std::string_view> k = {
      "UBND tỉnh điều chỉnh Chương trình công tác năm, rút nội dung này khỏi Chương trình.",
  };
  return k;
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
