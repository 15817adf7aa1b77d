// /tasks and the actions of a task's life.
#include "api/api.h"
#include "api/downloads.h"
#include "api/json_codec.h"
#include "api/preconditions.h"
#include "domain/text_limits.h"
#include "service/tasks/attachment_upload.h"

namespace giaoban::api {

namespace json = boost::json;
using service::Error;

namespace {

service::TaskInput ReadTask(BodyReader& in) {
  in.OnlyFields({"source_id", "parent_id", "title", "content", "is_key", "restricted",
                 "lead_org_id", "cooperator_ids", "leader_id", "assignee_ids", "product",
                 "assigned_on", "deadline", "deadline_label"});
  service::TaskInput t;
  t.source_id = in.Id("source_id");
  t.parent_id = in.NullableId("parent_id");
  t.title = in.String("title", domain::kTitleMaxBytes);
  t.content = in.String("content", domain::kLongTextMaxBytes);
  t.is_key = in.Bool("is_key");
  t.restricted = in.Bool("restricted");
  t.lead_org_id = in.Id("lead_org_id");
  t.cooperator_ids = in.Ids("cooperator_ids");
  t.leader_id = in.NullableId("leader_id");
  t.assignee_ids = in.Ids("assignee_ids");
  t.product = in.String("product", domain::kProductMaxBytes);
  t.assigned_on = in.Date("assigned_on");
  t.deadline = in.NullableDate("deadline");
  t.deadline_label = in.String("deadline_label", domain::kShortLabelMaxBytes);
  return t;
}

http::Response TaskResponse(const service::TaskView& view, int status = 200) {
  http::Response r = Json(ToJson(view), status);
  r.set_header("ETag", VersionTag(view.task.summary.version));
  return r;
}

Reply ToReply(service::Expected<service::TaskView> view, int status = 200) {
  if (!view) return view.error();
  return TaskResponse(*view, status);
}

// A body of one required text and the business date it is given on (default today).
service::Expected<std::pair<std::string, std::optional<domain::Date>>> DatedText(
    const Call& call, std::string_view text, std::size_t max_bytes, std::string_view date) {
  return ParseBody(call.Body(), [&](BodyReader& in) {
    in.OnlyFields({text, date});
    in.Require(text);
    return std::pair{in.String(text, max_bytes).value_or(""), in.Date(date)};
  });
}

// The only query parameter of a single task's views: the date to show it as of (default today).
service::Expected<std::optional<domain::Date>> AsOfParameter(const http::Request& request) {
  std::optional<domain::Date> as_of;
  for (const auto& [name, value] : request.query) {
    if (name != "as_of") return Error::Validation({{name, "unknown_parameter"}});
    if (as_of) return Error::Validation({{"as_of", "duplicate"}});
    as_of = domain::Date::Parse(value);
    if (!as_of) return Error::Validation({{"as_of", "invalid_date"}});
  }
  return as_of;
}

// Attachments travel as base64 inside the JSON body: one request, one transaction.
service::Expected<std::vector<service::NewAttachment>> ReadAttachments(const json::object& body,
                                                                       std::int64_t max_bytes) {
  std::vector<service::NewAttachment> attachments;
  auto it = body.find("attachments");
  if (it == body.end() || it->value().is_null()) return attachments;
  if (!it->value().is_array()) return Error::Validation({{"attachments", "invalid"}});
  std::size_t i = 0;
  for (const auto& item : it->value().as_array()) {
    const std::string field = "attachments[" + std::to_string(i++) + "]";
    if (!item.is_object()) return Error::Validation({{field, "invalid"}});
    const auto& o = item.as_object();
    auto text = [&](const char* key) -> std::string {
      auto f = o.find(key);
      return f != o.end() && f->value().is_string() ? std::string(f->value().as_string()) : "";
    };
    auto attachment = service::DecodeAttachment(
        {text("file_name"), text("content_type"), text("content_base64")}, max_bytes, field);
    if (!attachment) return attachment.error();
    attachments.push_back(std::move(*attachment));
  }
  return attachments;
}

}  // namespace

void RegisterTaskRoutes(Api& api) {
  Services& s = api.services();

  api.AddCacheableRead("/tasks", [&s](Call& call) -> Reply {
    auto filter = service::ParseTaskFilter(call.request.query, call.Today());
    if (!filter) return filter.error();
    auto page = s.tasks.List(call.who(), *filter);
    if (!page) return page.error();
    json::object body = PageJson(*page).as_object();
    body["as_of"] = page->as_of.Iso();
    return Json(body);
  });

  // The whole filtered list as a workbook, for those who carry on in Excel.
  api.AddQueryRead("/tasks/export.xlsx", [&s](Call& call) -> Reply {
    auto file = s.task_export.Export(call.who(), call.request.query, call.language);
    if (!file) return file.error();
    return Download(std::move(*file), "no-store");
  });

  api.Add("POST", "/tasks", [&s](Call& call) -> Reply {
    auto input = ParseBody(call.Body(), [](BodyReader& in) {
      in.Require("source_id");
      in.Require("title");
      in.Require("lead_org_id");
      return ReadTask(in);
    });
    if (!input) return input.error();
    return ToReply(s.tasks.Create(call.who(), *input), 201);
  });

  api.AddQueryRead("/tasks/{id}", [&s](Call& call) -> Reply {
    auto as_of = AsOfParameter(call.request);
    if (!as_of) return as_of.error();
    return ToReply(s.tasks.Get(call.who(), call.id(), *as_of));
  });

  api.Add("PATCH", "/tasks/{id}", [&s](Call& call) -> Reply {
    auto version = RequiredVersion(call.request);
    if (!version) return version.error();
    auto input = ParseBody(call.Body(), [](BodyReader& in) { return ReadTask(in); });
    if (!input) return input.error();
    return ToReply(s.tasks.Update(call.who(), call.id(), *version, *input));
  });

  api.AddQueryRead("/tasks/{id}/history", [&s](Call& call) -> Reply {
    auto as_of = AsOfParameter(call.request);
    if (!as_of) return as_of.error();
    auto history = s.tasks.History(call.who(), call.id(), *as_of);
    if (!history) return history.error();
    json::array items;
    for (const auto& e : history->items) items.push_back(ToJson(e));
    return Json(json::object{{"items", std::move(items)}, {"later", history->later}});
  });

  api.AddQueryRead("/tasks/{id}/updates", [&s](Call& call) -> Reply {
    auto as_of = AsOfParameter(call.request);
    if (!as_of) return as_of.error();
    auto view = s.tasks.Get(call.who(), call.id(), *as_of);
    if (!view) return view.error();
    return Json(json::object{{"items", ToJson(*view).as_object()["updates"]}});
  });

  api.AddUpload("POST", "/tasks/{id}/updates", [&s](Call& call) -> Reply {
    auto body = call.Body();
    auto input = ParseBody(body, [](BodyReader& in) {
      in.OnlyFields({"reported_on", "body", "percent", "attachments"});
      in.Require("body");
      service::ProgressInput p;
      p.reported_on = in.Date("reported_on");
      p.body = in.String("body", domain::kLongTextMaxBytes).value_or("");
      p.percent = in.Int("percent");
      return p;
    });
    if (!input) return input.error();
    auto attachments = ReadAttachments(*body, call.settings().max_attachment_bytes);
    if (!attachments) return attachments.error();
    input->attachments = std::move(*attachments);
    return ToReply(s.tasks.AddProgress(call.who(), call.id(), *input), 201);
  });

  api.Add("GET", "/tasks/{id}/attachments/{id}", [&s](Call& call) -> Reply {
    auto a = s.tasks.GetAttachment(call.who(), call.id(0), call.id(1));
    if (!a) return a.error();
    http::Response r;
    r.content_type = a->info.content_type;
    r.body = std::move(a->content);
    r.set_header("Content-Disposition", ContentDisposition(a->info.file_name));
    r.set_header("Cache-Control", "private, no-store");
    return r;
  });

  api.Add("POST", "/tasks/{id}/complete", [&s](Call& call) -> Reply {
    auto input = ParseBody(call.Body(), [](BodyReader& in) {
      in.OnlyFields({"completed_on", "result_doc_number", "result_doc_date", "note"});
      service::CompletionInput c;
      c.completed_on = in.Date("completed_on");
      c.result_doc_number =
          in.String("result_doc_number", domain::kShortLabelMaxBytes).value_or("");
      c.result_doc_date = in.Date("result_doc_date");
      c.note = in.String("note", domain::kNoteMaxBytes).value_or("");
      return c;
    });
    if (!input) return input.error();
    return ToReply(s.tasks.Complete(call.who(), call.id(), *input));
  });

  api.Add("POST", "/tasks/{id}/extensions", [&s](Call& call) -> Reply {
    auto input = ParseBody(call.Body(), [](BodyReader& in) {
      in.OnlyFields({"requested_on", "requested_deadline", "reason"});
      in.Require("requested_deadline");
      in.Require("reason");
      service::ExtensionRequestInput e;
      e.requested_on = in.Date("requested_on");
      e.requested_deadline = in.Date("requested_deadline");
      e.reason = in.String("reason", domain::kNoteMaxBytes).value_or("");
      return e;
    });
    if (!input) return input.error();
    return ToReply(s.tasks.RequestExtension(call.who(), call.id(), *input), 201);
  });

  api.Add("POST", "/tasks/{id}/extensions/{id}/decision", [&s](Call& call) -> Reply {
    auto input = ParseBody(call.Body(), [](BodyReader& in) {
      in.OnlyFields({"decision", "note", "decided_on", "effective_on"});
      in.Require("decision");
      service::ExtensionDecisionInput d;
      d.decision = in.String("decision", 16).value_or("");
      d.note = in.String("note", domain::kNoteMaxBytes).value_or("");
      d.decided_on = in.Date("decided_on");
      d.effective_on = in.Date("effective_on");
      return d;
    });
    if (!input) return input.error();
    return ToReply(s.tasks.DecideExtension(call.who(), call.id(0), call.id(1), *input));
  });

  api.Add("POST", "/tasks/{id}/cancel", [&s](Call& call) -> Reply {
    auto input = ParseBody(call.Body(), [](BodyReader& in) {
      in.OnlyFields({"kind", "cancelled_on", "reason", "approver_id"});
      in.Require("reason");
      service::CancellationInput c;
      c.kind = in.String("kind", 16).value_or("cancelled");
      c.cancelled_on = in.Date("cancelled_on");
      c.reason = in.String("reason", domain::kNoteMaxBytes).value_or("");
      c.approver_id = in.Id("approver_id");
      return c;
    });
    if (!input) return input.error();
    return ToReply(s.tasks.Cancel(call.who(), call.id(), *input));
  });

  api.Add("POST", "/tasks/{id}/explanations", [&s](Call& call) -> Reply {
    auto input = DatedText(call, "question", domain::kNoteMaxBytes, "requested_on");
    if (!input) return input.error();
    return ToReply(s.tasks.RequestExplanation(call.who(), call.id(), input->first, input->second),
                   201);
  });

  api.Add("POST", "/tasks/{id}/explanations/{id}/answer", [&s](Call& call) -> Reply {
    auto input = DatedText(call, "answer", domain::kLongTextMaxBytes, "answered_on");
    if (!input) return input.error();
    return ToReply(
        s.tasks.AnswerExplanation(call.who(), call.id(0), call.id(1), input->first, input->second));
  });
}

}  // namespace giaoban::api
