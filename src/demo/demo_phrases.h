// The words of the demo agency's history: progress reports, completion notes, the reasons given
// for extensions, delays and cancellations, and the leader's decisions. Constant arrays rather than
// functions over static vectors: they are plain text, drawn from by the seeded generator (which
// picks by index, so their order is part of the demo's output).
#pragma once

#include <array>
#include <string_view>

namespace giaoban::demo::catalog {

// Progress reports by stage; "{noun}" is the product's noun.
inline constexpr auto kProgressEarly = std::to_array<std::string_view>({
    "Đã phân công chuyên viên theo dõi; đang thu thập tài liệu, xây dựng đề cương {noun}.",
    "Đã ban hành văn bản đề nghị các phòng, đơn vị cung cấp số liệu; đang tổng hợp.",
    "Đã làm việc với các đơn vị liên quan, thống nhất nội dung và tiến độ thực hiện.",
});

inline constexpr auto kProgressMiddle = std::to_array<std::string_view>({
    "Đã hoàn thành dự thảo {noun}, đang lấy ý kiến góp ý của các phòng, đơn vị liên quan.",
    "Đã kiểm tra thực tế hiện trường; đang tổng hợp kết quả, hoàn thiện {noun}.",
    "Đã xây dựng dự thảo, gửi xin ý kiến các sở, ngành và UBND các huyện, thị xã.",
});

inline constexpr auto kProgressLate = std::to_array<std::string_view>({
    "Đã tiếp thu ý kiến góp ý, hoàn chỉnh {noun} trình Lãnh đạo Sở xem xét.",
    "Đã trình Lãnh đạo Sở {noun}; đang hoàn thiện theo ý kiến chỉ đạo.",
    "Cơ bản hoàn thành khối lượng; đang hoàn thiện hồ sơ, thủ tục để ban hành.",
});

inline constexpr auto kProgressStalled = std::to_array<std::string_view>({
    "Đang chờ ý kiến góp ý của Sở Tài chính và Sở Kế hoạch và Đầu tư; chưa đủ cơ sở hoàn thiện "
    "{noun}.",
    "Nhà thầu chậm triển khai do vướng mặt bằng; đơn vị đã có văn bản đôn đốc.",
    "Số liệu của một số địa phương chưa đầy đủ; đang đôn đốc bổ sung.",
});

// Monthly reports of ongoing tasks; "{month}" is the month, "9/2025".
inline constexpr auto kProgressOngoing = std::to_array<std::string_view>({
    "Tháng {month}: đã triển khai thực hiện theo kế hoạch; kết quả đã tổng hợp vào báo cáo "
    "tháng của đơn vị.",
    "Tháng {month}: thực hiện đúng quy trình, không phát sinh hồ sơ trễ hạn.",
    "Tháng {month}: đã hoàn thành các nội dung trong tháng; không có vướng mắc.",
});

inline constexpr auto kCompletionNotes = std::to_array<std::string_view>({
    "Đã hoàn thành và ban hành văn bản theo yêu cầu.",
    "Đã trình và được Lãnh đạo Sở thống nhất.",
    "Hoàn thành; kết quả đã gửi Phòng Kế hoạch – Tài chính tổng hợp.",
});

inline constexpr auto kExtensionReasons = std::to_array<std::string_view>({
    "Đang chờ ý kiến thẩm định của Sở Tài chính về nguồn kinh phí thực hiện.",
    "Mưa lũ kéo dài, nhà thầu không thể thi công theo tiến độ đã cam kết.",
    "Cần bổ sung số liệu từ UBND các huyện, thị xã để bảo đảm chất lượng báo cáo.",
    "Nội dung phức tạp, cần xin ý kiến hướng dẫn của Bộ Giao thông vận tải.",
});

// Answers to explanation requests.
inline constexpr auto kDelayReasons = std::to_array<std::string_view>({
    "Nhiệm vụ chậm do chưa nhận được ý kiến góp ý của các sở, ngành liên quan",
    "Nhiệm vụ chậm do vướng mắc trong công tác giải phóng mặt bằng",
    "Nhiệm vụ chậm do đơn vị thiếu nhân lực trong thời gian cao điểm",
});

inline constexpr auto kCancelReasons = std::to_array<std::string_view>({
    "Nội dung đã được lồng ghép vào nhiệm vụ khác của Sở, không thực hiện riêng.",
    "Chủ trương đầu tư được điều chỉnh, nhiệm vụ không còn phù hợp.",
});

inline constexpr auto kWithdrawReasons = std::to_array<std::string_view>({
    "UBND tỉnh điều chỉnh Chương trình công tác năm, rút nội dung này khỏi Chương trình.",
});

inline constexpr std::string_view kApproveNote =
    "Đồng ý gia hạn. Đề nghị đơn vị tập trung hoàn thành trong thời hạn mới, không đề nghị gia hạn "
    "lần sau.";
inline constexpr std::string_view kRefuseNote =
    "Không đồng ý gia hạn. Đề nghị đơn vị bố trí nhân lực, khẩn trương hoàn thành và báo cáo kết "
    "quả.";

}  // namespace giaoban::demo::catalog
