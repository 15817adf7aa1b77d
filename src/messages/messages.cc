#include "messages/messages.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace giaoban::messages {
namespace {

struct Entry {
  std::string_view code;
  std::string_view vi;
  std::string_view en;
};

// Keep sorted by code: looked up by binary search. "label.*" are words used in documents.
constexpr auto kCatalogue = std::to_array<Entry>({
    {"attachment_too_large", "Tệp đính kèm vượt quá dung lượng cho phép.",
     "The attachment exceeds the allowed size."},
    {"attachment_type_not_allowed", "Loại tệp đính kèm không được chấp nhận.",
     "This type of attachment is not accepted."},
    {"bad_json", "Dữ liệu gửi lên không phải JSON hợp lệ.", "The request body is not valid JSON."},
    {"bad_request", "Yêu cầu không hợp lệ.", "The request is not valid."},
    {"body_too_large", "Dữ liệu gửi lên quá lớn.", "The request body is too large."},
    {"conflict", "Dữ liệu bị trùng hoặc mâu thuẫn với dữ liệu đã có.",
     "The data conflicts with existing data."},
    {"csrf_failed", "Phiên làm việc không hợp lệ, vui lòng tải lại trang.",
     "The CSRF token is missing or wrong; reload the page."},
    {"extension_not_pending", "Đề nghị gia hạn này đã được xử lý.",
     "This extension request has already been decided."},
    {"forbidden", "Bạn không có quyền thực hiện thao tác này.", "You are not allowed to do this."},
    {"header_too_large", "Phần đầu của yêu cầu quá lớn.", "The request headers are too large."},
    {"internal_error", "Hệ thống gặp lỗi, vui lòng thử lại sau.",
     "Something went wrong; please try again later."},
    {"invalid_credentials", "Tên đăng nhập hoặc mật khẩu không đúng.",
     "Wrong username or password."},
    {"json_too_complex", "Dữ liệu JSON lồng quá sâu hoặc có quá nhiều phần tử.",
     "The JSON is nested too deeply or has too many elements."},
    {"label.column.assigned_on", "Ngày giao", "Assigned on"},
    {"label.column.completed_on", "Ngày hoàn thành", "Completed on"},
    {"label.column.deadline", "Hạn xử lý", "Deadline"},
    {"label.column.deadline_in_force", "Hạn đang áp dụng", "Deadline in force"},
    {"label.column.extended", "Đã gia hạn", "Extended"},
    {"label.column.is_key", "Trọng tâm", "Key"},
    {"label.column.lead_org", "Đơn vị chủ trì", "Lead unit"},
    {"label.column.leader", "Lãnh đạo phụ trách", "Supervising leader"},
    {"label.column.number", "STT", "No."},
    {"label.column.progress", "Tiến độ (%)", "Progress (%)"},
    {"label.column.source", "Văn bản nguồn", "Source document"},
    {"label.column.source_kind", "Loại nguồn", "Source kind"},
    {"label.column.status", "Tình trạng", "Status"},
    {"label.column.title", "Tên nhiệm vụ", "Task"},
    {"label.deadline_ongoing", "Thường xuyên", "Ongoing"},
    {"label.no", "", ""},
    {"label.source_kind.ad_hoc", "Nhiệm vụ đột xuất", "Ad-hoc assignment"},
    {"label.source_kind.directive", "Chỉ thị", "Directive"},
    {"label.source_kind.higher_program", "Chương trình công tác của cấp trên",
     "Higher authority's work program"},
    {"label.source_kind.key_program", "Chương trình trọng tâm", "Key program"},
    {"label.source_kind.meeting_conclusion", "Kết luận cuộc họp", "Meeting conclusion"},
    {"label.status.cancelled", "Đã hủy / rút khỏi chương trình", "Cancelled or withdrawn"},
    {"label.status.completed_late", "Hoàn thành trễ hạn", "Completed late"},
    {"label.status.completed_on_time", "Hoàn thành đúng hạn", "Completed on time"},
    {"label.status.in_progress", "Đang thực hiện trong hạn", "In progress, within deadline"},
    {"label.status.overdue", "Quá hạn", "Overdue"},
    {"label.task_list", "DANH SÁCH NHIỆM VỤ", "TASK LIST"},
    {"label.task_list_as_of", "Tình trạng tính đến ngày {date}", "Status as of {date}"},
    {"label.task_list_total", "Tổng số: {total} nhiệm vụ", "Total: {total} tasks"},
    {"label.task_list_truncated",
     "Chỉ xuất {rows} nhiệm vụ đầu tiên trong số {total}; hãy lọc thêm để xuất đủ.",
     "Only the first {rows} of {total} tasks are exported; narrow the filter to export all."},
    {"label.yes", "x", "x"},
    {"method_not_allowed", "Phương thức không được hỗ trợ cho địa chỉ này.",
     "This method is not supported here."},
    {"not_found", "Không tìm thấy dữ liệu yêu cầu.", "Not found."},
    {"precondition_failed", "Dữ liệu đã được người khác thay đổi. Vui lòng tải lại trước khi lưu.",
     "Someone else changed this in the meantime; reload before saving."},
    {"precondition_required", "Thiếu phiên bản dữ liệu (If-Match) khi cập nhật.",
     "An If-Match header with the current version is required."},
    {"server_busy", "Máy chủ đang bận, vui lòng thử lại sau ít giây.",
     "The server is busy; please try again in a few seconds."},
    {"task_already_completed", "Nhiệm vụ đã hoàn thành.", "The task is already completed."},
    {"task_cancelled", "Nhiệm vụ đã bị hủy hoặc rút khỏi chương trình.",
     "The task has been cancelled or withdrawn."},
    {"timeout", "Yêu cầu quá thời gian chờ.", "The request timed out."},
    {"too_many_requests", "Quá nhiều yêu cầu, vui lòng thử lại sau ít phút.",
     "Too many requests; try again in a few minutes."},
    {"unauthenticated", "Vui lòng đăng nhập.", "Please log in."},
    {"unsupported_media_type", "Định dạng dữ liệu không được hỗ trợ (cần application/json).",
     "Unsupported content type (application/json expected)."},
    {"validation_failed", "Dữ liệu chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu.",
     "Some fields are not valid."},
});

constexpr bool Sorted() {
  for (std::size_t i = 1; i < kCatalogue.size(); ++i) {
    if (!(kCatalogue[i - 1].code < kCatalogue[i].code)) return false;
  }
  return true;
}
static_assert(Sorted(), "keep the catalogue sorted by code");

const Entry* Find(std::string_view code) {
  auto it = std::lower_bound(kCatalogue.begin(), kCatalogue.end(), code,
                             [](const Entry& e, std::string_view c) { return e.code < c; });
  return it != kCatalogue.end() && it->code == code ? &*it : nullptr;
}

}  // namespace

Language FromAcceptLanguage(std::string_view header) {
  // Only the first (most preferred) language range matters for a two-language product.
  std::string first;
  for (char c : header) {
    if (c == ',' || c == ';') break;
    if (c != ' ') first.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return first.rfind("en", 0) == 0 ? Language::kEnglish : Language::kVietnamese;
}

std::string_view Message(std::string_view code, Language language) {
  const Entry* e = Find(code);
  if (e == nullptr) e = Find("bad_request");
  return language == Language::kEnglish ? e->en : e->vi;
}

bool HasMessage(std::string_view code) { return Find(code) != nullptr; }

}  // namespace giaoban::messages
