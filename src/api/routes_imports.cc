// /sources/{id}/imports and /imports: work programs imported from spreadsheets.
#include "api/api.h"
#include "api/downloads.h"
#include "api/json_codec.h"
#include "api/preconditions.h"
#include "documents/program_xlsx.h"
#include "intl/text.h"
#include "service/query_values.h"

namespace giaoban::api {

namespace json = boost::json;

namespace {

// page, page_size and problems_only, as the preview reads them.
service::Expected<service::PreviewQuery> ReadPreviewQuery(const http::Request& request) {
  service::PreviewQuery q;
  for (const auto& [name, value] : request.query) {
    if (name == "page") {
      const auto page = service::ParseCount(value, 100000);
      if (!page || *page < 1) return service::Error::Validation({{"page", "invalid"}});
      q.page = *page;
    } else if (name == "page_size") {
      const auto size = service::ParseCount(value, service::kMaxPreviewPageSize);
      if (!size || *size < 1) return service::Error::Validation({{"page_size", "invalid"}});
      q.page_size = *size;
    } else if (name == "problems_only") {
      if (value != "true" && value != "false")
        return service::Error::Validation({{"problems_only", "invalid"}});
      q.problems_only = value == "true";
    } else {
      return service::Error::Validation({{name, "unknown_parameter"}});
    }
  }
  return q;
}

Reply PreviewReply(const service::Expected<service::ImportPreview>& preview, int status = 200) {
  if (!preview) return preview.error();
  http::Response r = Json(ToJson(*preview), status);
  r.set_header("ETag", VersionTag(preview->import.version));
  return r;
}

service::Expected<service::ImportChoicesPatch> ReadChoices(const json::object& body) {
  return ParseBody(body, [&](BodyReader& in) {
    in.OnlyFields({"sheet", "groups_as", "columns", "unit_fixes", "year"});
    service::ImportChoicesPatch patch;
    if (const auto sheet = in.Int("sheet")) {
      if (*sheet < 0)
        in.validator().Add("sheet", "invalid");
      else
        patch.sheet = static_cast<std::size_t>(*sheet);
    }
    if (body.contains("year")) {
      if (body.at("year").is_null()) {
        patch.year = std::optional<int>();
      } else if (const auto year = in.Int("year")) {
        if (*year < service::kMinProgramYear || *year > service::kMaxProgramYear)
          in.validator().Add("year", "invalid");
        else
          patch.year = static_cast<int>(*year);
      }
    }
    if (const auto groups = in.String("groups_as", 16)) {
      if (*groups == "labels")
        patch.groups_as = service::GroupsAs::kLabels;
      else if (*groups == "parents")
        patch.groups_as = service::GroupsAs::kParents;
      else
        in.validator().Add("groups_as", "invalid", {"labels", "parents"});
    }
    // Each element an object of exactly its two fields; the second may be null.
    auto pair_of = [](const json::value& item, std::string_view first,
                      std::string_view second) -> const json::object* {
      if (!item.is_object()) return nullptr;
      const json::object& o = item.as_object();
      if (o.size() != 2 || !o.contains(first) || !o.contains(second)) return nullptr;
      return &o;
    };
    using Column = std::pair<std::size_t, service::ColumnChoice>;
    for (const Column& column : ReadArray<Column>(
             body, in, "columns", [&](const json::value& item) -> std::optional<Column> {
               const json::object* o = pair_of(item, "index", "field");
               if (o == nullptr || !o->at("index").is_int64()) return std::nullopt;
               const std::int64_t index = o->at("index").as_int64();
               if (index < 0 || index >= 16384) return std::nullopt;
               const json::value& field = o->at("field");
               if (field.is_null()) return Column{static_cast<std::size_t>(index), std::nullopt};
               if (!field.is_string()) return std::nullopt;
               const auto choice = service::ProgramColumnFromCode(field.as_string());
               if (!choice) return std::nullopt;
               return Column{static_cast<std::size_t>(index), choice};
             }))
      patch.columns[column.first] = column.second;
    using Fix = std::pair<std::string, std::optional<service::Id>>;
    for (Fix& fix :
         ReadArray<Fix>(body, in, "unit_fixes", [&](const json::value& item) -> std::optional<Fix> {
           const json::object* o = pair_of(item, "written", "organization_id");
           if (o == nullptr || !o->at("written").is_string()) return std::nullopt;
           const std::string written(o->at("written").as_string());
           if (written.empty() || written.size() > 1000) return std::nullopt;
           const json::value& id = o->at("organization_id");
           if (id.is_null()) return Fix{written, std::nullopt};
           if (!id.is_int64() || id.as_int64() < 1) return std::nullopt;
           return Fix{written, id.as_int64()};
         }))
      patch.unit_fixes[std::move(fix.first)] = fix.second;
    return patch;
  });
}

}  // namespace

void RegisterImportRoutes(Api& api) {
  Services& s = api.services();

  // The file is the body; its name and the sheet to read come in the query.
  api.AddSpreadsheetUpload("POST", "/sources/{id}/imports", [&s](Call& call) -> Reply {
    service::NewImport file;
    file.source_id = call.id();
    std::optional<std::string> file_name;
    service::PreviewQuery query;
    for (const auto& [name, value] : call.request.query) {
      if (name == "file_name") {
        file_name = value;
      } else if (name == "sheet") {
        const auto sheet = service::ParseCount(value, 1000);
        if (!sheet) return service::Error::Validation({{"sheet", "invalid"}});
        file.sheet = static_cast<std::size_t>(*sheet);
      } else if (name == "page_size") {
        const auto size = service::ParseCount(value, service::kMaxPreviewPageSize);
        if (!size || *size < 1) return service::Error::Validation({{"page_size", "invalid"}});
        query.page_size = *size;
      } else {
        return service::Error::Validation({{name, "unknown_parameter"}});
      }
    }
    if (!file_name) return service::Error::Validation({{"file_name", "required"}});
    file.file_name = *file_name;
    file.content = std::move(call.request.body);
    return PreviewReply(s.imports.Start(call.who(), file, query), 201);
  });

  api.Add("GET", "/sources/{id}/imports", [&s](Call& call) -> Reply {
    auto list = s.imports.List(call.who(), call.id());
    if (!list) return list.error();
    json::array items;
    for (const auto& summary : *list) items.push_back(ToJson(summary));
    return Json(json::object{{"items", std::move(items)}});
  });

  // The source's tasks in the layout imports read: edit in Excel, import again.
  api.Add("GET", "/sources/{id}/program.xlsx", [&s](Call& call) -> Reply {
    auto program = s.imports.Program(call.who(), call.id());
    if (!program) return program.error();
    return Download(documents::ProgramWorkbook(*program), "no-store");
  });

  api.AddQueryRead("/imports/{id}", [&s](Call& call) -> Reply {
    auto query = ReadPreviewQuery(call.request);
    if (!query) return query.error();
    return PreviewReply(s.imports.Preview(call.who(), call.id(), *query));
  });

  api.Add("PATCH", "/imports/{id}", [&s](Call& call) -> Reply {
    auto version = RequiredVersion(call.request);
    if (!version) return version.error();
    auto body = call.Body();
    if (!body) return body.error();
    auto patch = ReadChoices(*body);
    if (!patch) return patch.error();
    return PreviewReply(s.imports.Choose(call.who(), call.id(), *version, *patch, {}));
  });

  api.Add("POST", "/imports/{id}/confirm", [&s](Call& call) -> Reply {
    auto version = RequiredVersion(call.request);
    if (!version) return version.error();
    auto result = s.imports.Confirm(call.who(), call.id(), *version);
    if (!result) return result.error();
    http::Response r = Json(ToJson(*result));
    r.set_header("ETag", VersionTag(result->import.version));
    return r;
  });

  api.Add("DELETE", "/imports/{id}", [&s](Call& call) -> Reply {
    auto version = RequiredVersion(call.request);
    if (!version) return version.error();
    auto done = s.imports.Discard(call.who(), call.id(), *version);
    if (!done) return done.error();
    http::Response r;
    r.status = 204;
    r.content_type.clear();
    r.set_header("Cache-Control", "no-store");
    return r;
  });

  api.Add("GET", "/imports/{id}/file", [&s](Call& call) -> Reply {
    auto file = s.imports.Download(call.who(), call.id());
    if (!file) return file.error();
    const bool xlsx = file->kind == "xlsx";
    return Download({file->name,
                     xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                          : "text/csv; charset=utf-8",
                     std::move(file->content)},
                    "private, no-store");
  });
}

}  // namespace giaoban::api
