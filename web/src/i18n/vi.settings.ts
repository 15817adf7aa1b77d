// Thông điệp của trang Thiết lập báo cáo (en.settings.ts có đúng các khóa này).
// Messages of the report settings page (en.settings.ts has the same keys).
const viSettings = {
  'rs.subtitle': 'Cách cơ quan lập báo cáo và những gì ghi trên văn bản: kỳ báo cáo, hạn nộp, phần đầu, nơi nhận, người ký.',
  'rs.defaults': 'Đang dùng thiết lập mặc định',
  'rs.defaultsHelp': 'Cơ quan chưa lưu thiết lập riêng; các giá trị dưới đây là mặc định, lấy từ cơ cấu tổ chức.',
  'rs.adminOnly': 'Chỉ quản trị viên của cơ quan được sửa thiết lập báo cáo.',
  'rs.save': 'Lưu thiết lập',
  'rs.saved': 'Đã lưu thiết lập báo cáo.',
  'rs.stale': 'Thiết lập báo cáo vừa được người khác thay đổi. Trang đã tải lại thiết lập mới nhất; vui lòng sửa lại.',

  'rs.section.period': 'Kỳ báo cáo và hạn nộp',
  'rs.section.heading': 'Phần đầu văn bản',
  'rs.section.recipients': 'Nơi nhận',
  'rs.section.types': 'Loại văn bản',
  'rs.section.signers': 'Người ký',

  'rs.periodConvention': 'Cách tính kỳ báo cáo',
  'rs.period.calendar_month': 'Tháng dương lịch',
  'rs.period.calendar_month.help': 'Báo cáo tháng tính từ ngày 01 đến ngày cuối tháng.',
  'rs.period.cutoff_14th': 'Từ ngày 15 tháng trước đến ngày 14',
  'rs.period.cutoff_14th.help':
    'Theo Nghị định 09/2019/NĐ-CP: báo cáo tháng tính từ ngày 15 tháng trước đến ngày 14 tháng báo cáo.',
  'rs.dueWorkingDays': 'Hạn nộp báo cáo đơn vị',
  'rs.workingDays': 'ngày làm việc',
  'rs.dueWorkingDaysHelp': 'Số ngày làm việc sau ngày cuối kỳ báo cáo, từ 0 đến {max}.',
  'rs.dueWorkingDaysRange': 'Số ngày làm việc phải từ {min} đến {max}',
  'rs.consolidatingOrg': 'Đơn vị tổng hợp báo cáo',
  'rs.consolidatingOrgNone': 'Chưa chọn đơn vị tổng hợp',

  'rs.agencyCode': 'Ký hiệu cơ quan trong số văn bản',
  'rs.codeInvalid': 'Chỉ gồm chữ in hoa không dấu, chữ Đ, chữ số và dấu gạch nối',
  'rs.codeTooLong': 'Ký hiệu quá dài',
  'rs.numberExample': 'Số văn bản sẽ ghi: {line}',
  'rs.placeName': 'Địa danh',
  'rs.placeExample': 'Dòng địa danh, ngày tháng sẽ ghi: {line}',
  'rs.parentLine': 'Tên cơ quan chủ quản (dòng trên)',
  'rs.agencyLine': 'Tên cơ quan ban hành (dòng dưới)',
  'rs.linesHelp': 'Viết in hoa, như khi in trên văn bản.',
  'rs.headingPreview': 'Phần đầu văn bản khi in',
  'rs.textTooLong': 'Nội dung quá dài',

  'rs.recipient': 'Nơi nhận {n}',
  'rs.recipientsHelp': 'Mỗi dòng một nơi nhận, theo thứ tự in trên văn bản; ví dụ “UBND tỉnh (b/c);”, “Lưu: VT, KHTC.”.',
  'rs.addRecipient': 'Thêm nơi nhận',
  'rs.recipientsNone': 'Chưa có nơi nhận.',

  'rs.typeName': 'Tên loại văn bản',
  'rs.typeCode': 'Ký hiệu',
  'rs.typeLabel': 'Loại văn bản {n}',
  'rs.typesHelp': 'Loại văn bản đầu tiên dùng cho ví dụ số văn bản ở trên.',
  'rs.addType': 'Thêm loại văn bản',
  'rs.typeCodeTaken': 'Ký hiệu này đã dùng cho loại văn bản khác',

  'rs.signer': 'Người ký {n}',
  'rs.signerPerson': 'Cán bộ ký',
  'rs.signerAuthority': 'Quyền hạn ký',
  'rs.signerAuthorityHelp': 'KT. (ký thay) hoặc TL. (thừa lệnh) và chức vụ người đứng đầu; để trống khi người đứng đầu ký.',
  'rs.signerAuthorityPlaceholder': 'Ví dụ: KT. GIÁM ĐỐC',
  'rs.signerTitle': 'Chức vụ',
  'rs.signerTitlePlaceholder': 'Ví dụ: PHÓ GIÁM ĐỐC',
  'rs.signerTaken': 'Người này đã có trong danh sách người ký',
  'rs.addSigner': 'Thêm người ký',
  'rs.signersNone': 'Chưa có người ký.',
  'rs.tooMany': 'Tối đa {max} mục',

  'rs.moveUp': 'Chuyển {item} lên',
  'rs.moveDown': 'Chuyển {item} xuống',
  'rs.remove': 'Xóa {item}',
};

export default viSettings;
