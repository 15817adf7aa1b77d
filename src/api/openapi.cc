// The OpenAPI 3.0 document of the REST API: `info` and `paths` here, `components` in
// openapi_schemas.cc. Kept as JSON text because that is how readers and tools know it; it is parsed
// once, on first use. src/api/openapi_test.cc checks that every route of the router is described
// and nothing else, and tests/api/test_openapi.py validates real responses against it.
#include "api/openapi.h"

#include <stdexcept>
#include <string>

namespace giaoban::api {

namespace {

std::string_view DocumentText() {
  return R"json(
{
  "openapi": "3.0.3",
  "info": {
    "title": "giaoban API",
    "version": "1",
    "description": "Theo dõi nhiệm vụ, tiến độ và giao ban của cơ quan hành chính nhà nước.\nTracking of tasks, progress and briefings for Vietnamese government agencies.\n\nQuy ước / conventions:\n- Ngày là chuỗi YYYY-MM-DD; thời điểm ghi nhận là số nguyên mili giây Unix. Dates are YYYY-MM-DD strings; recorded times are integers, Unix milliseconds.\n- Lỗi luôn có dạng {code, message, fields?}; message theo Accept-Language (vi mặc định, en). Errors are always {code, message, fields?}.\n- Tài nguyên có phiên bản trả về trong ETag; PATCH phải gửi If-Match (thiếu: 428, cũ: 412). Versioned resources carry an ETag; every PATCH must send If-Match.\n- Xác thực bằng cookie gb_session (kèm X-CSRF-Token khi thay đổi dữ liệu) hoặc Bearer token. Authentication by the gb_session cookie (plus X-CSRF-Token on state-changing requests) or a bearer token.\n- Thân yêu cầu là JSON (Content-Type: application/json, có thể kèm tham số như charset), tối đa 1 MiB, lồng tối đa 32 cấp; riêng báo cáo tiến độ kèm tệp của người đã đăng nhập tối đa 24 MiB; trường lạ bị từ chối (unknown_field). Bodies are JSON objects (Content-Type application/json, parameters such as charset allowed) of at most 1 MiB and 32 levels of nesting, 24 MiB for a signed-in caller's progress report with attachments; unknown fields are refused.\n- Máy chủ hết bộ nhớ dành cho thân yêu cầu: 503 server_busy kèm Retry-After. When the server's memory for request bodies is taken: 503 with Retry-After.\n- HEAD trả lời như GET nhưng không có thân. HEAD answers as GET does, without the body.\n- Phương thức không hỗ trợ trên một đường dẫn có thật: 405 method_not_allowed. An unsupported method on a known path: 405."
  },
  "servers": [{"url": "/api/v1"}],
  "security": [{"cookieAuth": []}, {"bearerAuth": []}],
  "tags": [
    {"name": "auth", "description": "Đăng nhập, phiên làm việc / login and sessions"},
    {"name": "users", "description": "Tài khoản người dùng / user accounts"},
    {"name": "organizations", "description": "Cơ quan, đơn vị / organisations"},
    {"name": "people", "description": "Cán bộ, công chức / people"},
    {"name": "sources", "description": "Nguồn nhiệm vụ: chương trình, chỉ thị, kết luận họp / sources of tasks"},
    {"name": "tasks", "description": "Nhiệm vụ và các bước thực hiện / tasks and their life"},
    {"name": "stats", "description": "Thống kê / statistics"},
    {"name": "meta", "description": "Tình trạng hệ thống, tài liệu API / health and this document"}
  ],

  "paths": {
    "/auth/login": {
      "post": {
        "tags": ["auth"], "operationId": "login",
        "summary": "Đăng nhập / log in",
        "description": "Đặt cookie gb_session và trả csrf_token để gửi trong X-CSRF-Token. Sai nhiều lần với một tài khoản từ cùng một địa chỉ thì mỗi lần thử sau phải đợi lâu hơn (429 với Retry-After); người dùng ở địa chỉ khác không bị ảnh hưởng. Sau proxy tin cậy (serve --trusted-proxy), địa chỉ lấy từ X-Forwarded-For.\n\nSets the gb_session cookie and returns the CSRF token. After several failures for one account from one address, each further attempt from there must wait longer (429 with Retry-After); other addresses are not affected, and many failures across accounts from one address are limited too. Behind a trusted proxy (serve --trusted-proxy) the address comes from X-Forwarded-For.",
        "security": [],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/LoginRequest"}}}},
        "responses": {
          "200": {
            "description": "Đã đăng nhập / logged in",
            "headers": {"Set-Cookie": {"$ref": "#/components/headers/SetSessionCookie"}},
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/LoginResult"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/InvalidCredentials"},
          "413": {"$ref": "#/components/responses/PayloadTooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "422": {"$ref": "#/components/responses/ValidationFailed"},
          "429": {"$ref": "#/components/responses/TooManyRequests"},
          "503": {"$ref": "#/components/responses/ServerBusy"}
        }
      }
    },
    "/auth/logout": {
      "post": {
        "tags": ["auth"], "operationId": "logout",
        "summary": "Đăng xuất / log out",
        "description": "Hủy phiên của cookie (nếu có) và xóa cookie. Không cần thân yêu cầu.\n\nEnds the cookie's session, if any, and clears the cookie. No body is needed.",
        "parameters": [{"$ref": "#/components/parameters/CsrfToken"}],
        "responses": {
          "200": {
            "description": "Đã đăng xuất / logged out",
            "headers": {"Set-Cookie": {"$ref": "#/components/headers/ClearSessionCookie"}},
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Ok"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "403": {"$ref": "#/components/responses/CsrfFailed"},
          "413": {"$ref": "#/components/responses/PayloadTooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "503": {"$ref": "#/components/responses/ServerBusy"}
        }
      }
    },
    "/me": {
      "get": {
        "tags": ["auth"], "operationId": "getMe",
        "summary": "Người dùng hiện tại / the current user",
        "description": "Kèm csrf_token khi xác thực bằng cookie (trang web cần lại sau khi tải lại).\n\nIncludes csrf_token when authenticated by cookie (the page needs it again after a reload).",
        "responses": {
          "200": {"description": "Người dùng / the user", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Me"}}}},
          "401": {"$ref": "#/components/responses/Unauthenticated"}
        }
      }
    },
    "/me/password": {
      "post": {
        "tags": ["auth"], "operationId": "changePassword",
        "summary": "Đổi mật khẩu / change my password",
        "description": "Các phiên khác của người dùng bị hủy. Mật khẩu cũ sai: 422 (old_password: wrong).\n\nEnds the user's other sessions. A wrong old password is a 422 with old_password: wrong.",
        "parameters": [{"$ref": "#/components/parameters/CsrfToken"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PasswordChange"}}}},
        "responses": {
          "200": {"description": "Đã đổi / changed", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Ok"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "403": {"$ref": "#/components/responses/CsrfFailed"},
          "413": {"$ref": "#/components/responses/PayloadTooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "422": {"$ref": "#/components/responses/ValidationFailed"},
          "503": {"$ref": "#/components/responses/ServerBusy"}
        }
      }
    },

    "/users": {
      "get": {
        "tags": ["users"], "operationId": "listUsers",
        "summary": "Danh sách tài khoản của cơ quan / the agency's accounts",
        "description": "Dành cho quản trị, lãnh đạo, chuyên viên tổng hợp. For admins, leaders and consolidators.",
        "responses": {
          "200": {"description": "Tài khoản / accounts", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UserList"}}}},
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "403": {"$ref": "#/components/responses/Forbidden"}
        }
      },
      "post": {
        "tags": ["users"], "operationId": "createUser",
        "summary": "Tạo tài khoản / create an account",
        "description": "Chỉ quản trị, trong cơ quan mình và các đơn vị cấp dưới. Tên đăng nhập trùng: 422 (username: taken). Admins only, in their agency and the organisations below it.",
        "parameters": [{"$ref": "#/components/parameters/CsrfToken"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UserCreate"}}}},
        "responses": {
          "201": {"description": "Đã tạo / created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/User"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/PayloadTooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "422": {"$ref": "#/components/responses/ValidationFailed"},
          "503": {"$ref": "#/components/responses/ServerBusy"}
        }
      }
    },

    "/users/{user_id}": {
      "parameters": [{"$ref": "#/components/parameters/UserId"}],
      "patch": {
        "tags": ["users"], "operationId": "updateUser",
        "summary": "Sửa vai trò, khóa/mở khóa, đặt lại mật khẩu / change role, lock or unlock, reset the password",
        "description": "Chỉ quản trị, với tài khoản trong cơ quan mình và các đơn vị cấp dưới (như khi tạo); không tự khóa hay tự đổi vai trò (422 own_account). Admins only, for accounts in their agency and the organisations below it (as when creating); not their own lock or role (422 own_account).",
        "parameters": [{"$ref": "#/components/parameters/CsrfToken"}, {"$ref": "#/components/parameters/IfMatch"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UserUpdate"}}}},
        "responses": {
          "200": {"description": "Tài khoản sau khi sửa / the account", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/User"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "413": {"$ref": "#/components/responses/PayloadTooLarge"},
          "412": {"$ref": "#/components/responses/PreconditionFailed"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "422": {"$ref": "#/components/responses/ValidationFailed"},
          "428": {"$ref": "#/components/responses/PreconditionRequired"},
          "503": {"$ref": "#/components/responses/ServerBusy"}
        }
      }
    },

    "/organizations": {
      "get": {
        "tags": ["organizations"], "operationId": "listOrganizations",
        "summary": "Cây tổ chức / the organisation tree",
        "description": "Cơ quan của người dùng và các đơn vị bên dưới, cùng chuỗi cấp trên; sắp theo cây rồi theo tên.\n\nThe user's agency and everything under it, plus the chain of parents above, in tree order then by Vietnamese name.",
        "parameters": [
          {"name": "include_expired", "in": "query", "description": "true: kể cả đơn vị đã giải thể, sáp nhập / include closed and merged organisations", "schema": {"type": "string", "enum": ["true", "false"], "default": "false"}}
        ],
        "responses": {
          "200": {"description": "Tổ chức / organisations", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/OrganizationList"}}}},
          "401": {"$ref": "#/components/responses/Unauthenticated"}
        }
      },
      "post": {
        "tags": ["organizations"], "operationId": "createOrganization",
        "summary": "Thêm đơn vị / add an organisation",
        "description": "Chỉ quản trị, trong cơ quan của mình. Mã trùng trong cùng đơn vị cha: 422 (code: taken).\n\nAdmins only, within their agency. A code already used under the same parent: 422 code: taken.",
        "parameters": [{"$ref": "#/components/parameters/CsrfToken"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/OrganizationCreate"}}}},
        "responses": {
          "201": {
            "description": "Đã thêm / created",
            "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Organization"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/PayloadTooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "422": {"$ref": "#/components/responses/ValidationFailed"},
          "503": {"$ref": "#/components/responses/ServerBusy"}
        }
      }
    },
    "/organizations/{organization_id}": {
      "parameters": [{"$ref": "#/components/parameters/OrganizationId"}],
      "get": {
        "tags": ["organizations"], "operationId": "getOrganization",
        "summary": "Một đơn vị / one organisation",
        "responses": {
          "200": {
            "description": "Đơn vị / the organisation",
            "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Organization"}}}
          },
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      },
      "patch": {
        "tags": ["organizations"], "operationId": "updateOrganization",
        "summary": "Đổi tên, mã, địa danh / rename",
        "description": "Chỉ quản trị. Mã đã có ở đơn vị cùng cấp: 422, trường code là taken. Admins only; a code another organisation under the same parent already has: 422 with field code: taken.",
        "parameters": [{"$ref": "#/components/parameters/IfMatch"}, {"$ref": "#/components/parameters/CsrfToken"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/OrganizationUpdate"}}}},
        "responses": {
          "200": {
            "description": "Đã sửa / updated",
            "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Organization"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "412": {"$ref": "#/components/responses/PreconditionFailed"},
          "413": {"$ref": "#/components/responses/PayloadTooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "422": {"$ref": "#/components/responses/ValidationFailed"},
          "428": {"$ref": "#/components/responses/PreconditionRequired"},
          "503": {"$ref": "#/components/responses/ServerBusy"}
        }
      }
    },
    "/organizations/{organization_id}/merge": {
      "parameters": [{"$ref": "#/components/parameters/OrganizationId"}],
      "post": {
        "tags": ["organizations"], "operationId": "mergeOrganization",
        "summary": "Sáp nhập vào đơn vị khác / merge into a successor",
        "description": "Đóng đơn vị từ ngày effective_on và trỏ tới đơn vị kế thừa; nhiệm vụ giữ nguyên lịch sử. Chỉ quản trị.\n\nCloses the organisation on effective_on and points it at its successor; tasks keep their history. Admins only.",
        "parameters": [{"$ref": "#/components/parameters/IfMatch"}, {"$ref": "#/components/parameters/CsrfToken"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/OrganizationMerge"}}}},
        "responses": {
          "200": {
            "description": "Đã sáp nhập / merged",
            "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Organization"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "412": {"$ref": "#/components/responses/PreconditionFailed"},
          "413": {"$ref": "#/components/responses/PayloadTooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "422": {"$ref": "#/components/responses/ValidationFailed"},
          "428": {"$ref": "#/components/responses/PreconditionRequired"},
          "503": {"$ref": "#/components/responses/ServerBusy"}
        }
      }
    },

    "/people": {
      "get": {
        "tags": ["people"], "operationId": "listPeople",
        "summary": "Cán bộ trong cơ quan / people of the agency",
        "parameters": [
          {"name": "organization_id", "in": "query", "description": "Chỉ người của đơn vị này / only people of this organisation", "schema": {"$ref": "#/components/schemas/Id"}},
          {"name": "role", "in": "query", "description": "Chỉ người có tài khoản với vai trò này, ví dụ leader để chọn lãnh đạo phụ trách / only people whose account has this role, e.g. leader for the supervising-leader picker", "schema": {"$ref": "#/components/schemas/Role"}}
        ],
        "responses": {
          "200": {"description": "Người / people", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PersonList"}}}},
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "422": {"$ref": "#/components/responses/ValidationFailed"}
        }
      },
      "post": {
        "tags": ["people"], "operationId": "createPerson",
        "summary": "Thêm người / add a person",
        "description": "Chỉ quản trị, trong cơ quan của mình. Admins only, within their agency.",
        "parameters": [{"$ref": "#/components/parameters/CsrfToken"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PersonCreate"}}}},
        "responses": {
          "201": {"description": "Đã thêm / created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Person"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "413": {"$ref": "#/components/responses/PayloadTooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "422": {"$ref": "#/components/responses/ValidationFailed"},
          "503": {"$ref": "#/components/responses/ServerBusy"}
        }
      }
    },

    "/people/{person_id}": {
      "parameters": [{"$ref": "#/components/parameters/PersonId"}],
      "patch": {
        "tags": ["people"], "operationId": "updatePerson",
        "summary": "Sửa thông tin cán bộ / change a person's details",
        "description": "Chỉ quản trị, trong cơ quan mình; chuyển đơn vị, đổi tên, chức vụ, liên hệ, thôi công tác (active=false). Admins only, within their agency: move to another unit, rename, position, contacts, leaving (active=false).",
        "parameters": [{"$ref": "#/components/parameters/CsrfToken"}, {"$ref": "#/components/parameters/IfMatch"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PersonUpdate"}}}},
        "responses": {
          "200": {"description": "Cán bộ sau khi sửa / the person", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Person"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "412": {"$ref": "#/components/responses/PreconditionFailed"},
          "413": {"$ref": "#/components/responses/PayloadTooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "422": {"$ref": "#/components/responses/ValidationFailed"},
          "428": {"$ref": "#/components/responses/PreconditionRequired"},
          "503": {"$ref": "#/components/responses/ServerBusy"}
        }
      }
    },
    "/sources": {
      "get": {
        "tags": ["sources"], "operationId": "listSources",
        "summary": "Nguồn nhiệm vụ / sources of tasks",
        "description": "Của cơ quan và các cơ quan cấp dưới, văn bản mới nhất trước. Tham số lạ: 422 unknown_parameter.\n\nSources of the user's agency and the agencies below, newest document first. Unknown parameters: 422.",
        "parameters": [
          {"name": "kind", "in": "query", "description": "Loại nguồn / source kind", "schema": {"$ref": "#/components/schemas/SourceKind"}},
          {"name": "q", "in": "query", "description": "Tìm không phân biệt dấu trong tiêu đề, số văn bản, cơ quan ban hành, trích yếu / diacritic-insensitive search", "schema": {"type": "string", "maxLength": 200}}
        ],
        "responses": {
          "200": {"description": "Nguồn / sources", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SourceList"}}}},
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "422": {"$ref": "#/components/responses/ValidationFailed"}
        }
      },
      "post": {
        "tags": ["sources"], "operationId": "createSource",
        "summary": "Thêm nguồn / add a source",
        "description": "Lãnh đạo hoặc chuyên viên tổng hợp. Leaders and consolidators.",
        "parameters": [{"$ref": "#/components/parameters/CsrfToken"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SourceCreate"}}}},
        "responses": {
          "201": {
            "description": "Đã thêm / created",
            "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Source"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "413": {"$ref": "#/components/responses/PayloadTooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "422": {"$ref": "#/components/responses/ValidationFailed"},
          "503": {"$ref": "#/components/responses/ServerBusy"}
        }
      }
    },
    "/sources/{source_id}": {
      "parameters": [{"$ref": "#/components/parameters/SourceId"}],
      "get": {
        "tags": ["sources"], "operationId": "getSource",
        "summary": "Một nguồn / one source",
        "responses": {
          "200": {
            "description": "Nguồn / the source",
            "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Source"}}}
          },
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      },
      "patch": {
        "tags": ["sources"], "operationId": "updateSource",
        "summary": "Sửa nguồn / edit a source",
        "description": "Lãnh đạo hoặc chuyên viên tổng hợp của cơ quan. Leaders and consolidators of the agency.",
        "parameters": [{"$ref": "#/components/parameters/IfMatch"}, {"$ref": "#/components/parameters/CsrfToken"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SourceUpdate"}}}},
        "responses": {
          "200": {
            "description": "Đã sửa / updated",
            "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Source"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "412": {"$ref": "#/components/responses/PreconditionFailed"},
          "413": {"$ref": "#/components/responses/PayloadTooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "422": {"$ref": "#/components/responses/ValidationFailed"},
          "428": {"$ref": "#/components/responses/PreconditionRequired"},
          "503": {"$ref": "#/components/responses/ServerBusy"}
        }
      }
    },

    "/tasks": {
      "get": {
        "tags": ["tasks"], "operationId": "listTasks",
        "summary": "Danh sách nhiệm vụ / list tasks",
        "description": "Bộ lọc dùng chung với /stats; mọi danh sách đều có thể dẫn link và tái lập cho một ngày trong quá khứ. Tham số lạ hoặc lặp lại: 422.\n\nThe filter language shared with /stats: any list can be linked to and reproduced for a past date. Unknown or repeated parameters: 422.",
        "parameters": [
          {"$ref": "#/components/parameters/FilterQ"}, {"$ref": "#/components/parameters/FilterAsOf"},
          {"$ref": "#/components/parameters/FilterStatus"}, {"$ref": "#/components/parameters/FilterSourceKind"},
          {"$ref": "#/components/parameters/FilterSource"}, {"$ref": "#/components/parameters/FilterKey"}, {"$ref": "#/components/parameters/FilterExtended"},
          {"$ref": "#/components/parameters/FilterLeadOrg"}, {"$ref": "#/components/parameters/FilterOrg"}, {"$ref": "#/components/parameters/FilterOrgRole"},
          {"$ref": "#/components/parameters/FilterLeader"}, {"$ref": "#/components/parameters/FilterAssignee"},
          {"$ref": "#/components/parameters/FilterParent"},
          {"$ref": "#/components/parameters/FilterAssignedFrom"}, {"$ref": "#/components/parameters/FilterAssignedTo"},
          {"$ref": "#/components/parameters/FilterDeadlineFrom"}, {"$ref": "#/components/parameters/FilterDeadlineTo"},
          {"$ref": "#/components/parameters/FilterPeriod"}, {"$ref": "#/components/parameters/FilterSort"},
          {"$ref": "#/components/parameters/FilterPage"}, {"$ref": "#/components/parameters/FilterPageSize"}
        ],
        "responses": {
          "200": {"description": "Một trang nhiệm vụ / one page of tasks", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TaskPage"}}}},
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "422": {"$ref": "#/components/responses/ValidationFailed"}
        }
      },
      "post": {
        "tags": ["tasks"], "operationId": "createTask",
        "summary": "Giao nhiệm vụ / create a task",
        "description": "Lãnh đạo, chuyên viên tổng hợp, hoặc trưởng đơn vị cho đơn vị mình. Mỗi nhiệm vụ có đúng một đơn vị chủ trì.\n\nLeaders and consolidators, or unit heads for their own unit. Exactly one lead organisation.",
        "parameters": [{"$ref": "#/components/parameters/CsrfToken"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TaskCreate"}}}},
        "responses": {
          "201": {
            "description": "Đã giao / created",
            "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Task"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "413": {"$ref": "#/components/responses/PayloadTooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "422": {"$ref": "#/components/responses/ValidationFailed"},
          "503": {"$ref": "#/components/responses/ServerBusy"}
        }
      }
    },
    "/tasks/{task_id}": {
      "parameters": [{"$ref": "#/components/parameters/TaskId"}],
      "get": {
        "tags": ["tasks"], "operationId": "getTask",
        "summary": "Một nhiệm vụ / one task",
        "parameters": [{"$ref": "#/components/parameters/TaskAsOf"}],
        "responses": {
          "200": {
            "description": "Nhiệm vụ, trạng thái tại as_of / the task, status as of as_of",
            "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Task"}}}
          },
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "422": {"$ref": "#/components/responses/ValidationFailed"}
        }
      },
      "patch": {
        "tags": ["tasks"], "operationId": "updateTask",
        "summary": "Sửa nhiệm vụ / edit a task",
        "parameters": [{"$ref": "#/components/parameters/IfMatch"}, {"$ref": "#/components/parameters/CsrfToken"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TaskUpdate"}}}},
        "responses": {
          "200": {
            "description": "Đã sửa / updated",
            "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Task"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "412": {"$ref": "#/components/responses/PreconditionFailed"},
          "413": {"$ref": "#/components/responses/PayloadTooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "422": {"$ref": "#/components/responses/ValidationFailed"},
          "428": {"$ref": "#/components/responses/PreconditionRequired"},
          "503": {"$ref": "#/components/responses/ServerBusy"}
        }
      }
    },
    "/tasks/{task_id}/history": {
      "parameters": [{"$ref": "#/components/parameters/TaskId"}],
      "get": {
        "tags": ["tasks"], "operationId": "getTaskHistory",
        "summary": "Lịch sử thay đổi / the task's recorded history",
        "description": "Ai, khi nào, trước và sau; không sửa được. Với as_of: chỉ các thay đổi về sự việc ghi ngày đến hết ngày đó.\n\nWho, when, before and after; cannot be edited. With as_of: only the changes about facts dated by then.",
        "parameters": [{"$ref": "#/components/parameters/TaskAsOf"}],
        "responses": {
          "200": {"description": "Các thay đổi, cũ trước / the changes, oldest first", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/HistoryList"}}}},
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "422": {"$ref": "#/components/responses/ValidationFailed"}
        }
      }
    },
    "/tasks/{task_id}/updates": {
      "parameters": [{"$ref": "#/components/parameters/TaskId"}],
      "get": {
        "tags": ["tasks"], "operationId": "listProgressUpdates",
        "summary": "Các báo cáo tiến độ / progress updates",
        "parameters": [{"$ref": "#/components/parameters/TaskAsOf"}],
        "responses": {
          "200": {"description": "Báo cáo tiến độ / progress updates", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ProgressUpdateList"}}}},
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "422": {"$ref": "#/components/responses/ValidationFailed"}
        }
      },
      "post": {
        "tags": ["tasks"], "operationId": "reportProgress",
        "summary": "Báo cáo tiến độ / report progress",
        "description": "Tệp đính kèm gửi dạng base64 trong cùng thân JSON (tối đa 10 tệp, mỗi tệp 10 MiB; cả thân tối đa 24 MiB).\n\nAttachments travel base64-encoded inside the JSON body (at most 10 files of 10 MiB each, 24 MiB for the whole body).",
        "parameters": [{"$ref": "#/components/parameters/CsrfToken"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ProgressCreate"}}}},
        "responses": {
          "201": {
            "description": "Đã ghi nhận; trả về nhiệm vụ / recorded; the task",
            "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Task"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"$ref": "#/components/responses/TaskConflict"},
          "413": {"$ref": "#/components/responses/PayloadTooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "422": {"$ref": "#/components/responses/ValidationFailed"},
          "503": {"$ref": "#/components/responses/ServerBusy"}
        }
      }
    },
    "/tasks/export.xlsx": {
      "get": {
        "tags": ["tasks"], "operationId": "exportTasks",
        "summary": "Xuất danh sách ra Excel / export the list to Excel",
        "description": "Cùng bộ lọc và thứ tự với /tasks, không phân trang (tối đa 20.000 dòng, tệp ghi rõ khi bị cắt bớt); lang=vi|en chọn ngôn ngữ của tiêu đề cột (mặc định theo Accept-Language).\n\nThe /tasks filter and order without paging (at most 20,000 rows; the sheet says so when it is cut short); lang=vi|en picks the language of the headings (default: Accept-Language).",
        "parameters": [
          {"$ref": "#/components/parameters/FilterQ"}, {"$ref": "#/components/parameters/FilterAsOf"},
          {"$ref": "#/components/parameters/FilterStatus"}, {"$ref": "#/components/parameters/FilterSourceKind"},
          {"$ref": "#/components/parameters/FilterSource"}, {"$ref": "#/components/parameters/FilterKey"}, {"$ref": "#/components/parameters/FilterExtended"},
          {"$ref": "#/components/parameters/FilterLeadOrg"}, {"$ref": "#/components/parameters/FilterOrg"}, {"$ref": "#/components/parameters/FilterOrgRole"},
          {"$ref": "#/components/parameters/FilterLeader"}, {"$ref": "#/components/parameters/FilterAssignee"},
          {"$ref": "#/components/parameters/FilterParent"},
          {"$ref": "#/components/parameters/FilterAssignedFrom"}, {"$ref": "#/components/parameters/FilterAssignedTo"},
          {"$ref": "#/components/parameters/FilterDeadlineFrom"}, {"$ref": "#/components/parameters/FilterDeadlineTo"},
          {"$ref": "#/components/parameters/FilterPeriod"}, {"$ref": "#/components/parameters/FilterSort"},
          {"name": "lang", "in": "query", "required": false, "schema": {"type": "string", "enum": ["vi", "en"]}}
        ],
        "responses": {
          "200": {
            "description": "Tệp Excel / the workbook",
            "headers": {"Content-Disposition": {"$ref": "#/components/headers/ContentDisposition"}},
            "content": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "format": "binary"}}}
          },
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "422": {"$ref": "#/components/responses/ValidationFailed"}
        }
      }
    },
    "/tasks/{task_id}/attachments/{attachment_id}": {
      "parameters": [{"$ref": "#/components/parameters/TaskId"}, {"$ref": "#/components/parameters/AttachmentId"}],
      "get": {
        "tags": ["tasks"], "operationId": "downloadAttachment",
        "summary": "Tải tệp đính kèm / download an attachment",
        "description": "Trả về nội dung tệp với Content-Type đã khai báo khi tải lên. The file's bytes, with the content type declared on upload.",
        "responses": {
          "200": {
            "description": "Nội dung tệp / the file",
            "headers": {"Content-Disposition": {"$ref": "#/components/headers/ContentDisposition"}},
            "content": {
              "application/pdf": {"schema": {"type": "string", "format": "binary"}},
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {"schema": {"type": "string", "format": "binary"}},
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "format": "binary"}},
              "application/vnd.openxmlformats-officedocument.presentationml.presentation": {"schema": {"type": "string", "format": "binary"}},
              "application/msword": {"schema": {"type": "string", "format": "binary"}},
              "application/vnd.ms-excel": {"schema": {"type": "string", "format": "binary"}},
              "image/png": {"schema": {"type": "string", "format": "binary"}},
              "image/jpeg": {"schema": {"type": "string", "format": "binary"}},
              "text/plain": {"schema": {"type": "string", "format": "binary"}},
              "application/zip": {"schema": {"type": "string", "format": "binary"}}
            }
          },
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      }
    },
    "/tasks/{task_id}/complete": {
      "parameters": [{"$ref": "#/components/parameters/TaskId"}],
      "post": {
        "tags": ["tasks"], "operationId": "completeTask",
        "summary": "Xác nhận hoàn thành / record completion",
        "description": "Lãnh đạo, chuyên viên tổng hợp hoặc trưởng đơn vị chủ trì. Thân có thể là {}.\n\nLeaders, consolidators or the head of the lead unit. The body may be {}.",
        "parameters": [{"$ref": "#/components/parameters/CsrfToken"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CompletionRequest"}}}},
        "responses": {
          "200": {
            "description": "Đã hoàn thành / completed",
            "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Task"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"$ref": "#/components/responses/TaskConflict"},
          "413": {"$ref": "#/components/responses/PayloadTooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "422": {"$ref": "#/components/responses/ValidationFailed"},
          "503": {"$ref": "#/components/responses/ServerBusy"}
        }
      }
    },
    "/tasks/{task_id}/extensions": {
      "parameters": [{"$ref": "#/components/parameters/TaskId"}],
      "post": {
        "tags": ["tasks"], "operationId": "requestExtension",
        "summary": "Đề nghị gia hạn / request a deadline extension",
        "description": "Mỗi lúc chỉ một đề nghị chờ duyệt (409 conflict). One pending request at a time (409 conflict).",
        "parameters": [{"$ref": "#/components/parameters/CsrfToken"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ExtensionRequest"}}}},
        "responses": {
          "201": {
            "description": "Đã gửi đề nghị; trả về nhiệm vụ / requested; the task",
            "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Task"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"$ref": "#/components/responses/TaskConflict"},
          "413": {"$ref": "#/components/responses/PayloadTooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "422": {"$ref": "#/components/responses/ValidationFailed"},
          "503": {"$ref": "#/components/responses/ServerBusy"}
        }
      }
    },
    "/tasks/{task_id}/extensions/{extension_id}/decision": {
      "parameters": [{"$ref": "#/components/parameters/TaskId"}, {"$ref": "#/components/parameters/ExtensionId"}],
      "post": {
        "tags": ["tasks"], "operationId": "decideExtension",
        "summary": "Duyệt hoặc từ chối gia hạn / approve or refuse an extension",
        "description": "Chỉ lãnh đạo. Đề nghị đã xử lý: 409 extension_not_pending. Leaders only.",
        "parameters": [{"$ref": "#/components/parameters/CsrfToken"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ExtensionDecision"}}}},
        "responses": {
          "200": {
            "description": "Đã quyết định; trả về nhiệm vụ / decided; the task",
            "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Task"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"$ref": "#/components/responses/TaskConflict"},
          "413": {"$ref": "#/components/responses/PayloadTooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "422": {"$ref": "#/components/responses/ValidationFailed"},
          "503": {"$ref": "#/components/responses/ServerBusy"}
        }
      }
    },
    "/tasks/{task_id}/cancel": {
      "parameters": [{"$ref": "#/components/parameters/TaskId"}],
      "post": {
        "tags": ["tasks"], "operationId": "cancelTask",
        "summary": "Hủy hoặc rút khỏi chương trình / cancel or withdraw",
        "description": "Chỉ lãnh đạo. Nhiệm vụ đã hủy không được đếm nhưng vẫn hiển thị. Leaders only; cancelled tasks are not counted but still listed.",
        "parameters": [{"$ref": "#/components/parameters/CsrfToken"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CancelRequest"}}}},
        "responses": {
          "200": {
            "description": "Đã hủy / cancelled",
            "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Task"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"$ref": "#/components/responses/TaskConflict"},
          "413": {"$ref": "#/components/responses/PayloadTooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "422": {"$ref": "#/components/responses/ValidationFailed"},
          "503": {"$ref": "#/components/responses/ServerBusy"}
        }
      }
    },
    "/tasks/{task_id}/explanations": {
      "parameters": [{"$ref": "#/components/parameters/TaskId"}],
      "post": {
        "tags": ["tasks"], "operationId": "requestExplanation",
        "summary": "Yêu cầu giải trình / ask for an explanation",
        "description": "Chỉ lãnh đạo. Leaders only.",
        "parameters": [{"$ref": "#/components/parameters/CsrfToken"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ExplanationRequest"}}}},
        "responses": {
          "201": {
            "description": "Đã yêu cầu; trả về nhiệm vụ / requested; the task",
            "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Task"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"$ref": "#/components/responses/TaskConflict"},
          "413": {"$ref": "#/components/responses/PayloadTooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "422": {"$ref": "#/components/responses/ValidationFailed"},
          "503": {"$ref": "#/components/responses/ServerBusy"}
        }
      }
    },
    "/tasks/{task_id}/explanations/{explanation_id}/answer": {
      "parameters": [{"$ref": "#/components/parameters/TaskId"}, {"$ref": "#/components/parameters/ExplanationId"}],
      "post": {
        "tags": ["tasks"], "operationId": "answerExplanation",
        "summary": "Trả lời giải trình / answer an explanation request",
        "description": "Trưởng đơn vị chủ trì hoặc người được giao; mỗi yêu cầu trả lời một lần (409 conflict).\n\nThe head of the lead unit or an assignee; each request is answered once (409 conflict).",
        "parameters": [{"$ref": "#/components/parameters/CsrfToken"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ExplanationAnswer"}}}},
        "responses": {
          "200": {
            "description": "Đã trả lời; trả về nhiệm vụ / answered; the task",
            "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Task"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"$ref": "#/components/responses/TaskConflict"},
          "413": {"$ref": "#/components/responses/PayloadTooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "422": {"$ref": "#/components/responses/ValidationFailed"},
          "503": {"$ref": "#/components/responses/ServerBusy"}
        }
      }
    },

    "/stats": {
      "get": {
        "tags": ["stats"], "operationId": "getStatistics",
        "summary": "Thống kê theo trạng thái / counts by status",
        "description": "Cùng bộ lọc với /tasks (page, page_size, sort được chấp nhận và bỏ qua); tổng và theo loại nguồn, trọng tâm, đơn vị chủ trì, mỗi nhóm kèm link danh sách.\n\nThe /tasks filter (page, page_size and sort are accepted and ignored): totals and groups by source kind, key flag and lead organisation, each linked to its task list.",
        "parameters": [
          {"$ref": "#/components/parameters/FilterQ"}, {"$ref": "#/components/parameters/FilterAsOf"},
          {"$ref": "#/components/parameters/FilterStatus"}, {"$ref": "#/components/parameters/FilterSourceKind"},
          {"$ref": "#/components/parameters/FilterSource"}, {"$ref": "#/components/parameters/FilterKey"}, {"$ref": "#/components/parameters/FilterExtended"},
          {"$ref": "#/components/parameters/FilterLeadOrg"}, {"$ref": "#/components/parameters/FilterOrg"}, {"$ref": "#/components/parameters/FilterOrgRole"},
          {"$ref": "#/components/parameters/FilterLeader"}, {"$ref": "#/components/parameters/FilterAssignee"},
          {"$ref": "#/components/parameters/FilterParent"},
          {"$ref": "#/components/parameters/FilterAssignedFrom"}, {"$ref": "#/components/parameters/FilterAssignedTo"},
          {"$ref": "#/components/parameters/FilterDeadlineFrom"}, {"$ref": "#/components/parameters/FilterDeadlineTo"},
          {"$ref": "#/components/parameters/FilterPeriod"}, {"$ref": "#/components/parameters/FilterSort"},
          {"$ref": "#/components/parameters/FilterPage"}, {"$ref": "#/components/parameters/FilterPageSize"}
        ],
        "responses": {
          "200": {"description": "Thống kê / statistics", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Statistics"}}}},
          "401": {"$ref": "#/components/responses/Unauthenticated"},
          "422": {"$ref": "#/components/responses/ValidationFailed"}
        }
      }
    },

    "/health": {
      "get": {
        "tags": ["meta"], "operationId": "health",
        "summary": "Máy chủ và cơ sở dữ liệu đang chạy / the server and its database answer",
        "security": [],
        "responses": {
          "200": {"description": "Đang chạy / up", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}}
        }
      }
    },
    "/openapi.json": {
      "get": {
        "tags": ["meta"], "operationId": "openapi",
        "summary": "Tài liệu này / this document",
        "security": [],
        "responses": {
          "200": {"description": "Tài liệu OpenAPI 3.0 / the OpenAPI 3.0 document", "content": {"application/json": {"schema": {"type": "object", "required": ["openapi", "info", "paths", "components"], "additionalProperties": true}}}}
        }
      }
    }
  }
}
)json";
}

boost::json::value Parse(std::string_view text) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(text, ec);
  if (ec) throw std::logic_error("openapi document: " + ec.message());
  return v;
}

}  // namespace

const boost::json::value& OpenApiDocument() {
  static const boost::json::value doc = [] {
    boost::json::value d = Parse(DocumentText());
    d.as_object()["components"] = Parse(openapi_detail::ComponentsText());
    return d;
  }();
  return doc;
}

}  // namespace giaoban::api
