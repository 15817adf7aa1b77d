// The `components` of the OpenAPI document: shared schemas, parameters, headers and responses.
// Every object schema lists exactly the properties written by the ToJson functions of
// json_codec.cc (or read by the BodyReader of the routes) and sets additionalProperties: false, so
// that tests/api/test_openapi.py catches any field the document does not describe.
#include "api/openapi.h"

namespace giaoban::api::openapi_detail {

std::string_view ComponentsText() {
  return R"json(
{
  "securitySchemes": {
    "cookieAuth": {
      "type": "apiKey",
      "in": "cookie",
      "name": "gb_session",
      "description": "Phiên đăng nhập của trình duyệt, đặt bởi POST /auth/login (HttpOnly, SameSite=Lax). Mọi yêu cầu thay đổi dữ liệu (POST, PATCH, PUT, DELETE) gửi kèm cookie phải có thêm header X-CSRF-Token bằng csrf_token nhận được khi đăng nhập hoặc từ GET /me; nếu không sẽ bị từ chối 403 csrf_failed.\n\nBrowser session set by POST /auth/login. Every state-changing request (POST, PATCH, PUT, DELETE) made with the cookie must also send the X-CSRF-Token header equal to the csrf_token from the login or from GET /me, else it is refused with 403 csrf_failed."
    },
    "bearerAuth": {
      "type": "http",
      "scheme": "bearer",
      "description": "Mã truy cập API cho hệ thống tích hợp, tạo bằng lệnh `giaoban token create <username>`. Không cần X-CSRF-Token.\n\nAPI token for integrations, created with `giaoban token create <username>`. No CSRF token is needed."
    }
  },

  "parameters": {
    "TaskId": {"name": "task_id", "in": "path", "required": true, "description": "Mã nhiệm vụ / task id", "schema": {"$ref": "#/components/schemas/Id"}},
    "PersonId": {"name": "person_id", "in": "path", "required": true, "description": "Mã cán bộ / person id", "schema": {"$ref": "#/components/schemas/Id"}},
    "UserId": {"name": "user_id", "in": "path", "required": true, "description": "Mã tài khoản / account id", "schema": {"$ref": "#/components/schemas/Id"}},
    "OrganizationId": {"name": "organization_id", "in": "path", "required": true, "description": "Mã cơ quan, đơn vị / organisation id", "schema": {"$ref": "#/components/schemas/Id"}},
    "SourceId": {"name": "source_id", "in": "path", "required": true, "description": "Mã nguồn nhiệm vụ / source id", "schema": {"$ref": "#/components/schemas/Id"}},
    "AttachmentId": {"name": "attachment_id", "in": "path", "required": true, "description": "Mã tệp đính kèm / attachment id", "schema": {"$ref": "#/components/schemas/Id"}},
    "ExtensionId": {"name": "extension_id", "in": "path", "required": true, "description": "Mã đề nghị gia hạn / extension request id", "schema": {"$ref": "#/components/schemas/Id"}},
    "ExplanationId": {"name": "explanation_id", "in": "path", "required": true, "description": "Mã yêu cầu giải trình / explanation request id", "schema": {"$ref": "#/components/schemas/Id"}},

    "IfMatch": {
      "name": "If-Match", "in": "header", "required": true,
      "description": "Phiên bản đang sửa, lấy từ ETag (\"3\", W/\"3\" hoặc 3). Thiếu: 428; sai hoặc đã cũ: 412.\n\nThe version being edited, as received in the ETag. Missing: 428; unreadable or stale: 412.",
      "schema": {"type": "string", "example": "\"3\""}
    },
    "CsrfToken": {
      "name": "X-CSRF-Token", "in": "header", "required": false,
      "description": "Bắt buộc khi xác thực bằng cookie gb_session: giá trị csrf_token của phiên. Không dùng với Bearer.\n\nRequired when authenticated by the gb_session cookie: the session's csrf_token. Not used with Bearer tokens.",
      "schema": {"type": "string"}
    },

    "FilterQ": {"name": "q", "in": "query", "description": "Tìm không phân biệt dấu trong tiêu đề, nội dung, số văn bản / diacritic-insensitive text search in title, content and document numbers (at most 200 bytes)", "schema": {"type": "string", "maxLength": 200}},
    "TaskAsOf": {"name": "as_of", "in": "query", "description": "Xem nhiệm vụ như tại ngày này: chỉ những gì đã có đến ngày đó (mặc định hôm nay) / show the task as it stood on this date: only what was recorded as dated by then (default today)", "schema": {"type": "string", "format": "date"}},
    "FilterAsOf": {"name": "as_of", "in": "query", "description": "Ngày tính trạng thái (mặc định: hôm nay theo giờ cơ quan, hoặc ngày cuối của period) / the date statuses are computed for (default: today in the agency, or the last day of `period`)", "schema": {"type": "string", "format": "date"}},
    "FilterStatus": {"name": "status", "in": "query", "style": "form", "explode": false, "description": "Trạng thái tại ngày as_of, phân cách bằng dấu phẩy / statuses as of `as_of`, comma-separated, e.g. overdue,in_progress", "schema": {"type": "array", "items": {"type": "string", "enum": ["cancelled", "completed_on_time", "completed_late", "in_progress", "overdue"]}}},
    "FilterSourceKind": {"name": "source_kind", "in": "query", "style": "form", "explode": false, "description": "Loại nguồn, phân cách bằng dấu phẩy / source kinds, comma-separated", "schema": {"type": "array", "items": {"$ref": "#/components/schemas/SourceKind"}}},
    "FilterSource": {"name": "source", "in": "query", "description": "Mã nguồn / source id", "schema": {"$ref": "#/components/schemas/Id"}},
    "FilterExtended": {"name": "extended", "in": "query", "description": "Đã được gia hạn tính đến ngày as_of / deadline extended by the as-of date (true, 1) or never (false, 0)", "schema": {"type": "string", "enum": ["true", "false", "1", "0"]}},
    "FilterKey": {"name": "key", "in": "query", "description": "Nhiệm vụ trọng tâm / key tasks only (true, 1) or non-key only (false, 0)", "schema": {"type": "string", "enum": ["true", "false", "1", "0"]}},
    "FilterLeadOrg": {"name": "lead_org", "in": "query", "description": "Đơn vị chủ trì / lead organisation id", "schema": {"$ref": "#/components/schemas/Id"}},
    "FilterOrgRole": {"name": "org_role", "in": "query", "description": "Cùng org: lead chỉ tính nhiệm vụ do đơn vị trong cây con chủ trì (các dòng theo đơn vị cộng lại bằng tổng); any (mặc định) tính cả nhiệm vụ phối hợp / with org: lead counts only tasks led in the subtree (the per-unit rows then add up to the total); any (default) also counts tasks cooperated on", "schema": {"type": "string", "enum": ["any", "lead"], "default": "any"}},
    "FilterOrg": {"name": "org", "in": "query", "description": "Đơn vị chủ trì hoặc phối hợp bất kỳ trong cây con của đơn vị này / lead or cooperating organisation anywhere in the subtree of this organisation", "schema": {"$ref": "#/components/schemas/Id"}},
    "FilterLeader": {"name": "leader", "in": "query", "description": "Lãnh đạo phụ trách (mã người) / supervising leader (person id)", "schema": {"$ref": "#/components/schemas/Id"}},
    "FilterAssignee": {"name": "assignee", "in": "query", "description": "Chuyên viên được giao (mã người) / assignee (person id)", "schema": {"$ref": "#/components/schemas/Id"}},
    "FilterParent": {"name": "parent", "in": "query", "description": "Nhiệm vụ cha / parent task id (its subtasks)", "schema": {"$ref": "#/components/schemas/Id"}},
    "FilterAssignedFrom": {"name": "assigned_from", "in": "query", "description": "Giao từ ngày (bao gồm) / assigned on or after", "schema": {"type": "string", "format": "date"}},
    "FilterAssignedTo": {"name": "assigned_to", "in": "query", "description": "Giao đến ngày (bao gồm) / assigned on or before", "schema": {"type": "string", "format": "date"}},
    "FilterDeadlineFrom": {"name": "deadline_from", "in": "query", "description": "Hạn từ ngày (bao gồm) / deadline on or after", "schema": {"type": "string", "format": "date"}},
    "FilterDeadlineTo": {"name": "deadline_to", "in": "query", "description": "Hạn đến ngày (bao gồm) / deadline on or before", "schema": {"type": "string", "format": "date"}},
    "FilterPeriod": {"name": "period", "in": "query", "description": "Kỳ: tháng, quý hoặc năm; viết tắt của assigned_from/assigned_to, trạng thái tính đến ngày cuối kỳ nếu không có as_of. Không dùng cùng assigned_from/assigned_to.\n\nA month, quarter or year: shorthand for tasks assigned within the period, as of its last day unless as_of is given. Conflicts with assigned_from/assigned_to.", "schema": {"type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}|-Q[1-4])?$", "example": "2023-Q3"}},
    "FilterSort": {"name": "sort", "in": "query", "style": "form", "explode": false, "description": "Thứ tự, dấu - để giảm dần / sort keys, comma-separated, - for descending (default id)", "schema": {"type": "array", "items": {"type": "string", "pattern": "^-?(title|assigned_on|deadline|id|updated)$"}}, "example": "deadline,-assigned_on"},
    "FilterPage": {"name": "page", "in": "query", "description": "Trang, từ 1 / page number, from 1", "schema": {"type": "integer", "minimum": 1, "maximum": 1000000, "default": 1}},
    "FilterPageSize": {"name": "page_size", "in": "query", "description": "Số dòng mỗi trang / rows per page", "schema": {"type": "integer", "minimum": 1, "maximum": 200, "default": 50}}
  },

  "headers": {
    "ETag": {
      "description": "Phiên bản của tài nguyên, gửi lại trong If-Match khi sửa / the resource's version, to send back in If-Match",
      "required": true,
      "schema": {"type": "string", "pattern": "^\"[0-9]+\"$", "example": "\"3\""}
    },
    "RetryAfter": {
      "description": "Số giây phải đợi trước khi thử lại / seconds to wait before trying again",
      "required": true,
      "schema": {"type": "string", "pattern": "^[1-9][0-9]*$", "example": "30"}
    },
    "SetSessionCookie": {
      "description": "Cookie phiên gb_session (HttpOnly; SameSite=Lax; Secure sau HTTPS) / the gb_session cookie",
      "required": true,
      "schema": {"type": "string", "example": "gb_session=…; Path=/; HttpOnly; SameSite=Lax; Max-Age=43200"}
    },
    "ClearSessionCookie": {
      "description": "Xóa cookie phiên (Max-Age=0) / clears the session cookie",
      "required": true,
      "schema": {"type": "string", "example": "gb_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"}
    },
    "ContentDisposition": {
      "description": "attachment; tên tệp ASCII và tên UTF-8 theo RFC 6266 / ASCII fallback plus the UTF-8 file name (RFC 6266)",
      "required": true,
      "schema": {"type": "string"}
    }
  },

  "responses": {
    "BadRequest": {
      "description": "Thân yêu cầu không phải đối tượng JSON hợp lệ (bad_json), hoặc lồng quá sâu hay quá nhiều phần tử (json_too_complex) / the body is missing, not UTF-8 or not a JSON object (bad_json), or nested too deeply or too many elements (json_too_complex)",
      "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Error"}, {"properties": {"code": {"enum": ["bad_json", "bad_request", "json_too_complex"]}}}]}}}
    },
    "Unauthenticated": {
      "description": "Chưa đăng nhập, phiên hết hạn hoặc mã truy cập không hợp lệ / no valid session cookie or bearer token",
      "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Error"}, {"properties": {"code": {"enum": ["unauthenticated"]}}}]}}}
    },
    "InvalidCredentials": {
      "description": "Sai tên đăng nhập hoặc mật khẩu / wrong username or password",
      "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Error"}, {"properties": {"code": {"enum": ["invalid_credentials"]}}}]}}}
    },
    "CsrfFailed": {
      "description": "Yêu cầu bằng cookie thiếu hoặc sai X-CSRF-Token / a cookie request without the right X-CSRF-Token",
      "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Error"}, {"properties": {"code": {"enum": ["csrf_failed"]}}}]}}}
    },
    "Forbidden": {
      "description": "Vai trò không được phép (forbidden), hoặc thiếu X-CSRF-Token (csrf_failed) / the role may not do this, or the CSRF token is missing",
      "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Error"}, {"properties": {"code": {"enum": ["forbidden", "csrf_failed"]}}}]}}}
    },
    "NotFound": {
      "description": "Không tồn tại hoặc người dùng không được xem / does not exist or is not visible to the user",
      "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Error"}, {"properties": {"code": {"enum": ["not_found"]}}}]}}}
    },
    "Conflict": {
      "description": "Trùng hoặc mâu thuẫn với dữ liệu đã có (ví dụ hai yêu cầu đồng thời) / conflicts with existing data, e.g. two concurrent requests",
      "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Error"}, {"properties": {"code": {"enum": ["conflict"]}}}]}}}
    },
    "TaskConflict": {
      "description": "Nhiệm vụ đã hủy/rút (task_cancelled) hoặc đã hoàn thành (task_already_completed); đã có đề nghị gia hạn đang chờ hoặc giải trình đã trả lời (conflict); đề nghị gia hạn đã được xử lý (extension_not_pending).\n\nThe task is cancelled or already completed; an extension is already pending or the explanation is already answered (conflict); the extension was already decided (extension_not_pending).",
      "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Error"}, {"properties": {"code": {"enum": ["task_cancelled", "task_already_completed", "conflict", "extension_not_pending"]}}}]}}}
    },
    "PreconditionFailed": {
      "description": "If-Match không đọc được hoặc phiên bản đã cũ: tải lại rồi sửa lại / unreadable or stale If-Match: reload and retry",
      "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Error"}, {"properties": {"code": {"enum": ["precondition_failed"]}}}]}}}
    },
    "PayloadTooLarge": {
      "description": "Thân yêu cầu lớn hơn giới hạn (1 MiB; 24 MiB cho báo cáo tiến độ kèm tệp của người đã đăng nhập), trả lời ngay khi nhận phần đầu / the body exceeds the limit (1 MiB; 24 MiB for a signed-in caller's progress report with attachments), answered as soon as the header is in",
      "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Error"}, {"properties": {"code": {"enum": ["body_too_large"]}}}]}}}
    },
    "UnsupportedMediaType": {
      "description": "Có thân yêu cầu nhưng Content-Type không phải application/json / a body whose Content-Type is not application/json",
      "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Error"}, {"properties": {"code": {"enum": ["unsupported_media_type"]}}}]}}}
    },
    "ValidationFailed": {
      "description": "Dữ liệu chưa hợp lệ; fields liệt kê từng trường lỗi / invalid input; `fields` lists each bad field with its code",
      "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Error"}, {"required": ["fields"], "properties": {"code": {"enum": ["validation_failed"]}}}]}}}
    },
    "PreconditionRequired": {
      "description": "Thiếu If-Match / the If-Match header is missing",
      "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Error"}, {"properties": {"code": {"enum": ["precondition_required"]}}}]}}}
    },
    "ServerBusy": {
      "description": "Bộ nhớ dành cho thân yêu cầu đang dùng hết; gửi lại sau Retry-After giây / the memory for request bodies is taken; retry after Retry-After seconds",
      "headers": {"Retry-After": {"$ref": "#/components/headers/RetryAfter"}},
      "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Error"}, {"properties": {"code": {"enum": ["server_busy"]}}}]}}}
    },
    "TooManyRequests": {
      "description": "Đăng nhập sai quá nhiều lần từ địa chỉ này, hãy đợi số giây trong Retry-After / too many failed logins from this address, for this account or across accounts: wait the seconds in Retry-After",
      "headers": {"Retry-After": {"$ref": "#/components/headers/RetryAfter"}},
      "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Error"}, {"properties": {"code": {"enum": ["too_many_requests"]}}}]}}}
    }
  },

  "schemas": {
    "Id": {"type": "integer", "format": "int64", "minimum": 1},
    "Timestamp": {"type": "integer", "format": "int64", "description": "Thời điểm ghi nhận, mili giây Unix / a recorded time, Unix milliseconds"},

    "Error": {
      "type": "object",
      "description": "Thân mọi phản hồi lỗi. message theo Accept-Language (tiếng Việt mặc định, tiếng Anh khi được ưu tiên).\n\nThe body of every error. `code` is stable English; `message` follows Accept-Language (Vietnamese by default).",
      "additionalProperties": false,
      "required": ["code", "message"],
      "properties": {
        "code": {"type": "string", "enum": ["bad_json", "bad_request", "body_too_large", "conflict", "csrf_failed", "extension_not_pending", "forbidden", "header_too_large", "internal_error", "invalid_credentials", "json_too_complex", "method_not_allowed", "not_found", "precondition_failed", "precondition_required", "server_busy", "task_already_completed", "task_cancelled", "too_many_requests", "unauthenticated", "unsupported_media_type", "validation_failed"]},
        "message": {"type": "string"},
        "fields": {"type": "array", "items": {"$ref": "#/components/schemas/FieldError"}}
      }
    },
    "FieldError": {
      "type": "object",
      "additionalProperties": false,
      "required": ["field", "code"],
      "properties": {
        "field": {"type": "string", "description": "Tên trường hoặc tham số, ví dụ title, attachments[0] / the field or query parameter"},
        "code": {"type": "string", "description": "required, invalid, invalid_date, too_long, too_many, not_found, taken, unknown_field, unknown_parameter, duplicate, out_of_range, in_future, before_assigned_on, before_requested_on, before_start, not_later, not_applicable, use_extension, includes_lead, wrong, attachment_too_large, attachment_type_not_allowed, …"},
        "allowed": {"type": "array", "items": {"type": "string"}, "description": "Khi giá trị nằm ngoài một tập cố định: các giá trị được chấp nhận / for a value outside a closed set: the accepted values"}
      }
    },
    "Ok": {
      "type": "object", "additionalProperties": false, "required": ["ok"],
      "properties": {"ok": {"type": "boolean", "enum": [true]}}
    },
    "Health": {
      "type": "object", "additionalProperties": false, "required": ["status"],
      "properties": {"status": {"type": "string", "enum": ["ok"]}}
    },
    "NamedRef": {
      "type": "object", "additionalProperties": false, "required": ["id", "name"],
      "properties": {"id": {"$ref": "#/components/schemas/Id"}, "name": {"type": "string"}}
    },

    "Role": {
      "type": "string",
      "enum": ["admin", "leader", "consolidator", "unit_head", "specialist", "viewer"],
      "description": "admin: quản trị hệ thống; leader: lãnh đạo (Giám đốc, Phó Giám đốc); consolidator: chuyên viên tổng hợp; unit_head: trưởng đơn vị; specialist: chuyên viên; viewer: chỉ xem"
    },
    "Actor": {
      "type": "object",
      "description": "Người dùng đang đăng nhập / the logged-in user",
      "additionalProperties": false,
      "required": ["user_id", "username", "full_name", "position", "role", "person_id", "organization_id", "agency_id"],
      "properties": {
        "user_id": {"$ref": "#/components/schemas/Id"},
        "username": {"type": "string"},
        "full_name": {"type": "string"},
        "position": {"type": "string", "description": "Chức vụ / position"},
        "role": {"$ref": "#/components/schemas/Role"},
        "person_id": {"$ref": "#/components/schemas/Id"},
        "organization_id": {"$ref": "#/components/schemas/Id"},
        "agency_id": {"$ref": "#/components/schemas/Id"}
      }
    },
    "Me": {
      "type": "object",
      "description": "Như Actor; csrf_token chỉ có khi xác thực bằng cookie / as Actor, plus csrf_token when authenticated by cookie",
      "additionalProperties": false,
      "required": ["user_id", "username", "full_name", "position", "role", "person_id", "organization_id", "agency_id"],
      "properties": {
        "user_id": {"$ref": "#/components/schemas/Id"},
        "username": {"type": "string"},
        "full_name": {"type": "string"},
        "position": {"type": "string", "description": "Chức vụ / position"},
        "role": {"$ref": "#/components/schemas/Role"},
        "person_id": {"$ref": "#/components/schemas/Id"},
        "organization_id": {"$ref": "#/components/schemas/Id"},
        "agency_id": {"$ref": "#/components/schemas/Id"},
        "csrf_token": {"type": "string"}
      }
    },
    "LoginRequest": {
      "type": "object", "additionalProperties": false, "required": ["username", "password"],
      "properties": {
        "username": {"type": "string", "maxLength": 64},
        "password": {"type": "string", "maxLength": 256, "format": "password"}
      }
    },
    "LoginResult": {
      "type": "object", "additionalProperties": false, "required": ["user", "csrf_token", "expires_at"],
      "properties": {
        "user": {"$ref": "#/components/schemas/Actor"},
        "csrf_token": {"type": "string", "description": "Gửi lại trong X-CSRF-Token / send back in X-CSRF-Token"},
        "expires_at": {"$ref": "#/components/schemas/Timestamp"}
      }
    },
    "PasswordChange": {
      "type": "object", "additionalProperties": false, "required": ["old_password", "new_password"],
      "properties": {
        "old_password": {"type": "string", "maxLength": 256, "format": "password"},
        "new_password": {"type": "string", "maxLength": 256, "format": "password"}
      }
    },

    "OrganizationKind": {
      "type": "string",
      "enum": ["committee", "department", "division", "unit", "office", "other"],
      "description": "committee: UBND; department: Sở, ngành; division: phòng; unit: đơn vị sự nghiệp; office: Văn phòng; other: khác"
    },
    "Organization": {
      "type": "object", "additionalProperties": false,
      "required": ["id", "parent_id", "agency_id", "kind", "code", "name", "place_name", "valid_from", "valid_to", "successor_id", "version"],
      "properties": {
        "id": {"$ref": "#/components/schemas/Id"},
        "parent_id": {"type": "integer", "format": "int64", "nullable": true},
        "agency_id": {"type": "integer", "format": "int64", "nullable": true, "description": "Cơ quan chứa đơn vị (chính nó nếu là cơ quan) / the agency the organisation belongs to (itself for an agency)"},
        "kind": {"$ref": "#/components/schemas/OrganizationKind"},
        "code": {"type": "string"},
        "name": {"type": "string"},
        "place_name": {"type": "string", "description": "Địa danh ghi trên văn bản / place name on documents"},
        "valid_from": {"type": "string", "format": "date", "nullable": true},
        "valid_to": {"type": "string", "format": "date", "nullable": true, "description": "Ngày giải thể hoặc sáp nhập / closed or merged on"},
        "successor_id": {"type": "integer", "format": "int64", "nullable": true, "description": "Đơn vị kế thừa sau sáp nhập / the organisation it was merged into"},
        "version": {"type": "integer", "format": "int64", "minimum": 1}
      }
    },
    "OrganizationList": {
      "type": "object", "additionalProperties": false, "required": ["items"],
      "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Organization"}}}
    },
    "OrganizationCreate": {
      "type": "object", "additionalProperties": false, "required": ["parent_id", "kind", "code", "name"],
      "properties": {
        "parent_id": {"$ref": "#/components/schemas/Id"},
        "kind": {"$ref": "#/components/schemas/OrganizationKind"},
        "code": {"type": "string", "maxLength": 32},
        "name": {"type": "string", "maxLength": 300},
        "place_name": {"type": "string", "maxLength": 100, "description": "Mặc định: địa danh của đơn vị cha / default: the parent's"},
        "valid_from": {"type": "string", "format": "date"}
      }
    },
    "OrganizationUpdate": {
      "type": "object", "additionalProperties": false,
      "description": "Chỉ gửi các trường cần đổi / only the fields that change",
      "properties": {
        "name": {"type": "string", "maxLength": 300},
        "code": {"type": "string", "maxLength": 32},
        "place_name": {"type": "string", "maxLength": 100}
      }
    },
    "OrganizationMerge": {
      "type": "object", "additionalProperties": false, "required": ["successor_id"],
      "properties": {
        "successor_id": {"$ref": "#/components/schemas/Id"},
        "effective_on": {"type": "string", "format": "date", "description": "Mặc định hôm nay / default today"}
      }
    },

    "Person": {
      "type": "object", "additionalProperties": false,
      "required": ["id", "organization_id", "organization_name", "full_name", "position", "email", "phone", "active", "version", "role"],
      "properties": {
        "id": {"$ref": "#/components/schemas/Id"},
        "organization_id": {"$ref": "#/components/schemas/Id"},
        "organization_name": {"type": "string"},
        "full_name": {"type": "string"},
        "position": {"type": "string"},
        "email": {"type": "string"},
        "phone": {"type": "string"},
        "active": {"type": "boolean"},
        "version": {"type": "integer", "minimum": 1, "description": "Gửi lại trong If-Match khi sửa / send back in If-Match to change"},
        "role": {"nullable": true, "allOf": [{"$ref": "#/components/schemas/Role"}], "description": "Vai trò của tài khoản; null: chưa có tài khoản / the role of the person's account; null: no account"}
      }
    },
    "PersonUpdate": {
      "type": "object", "additionalProperties": false, "minProperties": 1,
      "description": "Quản trị sửa thông tin cán bộ trong cơ quan mình; active=false khóa tài khoản của người đó và kết thúc các phiên đăng nhập / an admin's change to a person of their agency; active=false locks their account and ends its sessions",
      "properties": {
        "organization_id": {"$ref": "#/components/schemas/Id"},
        "full_name": {"type": "string", "minLength": 1, "maxLength": 200},
        "position": {"type": "string", "maxLength": 200},
        "email": {"type": "string", "maxLength": 200},
        "phone": {"type": "string", "maxLength": 50},
        "active": {"type": "boolean"}
      }
    },
    "PersonList": {
      "type": "object", "additionalProperties": false, "required": ["items"],
      "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Person"}}}
    },
    "PersonCreate": {
      "type": "object", "additionalProperties": false, "required": ["organization_id", "full_name"],
      "properties": {
        "organization_id": {"$ref": "#/components/schemas/Id"},
        "full_name": {"type": "string", "maxLength": 200},
        "position": {"type": "string", "maxLength": 200},
        "email": {"type": "string", "maxLength": 200},
        "phone": {"type": "string", "maxLength": 50}
      }
    },

    "User": {
      "type": "object", "additionalProperties": false, "required": ["id", "username", "role", "disabled", "person", "version"],
      "properties": {
        "id": {"$ref": "#/components/schemas/Id"},
        "username": {"type": "string"},
        "role": {"$ref": "#/components/schemas/Role"},
        "disabled": {"type": "boolean"},
        "person": {"$ref": "#/components/schemas/Person"},
        "version": {"type": "integer", "minimum": 1, "description": "Gửi lại trong If-Match khi sửa / send back in If-Match to change"}
      }
    },
    "UserList": {
      "type": "object", "additionalProperties": false, "required": ["items"],
      "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/User"}}}
    },
    "UserCreate": {
      "type": "object", "additionalProperties": false, "required": ["username", "password", "role"],
      "description": "Gắn với người đã có (person_id) hoặc tạo người mới trong organization_id với full_name / link an existing person (person_id) or create one in organization_id with full_name",
      "properties": {
        "username": {"type": "string", "minLength": 3, "maxLength": 64, "pattern": "^[A-Za-z0-9._-]+$"},
        "password": {"type": "string", "maxLength": 256, "format": "password"},
        "role": {"$ref": "#/components/schemas/Role"},
        "organization_id": {"$ref": "#/components/schemas/Id"},
        "full_name": {"type": "string", "maxLength": 200},
        "position": {"type": "string", "maxLength": 200},
        "email": {"type": "string", "maxLength": 200},
        "person_id": {"$ref": "#/components/schemas/Id"}
      }
    },

    "UserUpdate": {
      "type": "object", "additionalProperties": false, "minProperties": 1,
      "description": "Quản trị sửa tài khoản trong cơ quan mình; đặt lại mật khẩu hoặc khóa sẽ kết thúc mọi phiên đăng nhập của tài khoản / an admin's change to an account of their agency; a password reset or a lock ends the account's sessions",
      "properties": {
        "role": {"$ref": "#/components/schemas/Role"},
        "disabled": {"type": "boolean"},
        "password": {"type": "string", "maxLength": 256, "format": "password"}
      }
    },

    "SourceKind": {
      "type": "string",
      "enum": ["higher_program", "key_program", "ad_hoc", "meeting_conclusion", "directive"],
      "description": "higher_program: chương trình công tác của cấp trên; key_program: chương trình trọng tâm của cơ quan; ad_hoc: nhiệm vụ đột xuất; meeting_conclusion: kết luận cuộc họp; directive: chỉ thị, văn bản chỉ đạo"
    },
    "Source": {
      "type": "object", "additionalProperties": false,
      "required": ["id", "agency_id", "kind", "title", "doc_number", "doc_date", "issuer", "summary", "task_count", "version"],
      "properties": {
        "id": {"$ref": "#/components/schemas/Id"},
        "agency_id": {"$ref": "#/components/schemas/Id"},
        "kind": {"$ref": "#/components/schemas/SourceKind"},
        "title": {"type": "string"},
        "doc_number": {"type": "string", "description": "Số, ký hiệu văn bản / document number, e.g. 2345/UBND-KTN"},
        "doc_date": {"type": "string", "format": "date", "nullable": true},
        "issuer": {"type": "string", "description": "Cơ quan ban hành / issuing body"},
        "summary": {"type": "string"},
        "task_count": {"type": "integer", "format": "int64", "minimum": 0},
        "version": {"type": "integer", "format": "int64", "minimum": 1}
      }
    },
    "SourceList": {
      "type": "object", "additionalProperties": false, "required": ["items"],
      "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Source"}}}
    },
    "SourceCreate": {
      "type": "object", "additionalProperties": false, "required": ["kind", "title"],
      "properties": {
        "kind": {"$ref": "#/components/schemas/SourceKind"},
        "title": {"type": "string", "maxLength": 1000},
        "doc_number": {"type": "string", "maxLength": 100},
        "doc_date": {"type": "string", "format": "date"},
        "issuer": {"type": "string", "maxLength": 300},
        "summary": {"type": "string", "maxLength": 4000}
      }
    },
    "SourceUpdate": {
      "type": "object", "additionalProperties": false,
      "description": "Chỉ gửi các trường cần đổi; doc_date null để xóa ngày / only the fields that change; doc_date null clears it",
      "properties": {
        "kind": {"$ref": "#/components/schemas/SourceKind"},
        "title": {"type": "string", "maxLength": 1000},
        "doc_number": {"type": "string", "maxLength": 100},
        "doc_date": {"type": "string", "format": "date", "nullable": true},
        "issuer": {"type": "string", "maxLength": 300},
        "summary": {"type": "string", "maxLength": 4000}
      }
    },

    "TaskStatus": {
      "type": "string",
      "enum": ["not_yet_assigned", "cancelled", "completed_on_time", "completed_late", "in_progress", "overdue"],
      "description": "Trạng thái tại ngày as_of: not_yet_assigned (chưa giao tại ngày đó), cancelled (đã hủy/rút), completed_on_time (hoàn thành đúng hạn), completed_late (hoàn thành trễ hạn), in_progress (đang thực hiện trong hạn), overdue (quá hạn)"
    },
    "TaskWarning": {
      "type": "string",
      "enum": ["none", "overdue", "due_soon", "on_track", "no_deadline"],
      "description": "Cảnh báo màu: overdue đỏ, due_soon cam, on_track xanh, no_deadline xám (thường xuyên), none: đã hoàn thành hoặc hủy"
    },
    "TaskSummary": {
      "type": "object", "additionalProperties": false,
      "description": "Một dòng danh sách nhiệm vụ; status và warning tính tại ngày as_of / a list row; status and warning as of the list's date",
      "required": ["id", "agency_id", "title", "source_id", "source_kind", "source_doc_number", "is_key", "restricted", "lead_org", "leader", "assigned_on", "deadline", "deadline_in_force", "deadline_label", "completed_on", "cancelled_on", "progress", "extended", "status", "warning", "version"],
      "properties": {
        "id": {"$ref": "#/components/schemas/Id"},
        "agency_id": {"$ref": "#/components/schemas/Id"},
        "title": {"type": "string"},
        "source_id": {"$ref": "#/components/schemas/Id"},
        "source_kind": {"$ref": "#/components/schemas/SourceKind"},
        "source_doc_number": {"type": "string"},
        "is_key": {"type": "boolean", "description": "Nhiệm vụ trọng tâm / key task"},
        "restricted": {"type": "boolean", "description": "Hạn chế người xem / restricted readership"},
        "lead_org": {"$ref": "#/components/schemas/NamedRef"},
        "leader": {"nullable": true, "allOf": [{"$ref": "#/components/schemas/NamedRef"}], "description": "Lãnh đạo phụ trách / supervising leader"},
        "assigned_on": {"type": "string", "format": "date"},
        "deadline": {"type": "string", "format": "date", "nullable": true, "description": "Hạn ban đầu; null: thường xuyên / the original deadline; null: ongoing"},
        "deadline_in_force": {"type": "string", "format": "date", "nullable": true, "description": "Hạn đang có hiệu lực tại as_of / the deadline in force as of the date"},
        "deadline_label": {"type": "string", "description": "Ví dụ \"Quý III/2023\", \"Thường xuyên\""},
        "completed_on": {"type": "string", "format": "date", "nullable": true},
        "cancelled_on": {"type": "string", "format": "date", "nullable": true},
        "progress": {"type": "integer", "minimum": 0, "maximum": 100},
        "extended": {"type": "boolean", "description": "Đã được gia hạn / the deadline was extended"},
        "status": {"$ref": "#/components/schemas/TaskStatus"},
        "warning": {"$ref": "#/components/schemas/TaskWarning"},
        "version": {"type": "integer", "format": "int64", "minimum": 1}
      }
    },
    "TaskPage": {
      "type": "object", "additionalProperties": false, "required": ["items", "total", "page", "page_size", "as_of"],
      "properties": {
        "items": {"type": "array", "items": {"$ref": "#/components/schemas/TaskSummary"}},
        "total": {"type": "integer", "format": "int64", "minimum": 0},
        "page": {"type": "integer", "minimum": 1},
        "page_size": {"type": "integer", "minimum": 1, "maximum": 200},
        "as_of": {"type": "string", "format": "date"}
      }
    },
    "Task": {
      "type": "object", "additionalProperties": false,
      "description": "Nhiệm vụ đầy đủ: mọi trường của TaskSummary và chi tiết / the whole task: every TaskSummary field and the details",
      "required": ["id", "agency_id", "title", "source_id", "source_kind", "source_doc_number", "is_key", "restricted", "lead_org", "leader", "assigned_on", "deadline", "deadline_in_force", "deadline_label", "completed_on", "cancelled_on", "progress", "extended", "status", "warning", "version",
                   "as_of", "content", "product", "parent_id", "cooperators", "assignees", "result_doc_number", "result_doc_date", "completion_note", "cancel_kind", "cancel_reason", "cancel_approver", "source", "updates", "extensions", "explanations", "subtasks", "permissions", "later_facts"],
      "properties": {
        "id": {"$ref": "#/components/schemas/Id"},
        "agency_id": {"$ref": "#/components/schemas/Id"},
        "title": {"type": "string"},
        "source_id": {"$ref": "#/components/schemas/Id"},
        "source_kind": {"$ref": "#/components/schemas/SourceKind"},
        "source_doc_number": {"type": "string"},
        "is_key": {"type": "boolean", "description": "Nhiệm vụ trọng tâm / key task"},
        "restricted": {"type": "boolean", "description": "Hạn chế người xem / restricted readership"},
        "lead_org": {"$ref": "#/components/schemas/NamedRef"},
        "leader": {"nullable": true, "allOf": [{"$ref": "#/components/schemas/NamedRef"}], "description": "Lãnh đạo phụ trách / supervising leader"},
        "assigned_on": {"type": "string", "format": "date"},
        "deadline": {"type": "string", "format": "date", "nullable": true, "description": "Hạn ban đầu; null: thường xuyên / the original deadline; null: ongoing"},
        "deadline_in_force": {"type": "string", "format": "date", "nullable": true, "description": "Hạn đang có hiệu lực tại as_of / the deadline in force as of the date"},
        "as_of": {"type": "string", "format": "date", "description": "Ngày nhiệm vụ được xem như tại đó (mặc định hôm nay theo giờ cơ quan) / the date the task is shown as it stood on (default: today in the agency)"},
        "later_facts": {"type": "integer", "minimum": 0, "description": "Số sự kiện ghi ngày sau as_of không hiển thị (tiến độ, quyết định, hoàn thành, …) / how many facts dated after as_of are left out (progress, decisions, completion, …)"},
        "deadline_label": {"type": "string", "description": "Ví dụ \"Quý III/2023\", \"Thường xuyên\""},
        "completed_on": {"type": "string", "format": "date", "nullable": true},
        "cancelled_on": {"type": "string", "format": "date", "nullable": true},
        "progress": {"type": "integer", "minimum": 0, "maximum": 100},
        "extended": {"type": "boolean", "description": "Đã được gia hạn / the deadline was extended"},
        "status": {"$ref": "#/components/schemas/TaskStatus"},
        "warning": {"$ref": "#/components/schemas/TaskWarning"},
        "version": {"type": "integer", "format": "int64", "minimum": 1},

        "content": {"type": "string"},
        "product": {"type": "string", "description": "Sản phẩm, ví dụ \"Tờ trình UBND tỉnh\" / the expected product"},
        "parent_id": {"type": "integer", "format": "int64", "nullable": true},
        "cooperators": {"type": "array", "items": {"$ref": "#/components/schemas/NamedRef"}, "description": "Đơn vị phối hợp / cooperating organisations"},
        "assignees": {"type": "array", "items": {"$ref": "#/components/schemas/NamedRef"}, "description": "Chuyên viên được giao (người) / assigned people"},
        "result_doc_number": {"type": "string", "description": "Số văn bản kết quả / the result document's number"},
        "result_doc_date": {"type": "string", "format": "date", "nullable": true},
        "completion_note": {"type": "string"},
        "cancel_kind": {"type": "string", "enum": ["cancelled", "withdrawn"], "nullable": true, "description": "Hủy hoặc rút khỏi chương trình / cancelled or withdrawn from the programme"},
        "cancel_reason": {"type": "string"},
        "cancel_approver": {"nullable": true, "allOf": [{"$ref": "#/components/schemas/NamedRef"}]},
        "source": {"$ref": "#/components/schemas/Source"},
        "updates": {"type": "array", "items": {"$ref": "#/components/schemas/ProgressUpdate"}},
        "extensions": {"type": "array", "items": {"$ref": "#/components/schemas/Extension"}},
        "explanations": {"type": "array", "items": {"$ref": "#/components/schemas/Explanation"}},
        "subtasks": {"type": "array", "items": {"$ref": "#/components/schemas/TaskSummary"}},
        "permissions": {"$ref": "#/components/schemas/TaskPermissions"}
      }
    },
    "TaskPermissions": {
      "type": "object", "additionalProperties": false,
      "description": "Người dùng hiện tại được làm gì với nhiệm vụ / what the current user may do with the task",
      "required": ["edit", "report_progress", "complete", "request_extension", "decide_extension", "cancel", "request_explanation", "answer_explanation"],
      "properties": {
        "edit": {"type": "boolean"},
        "report_progress": {"type": "boolean"},
        "complete": {"type": "boolean"},
        "request_extension": {"type": "boolean"},
        "decide_extension": {"type": "boolean"},
        "cancel": {"type": "boolean"},
        "request_explanation": {"type": "boolean"},
        "answer_explanation": {"type": "boolean"}
      }
    },
    "ProgressUpdate": {
      "type": "object", "additionalProperties": false,
      "required": ["id", "reported_on", "body", "percent", "author", "recorded_at", "attachments"],
      "properties": {
        "id": {"$ref": "#/components/schemas/Id"},
        "reported_on": {"type": "string", "format": "date"},
        "body": {"type": "string"},
        "percent": {"type": "integer", "minimum": 0, "maximum": 100, "nullable": true},
        "author": {"$ref": "#/components/schemas/NamedRef"},
        "recorded_at": {"$ref": "#/components/schemas/Timestamp"},
        "attachments": {"type": "array", "items": {"$ref": "#/components/schemas/AttachmentInfo"}}
      }
    },
    "ProgressUpdateList": {
      "type": "object", "additionalProperties": false, "required": ["items"],
      "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/ProgressUpdate"}}}
    },
    "AttachmentInfo": {
      "type": "object", "additionalProperties": false,
      "required": ["id", "file_name", "content_type", "size_bytes", "sha256"],
      "properties": {
        "id": {"$ref": "#/components/schemas/Id"},
        "file_name": {"type": "string"},
        "content_type": {"$ref": "#/components/schemas/AttachmentType"},
        "size_bytes": {"type": "integer", "format": "int64", "minimum": 1},
        "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"}
      }
    },
    "AttachmentType": {
      "type": "string",
      "description": "Các loại tệp được đính kèm; nội dung phải khớp loại / the accepted types; the bytes must match the type",
      "enum": ["application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "application/msword", "application/vnd.ms-excel", "image/png", "image/jpeg", "text/plain", "application/zip"]
    },
    "Extension": {
      "type": "object", "additionalProperties": false,
      "description": "Đề nghị gia hạn; hạn ban đầu không bao giờ bị mất / a deadline extension request; the original deadline is never lost",
      "required": ["id", "previous_deadline", "requested_deadline", "reason", "requested_by", "requested_on", "requested_at", "state", "decided_by", "decided_on", "decided_at", "decision_note", "effective_on"],
      "properties": {
        "id": {"$ref": "#/components/schemas/Id"},
        "previous_deadline": {"type": "string", "format": "date", "nullable": true},
        "requested_deadline": {"type": "string", "format": "date"},
        "reason": {"type": "string"},
        "requested_by": {"$ref": "#/components/schemas/NamedRef"},
        "requested_on": {"type": "string", "format": "date", "description": "Ngày đề nghị / the date of the request"},
        "requested_at": {"$ref": "#/components/schemas/Timestamp"},
        "state": {"type": "string", "enum": ["pending", "approved", "refused"]},
        "decided_by": {"nullable": true, "allOf": [{"$ref": "#/components/schemas/NamedRef"}]},
        "decided_on": {"type": "string", "format": "date", "nullable": true, "description": "Ngày quyết định, kể cả từ chối / the date of the decision, refusals included"},
        "decided_at": {"type": "integer", "format": "int64", "nullable": true, "description": "Mili giây Unix / Unix milliseconds"},
        "decision_note": {"type": "string"},
        "effective_on": {"type": "string", "format": "date", "nullable": true, "description": "Ngày hạn mới có hiệu lực (khi được duyệt) / the day the new deadline takes effect (when approved)"}
      }
    },
    "Explanation": {
      "type": "object", "additionalProperties": false,
      "description": "Yêu cầu giải trình và câu trả lời / an explanation request and its answer",
      "required": ["id", "question", "requested_by", "requested_on", "requested_at", "answer", "answered_by", "answered_on", "answered_at"],
      "properties": {
        "id": {"$ref": "#/components/schemas/Id"},
        "question": {"type": "string"},
        "requested_by": {"$ref": "#/components/schemas/NamedRef"},
        "requested_on": {"type": "string", "format": "date"},
        "requested_at": {"$ref": "#/components/schemas/Timestamp"},
        "answer": {"type": "string", "nullable": true},
        "answered_by": {"nullable": true, "allOf": [{"$ref": "#/components/schemas/NamedRef"}]},
        "answered_on": {"type": "string", "format": "date", "nullable": true},
        "answered_at": {"type": "integer", "format": "int64", "nullable": true, "description": "Mili giây Unix / Unix milliseconds"}
      }
    },
    "HistoryEvent": {
      "type": "object", "additionalProperties": false,
      "description": "Một thay đổi đã ghi nhận: ai, khi nào, trước và sau / one recorded change: who, when, before and after",
      "required": ["id", "entity", "entity_id", "action", "actor", "recorded_at", "occurred_on", "before", "after"],
      "properties": {
        "id": {"$ref": "#/components/schemas/Id"},
        "entity": {"type": "string", "example": "task"},
        "entity_id": {"$ref": "#/components/schemas/Id"},
        "action": {"type": "string", "example": "progress_reported", "description": "created, updated, progress_reported, completed, extension_requested, extension_approved, extension_refused, cancelled, withdrawn, explanation_requested, explanation_answered, …"},
        "actor": {"nullable": true, "allOf": [{"$ref": "#/components/schemas/NamedRef"}]},
        "recorded_at": {"$ref": "#/components/schemas/Timestamp"},
        "occurred_on": {"type": "string", "format": "date", "nullable": true, "description": "Ngày của sự việc được ghi (ngày báo cáo, hoàn thành, quyết định, …) / the business date of the fact recorded (report, completion, decision, …)"},
        "before": {"type": "object", "nullable": true, "additionalProperties": true, "description": "Ảnh chụp trước thay đổi / snapshot before the change"},
        "after": {"type": "object", "nullable": true, "additionalProperties": true, "description": "Ảnh chụp sau thay đổi / snapshot after the change"}
      }
    },
    "HistoryList": {
      "type": "object", "additionalProperties": false, "required": ["items", "later"],
      "properties": {
        "items": {"type": "array", "items": {"$ref": "#/components/schemas/HistoryEvent"}},
        "later": {"type": "integer", "minimum": 0, "description": "Số thay đổi ghi ngày sau as_of không liệt kê / how many changes dated after as_of are not listed"}
      }
    },

    "TaskCreate": {
      "type": "object", "additionalProperties": false, "required": ["source_id", "title", "lead_org_id"],
      "properties": {
        "source_id": {"$ref": "#/components/schemas/Id"},
        "parent_id": {"type": "integer", "format": "int64", "minimum": 1, "nullable": true},
        "title": {"type": "string", "maxLength": 1000},
        "content": {"type": "string", "maxLength": 20000},
        "is_key": {"type": "boolean"},
        "restricted": {"type": "boolean"},
        "lead_org_id": {"$ref": "#/components/schemas/Id"},
        "cooperator_ids": {"type": "array", "maxItems": 200, "items": {"$ref": "#/components/schemas/Id"}},
        "leader_id": {"type": "integer", "format": "int64", "minimum": 1, "nullable": true, "description": "Mã người / person id"},
        "assignee_ids": {"type": "array", "maxItems": 200, "items": {"$ref": "#/components/schemas/Id"}, "description": "Mã người / person ids"},
        "product": {"type": "string", "maxLength": 500},
        "assigned_on": {"type": "string", "format": "date", "description": "Mặc định hôm nay / default today"},
        "deadline": {"type": "string", "format": "date", "nullable": true, "description": "null hoặc không gửi: thường xuyên / null or absent: ongoing"},
        "deadline_label": {"type": "string", "maxLength": 100}
      }
    },
    "TaskUpdate": {
      "type": "object", "additionalProperties": false,
      "description": "Chỉ gửi các trường cần đổi. Không sửa được hạn (deadline: 422 use_extension), hãy đề nghị gia hạn. parent_id, leader_id null để bỏ.\n\nOnly the fields that change. The deadline cannot be edited (422 use_extension): request an extension. parent_id or leader_id null clears it.",
      "properties": {
        "source_id": {"$ref": "#/components/schemas/Id"},
        "parent_id": {"type": "integer", "format": "int64", "minimum": 1, "nullable": true},
        "title": {"type": "string", "maxLength": 1000},
        "content": {"type": "string", "maxLength": 20000},
        "is_key": {"type": "boolean"},
        "restricted": {"type": "boolean"},
        "lead_org_id": {"$ref": "#/components/schemas/Id"},
        "cooperator_ids": {"type": "array", "maxItems": 200, "items": {"$ref": "#/components/schemas/Id"}},
        "leader_id": {"type": "integer", "format": "int64", "minimum": 1, "nullable": true},
        "assignee_ids": {"type": "array", "maxItems": 200, "items": {"$ref": "#/components/schemas/Id"}},
        "product": {"type": "string", "maxLength": 500},
        "assigned_on": {"type": "string", "format": "date"},
        "deadline_label": {"type": "string", "maxLength": 100}
      }
    },
    "ProgressCreate": {
      "type": "object", "additionalProperties": false, "required": ["body"],
      "properties": {
        "reported_on": {"type": "string", "format": "date", "description": "Mặc định hôm nay; không được ở tương lai / default today; not in the future"},
        "body": {"type": "string", "maxLength": 20000},
        "percent": {"type": "integer", "minimum": 0, "maximum": 100},
        "attachments": {"type": "array", "maxItems": 10, "items": {"$ref": "#/components/schemas/AttachmentUpload"}}
      }
    },
    "AttachmentUpload": {
      "type": "object", "additionalProperties": false, "required": ["file_name", "content_type", "content_base64"],
      "properties": {
        "file_name": {"type": "string", "maxLength": 255},
        "content_type": {"$ref": "#/components/schemas/AttachmentType"},
        "content_base64": {"type": "string", "format": "byte", "description": "Nội dung tệp mã hóa base64, tối đa 10 MiB sau giải mã / the file, base64, at most 10 MiB decoded"}
      }
    },
    "CompletionRequest": {
      "type": "object", "additionalProperties": false,
      "properties": {
        "completed_on": {"type": "string", "format": "date", "description": "Mặc định hôm nay / default today"},
        "result_doc_number": {"type": "string", "maxLength": 100},
        "result_doc_date": {"type": "string", "format": "date"},
        "note": {"type": "string", "maxLength": 4000}
      }
    },
    "ExtensionRequest": {
      "type": "object", "additionalProperties": false, "required": ["requested_deadline", "reason"],
      "properties": {
        "requested_on": {"type": "string", "format": "date", "description": "Ngày đề nghị, mặc định hôm nay / the date of the request, default today"},
        "requested_deadline": {"type": "string", "format": "date", "description": "Phải sau hạn đang có hiệu lực vào ngày đề nghị / later than the deadline in force on the date of the request"},
        "reason": {"type": "string", "maxLength": 4000}
      }
    },
    "ExtensionDecision": {
      "type": "object", "additionalProperties": false, "required": ["decision"],
      "properties": {
        "decision": {"type": "string", "enum": ["approved", "refused"]},
        "note": {"type": "string", "maxLength": 4000},
        "decided_on": {"type": "string", "format": "date", "description": "Ngày quyết định, mặc định hôm nay; không trước ngày đề nghị / the date of the decision, default today; not before the request"},
        "effective_on": {"type": "string", "format": "date", "description": "Chỉ khi duyệt: ngày hạn mới có hiệu lực, mặc định ngày quyết định; khi từ chối trả lỗi 422 / approvals only: when the new deadline takes effect, default the decision's date; with a refusal it is a 422"}
      }
    },
    "CancelRequest": {
      "type": "object", "additionalProperties": false, "required": ["reason"],
      "properties": {
        "kind": {"type": "string", "enum": ["cancelled", "withdrawn"], "default": "cancelled"},
        "cancelled_on": {"type": "string", "format": "date", "description": "Mặc định hôm nay / default today"},
        "reason": {"type": "string", "maxLength": 4000},
        "approver_id": {"$ref": "#/components/schemas/Id"}
      }
    },
    "ExplanationRequest": {
      "type": "object", "additionalProperties": false, "required": ["question"],
      "properties": {
        "question": {"type": "string", "maxLength": 4000},
        "requested_on": {"type": "string", "format": "date", "description": "Mặc định hôm nay / default today"}
      }
    },
    "ExplanationAnswer": {
      "type": "object", "additionalProperties": false, "required": ["answer"],
      "properties": {
        "answer": {"type": "string", "maxLength": 20000},
        "answered_on": {"type": "string", "format": "date", "description": "Mặc định hôm nay; không trước ngày yêu cầu / default today; not before the request"}
      }
    },

    "StatusCounts": {
      "type": "object", "additionalProperties": false,
      "description": "Số nhiệm vụ theo trạng thái; total không gồm nhiệm vụ đã hủy / counts by status; total excludes cancelled tasks",
      "required": ["total", "completed", "completed_on_time", "completed_late", "in_progress", "overdue", "cancelled", "extended", "overdue_rate", "completion_rate", "on_time_rate"],
      "properties": {
        "total": {"type": "integer", "format": "int64", "minimum": 0},
        "completed": {"type": "integer", "format": "int64", "minimum": 0},
        "completed_on_time": {"type": "integer", "format": "int64", "minimum": 0},
        "completed_late": {"type": "integer", "format": "int64", "minimum": 0},
        "in_progress": {"type": "integer", "format": "int64", "minimum": 0},
        "overdue": {"type": "integer", "format": "int64", "minimum": 0},
        "cancelled": {"type": "integer", "format": "int64", "minimum": 0},
        "extended": {"type": "integer", "format": "int64", "minimum": 0},
        "overdue_rate": {"type": "number", "minimum": 0, "maximum": 1},
        "completion_rate": {"type": "number", "minimum": 0, "maximum": 1},
        "on_time_rate": {"type": "number", "minimum": 0, "maximum": 1}
      }
    },
    "StatsGroup": {
      "type": "object", "additionalProperties": false,
      "description": "Các số của một nhóm và đường dẫn tới danh sách nhiệm vụ tương ứng / one group's counts and the link to its task list",
      "required": ["total", "completed", "completed_on_time", "completed_late", "in_progress", "overdue", "cancelled", "extended", "overdue_rate", "completion_rate", "on_time_rate", "key", "tasks_url"],
      "properties": {
        "total": {"type": "integer", "format": "int64", "minimum": 0},
        "completed": {"type": "integer", "format": "int64", "minimum": 0},
        "completed_on_time": {"type": "integer", "format": "int64", "minimum": 0},
        "completed_late": {"type": "integer", "format": "int64", "minimum": 0},
        "in_progress": {"type": "integer", "format": "int64", "minimum": 0},
        "overdue": {"type": "integer", "format": "int64", "minimum": 0},
        "cancelled": {"type": "integer", "format": "int64", "minimum": 0},
        "extended": {"type": "integer", "format": "int64", "minimum": 0},
        "overdue_rate": {"type": "number", "minimum": 0, "maximum": 1},
        "completion_rate": {"type": "number", "minimum": 0, "maximum": 1},
        "on_time_rate": {"type": "number", "minimum": 0, "maximum": 1},
        "key": {"type": "string", "description": "Loại nguồn, \"true\"/\"false\", \"loại:true\" hoặc mã đơn vị chủ trì / the source kind, \"true\"/\"false\", \"kind:true\" or the lead organisation's id"},
        "name": {"type": "string", "description": "Tên đơn vị chủ trì (chỉ có trong by_lead_org) / the lead organisation's name (by_lead_org only)"},
        "tasks_url": {"type": "string", "example": "/api/v1/tasks?as_of=2023-09-01&source_kind=ad_hoc"}
      }
    },
    "Statistics": {
      "type": "object", "additionalProperties": false,
      "required": ["total", "completed", "completed_on_time", "completed_late", "in_progress", "overdue", "cancelled", "extended", "overdue_rate", "completion_rate", "on_time_rate", "as_of", "tasks_url", "by_source_kind", "by_key", "by_source_kind_and_key", "by_lead_org"],
      "properties": {
        "total": {"type": "integer", "format": "int64", "minimum": 0},
        "completed": {"type": "integer", "format": "int64", "minimum": 0},
        "completed_on_time": {"type": "integer", "format": "int64", "minimum": 0},
        "completed_late": {"type": "integer", "format": "int64", "minimum": 0},
        "in_progress": {"type": "integer", "format": "int64", "minimum": 0},
        "overdue": {"type": "integer", "format": "int64", "minimum": 0},
        "cancelled": {"type": "integer", "format": "int64", "minimum": 0},
        "extended": {"type": "integer", "format": "int64", "minimum": 0},
        "overdue_rate": {"type": "number", "minimum": 0, "maximum": 1},
        "completion_rate": {"type": "number", "minimum": 0, "maximum": 1},
        "on_time_rate": {"type": "number", "minimum": 0, "maximum": 1},
        "as_of": {"type": "string", "format": "date"},
        "tasks_url": {"type": "string"},
        "by_source_kind": {"type": "array", "items": {"$ref": "#/components/schemas/StatsGroup"}},
        "by_key": {"type": "array", "items": {"$ref": "#/components/schemas/StatsGroup"}},
        "by_source_kind_and_key": {"type": "array", "items": {"$ref": "#/components/schemas/StatsGroup"}, "description": "Theo loại nguồn và trọng tâm cùng lúc, key dạng \"higher_program:true\" / by source kind and key flag together, keyed \"higher_program:true\""},
        "by_lead_org": {"type": "array", "items": {"$ref": "#/components/schemas/StatsGroup"}, "description": "Chỉ các đơn vị trong cây con của org khi có org; với org_role=lead các dòng cộng lại bằng tổng / with org, only units in its subtree; with org_role=lead the rows add up to the total"}
      }
    }
  }
}
)json";
}

}  // namespace giaoban::api::openapi_detail
