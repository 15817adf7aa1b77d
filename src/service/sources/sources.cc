#include "service/sources/sources.h"

#include <boost/json.hpp>

#include "domain/text_limits.h"
#include "intl/text.h"
#include "service/audit.h"
#include "service/organizations/organizations.h"
#include "service/row_values.h"
#include "service/tasks/task_filter.h"
#include "service/tasks/task_store.h"

namespace giaoban::service {

using storage::Param;
using storage::TransactionMode;

namespace {

const char* kSourceSelect =
    "SELECT s.id, s.agency_id, s.kind, s.title, s.doc_number, s.doc_date, s.issuer, s.summary, "
    "s.version, COALESCE(n.tasks, 0) AS task_count FROM sources s "
    "LEFT JOIN source_task_counts n ON n.source_id = s.id ";

std::string SourceJson(const SourceInput& s) {
  boost::json::object j{{"kind", s.kind},
                        {"title", s.title},
                        {"doc_number", s.doc_number},
                        {"issuer", s.issuer},
                        {"summary", s.summary}};
  if (s.doc_date) j["doc_date"] = s.doc_date->Iso();
  return boost::json::serialize(j);
}

SourceInput Normalized(const SourceInput& in) {
  return {in.kind,     intl::ToNfc(in.title),  intl::ToNfc(in.doc_number),
          in.doc_date, intl::ToNfc(in.issuer), intl::ToNfc(in.summary)};
}

std::optional<Error> Validate(const SourceInput& s) {
  Validator v;
  if (!domain::ParseSourceKind(s.kind)) v.Add("kind", "invalid");
  v.RequireText("title", s.title, domain::kTitleMaxBytes);
  v.LimitText("doc_number", s.doc_number, domain::kShortLabelMaxBytes);
  v.LimitText("issuer", s.issuer, domain::kIssuerMaxBytes);
  v.LimitText("summary", s.summary, domain::kNoteMaxBytes);
  if (!v.ok()) return v.error();
  return std::nullopt;
}

SourceInput Patched(const Source& current, const SourcePatch& patch) {
  return {patch.kind.value_or(std::string(domain::SourceKindCode(current.kind))),
          patch.title.value_or(current.title),
          patch.doc_number.value_or(current.doc_number),
          patch.doc_date.value_or(current.doc_date),
          patch.issuer.value_or(current.issuer),
          patch.summary.value_or(current.summary)};
}

std::string SearchFold(const SourceInput& s) {
  return intl::Fold(s.title + " " + s.doc_number + " " + s.issuer + " " + s.summary);
}

bool MayManageSources(const Actor& a) {
  return a.role == Role::kLeader || a.role == Role::kConsolidator;
}

}  // namespace

std::optional<Source> LoadSource(storage::Connection& c, Id id) {
  auto r = c.execute(std::string(kSourceSelect) + "WHERE s.id = $1", {Param(id)});
  if (r.empty()) return std::nullopt;
  return ReadRows<Source>(r).front();
}

std::optional<Source> LoadSourceForCopy(storage::Connection& c, Id id) {
  if (c.dialect() == storage::Dialect::kPostgres)
    c.execute("SELECT id FROM sources WHERE id = $1 FOR SHARE", {Param(id)});
  return LoadSource(c, id);
}

std::vector<Source> SourceService::List(const Actor& actor,
                                        const std::optional<domain::SourceKind>& kind,
                                        const std::optional<std::string>& text) {
  return ctx_.db().transact(TransactionMode::kRead, [&](storage::Connection& c) {
    auto agencies = ReadableAgencies(c, actor);
    std::string ids;
    for (Id id : agencies) ids += (ids.empty() ? "" : ", ") + std::to_string(id);
    if (ids.empty()) ids = "NULL";
    std::string like;
    if (text) {
      like = "%";
      for (char ch : *text) {
        if (ch == '%' || ch == '_' || ch == '\\') like += '\\';
        like += ch;
      }
      like += "%";
    }
    auto r = c.execute(std::string(kSourceSelect) + "WHERE s.agency_id IN (" + ids +
                           ") AND ($1 = '' OR s.kind = $1) AND ($2 = '' OR s.search_fold LIKE $2 "
                           "ESCAPE '\\') ORDER BY s.doc_date DESC, s.id DESC",
                       {Param(kind ? domain::SourceKindCode(*kind) : ""), Param(like)});
    return ReadRows<Source>(r);
  });
}

Expected<Source> SourceService::Get(const Actor& actor, Id id) {
  return ctx_.db().transact(
      TransactionMode::kRead, [&](storage::Connection& c) -> Expected<Source> {
        auto s = LoadSource(c, id);
        if (!s) return Error::NotFound();
        auto agencies = ReadableAgencies(c, actor);
        if (std::find(agencies.begin(), agencies.end(), s->agency_id) == agencies.end())
          return Error::NotFound();
        return *s;
      });
}

Expected<Source> SourceService::Create(const Actor& by, const SourceInput& input) {
  if (!MayManageSources(by)) return Error::Forbidden();
  const SourceInput in = Normalized(input);
  if (auto e = Validate(in)) return *e;
  return ctx_.db().transact(
      TransactionMode::kWrite, [&](storage::Connection& c) -> Expected<Source> {
        const std::int64_t now = Context::NowMillis();
        const Id id = ReturnedId(c.execute(
            "INSERT INTO sources (agency_id, kind, title, doc_number, doc_date, issuer, "
            "summary, search_fold, created_by, created_at, updated_at) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
            {Param(by.agency_id), Param(in.kind), Param(in.title), Param(in.doc_number),
             in.doc_date ? Param(in.doc_date->Iso()) : storage::Value(nullptr), Param(in.issuer),
             Param(in.summary), Param(SearchFold(in)), Param(by.user_id), Param(now)}));
        RecordEvent(c, {by.agency_id, "source", id, std::nullopt, "created", by.user_id, "",
                        SourceJson(in)});
        return *LoadSource(c, id);
      });
}

Expected<Source> SourceService::Update(const Actor& by, Id id, std::int64_t expected_version,
                                       const SourcePatch& patch) {
  if (!MayManageSources(by)) return Error::Forbidden();
  return ctx_.db().transact(
      TransactionMode::kWrite, [&](storage::Connection& c) -> Expected<Source> {
        auto before = LoadSource(c, id);
        if (!before || before->agency_id != by.agency_id) return Error::NotFound();
        const SourceInput in = Normalized(Patched(*before, patch));
        if (auto e = Validate(in)) return *e;
        auto r = c.execute(
            "UPDATE sources SET kind = $1, title = $2, doc_number = $3, doc_date = $4, issuer = "
            "$5, "
            "summary = $6, search_fold = $7, version = version + 1, updated_at = $8 "
            "WHERE id = $9 AND version = $10 RETURNING id",
            {Param(in.kind), Param(in.title), Param(in.doc_number),
             in.doc_date ? Param(in.doc_date->Iso()) : storage::Value(nullptr), Param(in.issuer),
             Param(in.summary), Param(SearchFold(in)), Param(Context::NowMillis()), Param(id),
             Param(expected_version)});
        if (r.empty()) return Error::PreconditionFailed();
        // Tasks carry the source's kind and number for filtering and search.
        if (in.kind != domain::SourceKindCode(before->kind))
          c.execute("UPDATE tasks SET source_kind = $1 WHERE source_id = $2",
                    {Param(in.kind), Param(id)});
        if (in.doc_number != before->doc_number) RefreshSourceTasksSearch(c, id);
        SourceInput old{std::string(domain::SourceKindCode(before->kind)),
                        before->title,
                        before->doc_number,
                        before->doc_date,
                        before->issuer,
                        before->summary};
        RecordEvent(c, {by.agency_id, "source", id, std::nullopt, "updated", by.user_id,
                        SourceJson(old), SourceJson(in)});
        return *LoadSource(c, id);
      });
}

}  // namespace giaoban::service
