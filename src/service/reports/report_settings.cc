#include "service/reports/report_settings.h"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "domain/reporting_period.h"
#include "intl/text.h"
#include "service/audit.h"
#include "service/organizations/organizations.h"
#include "service/reports/png_check.h"
#include "service/tasks/attachment_digest.h"

namespace giaoban::service {

namespace json = boost::json;
using storage::Param;
using storage::TransactionMode;

namespace {

constexpr int kMaxDueWorkingDays = 20;
constexpr std::size_t kMaxRecipients = 20;
constexpr std::size_t kMaxDocumentTypes = 30;
constexpr std::size_t kMaxSigners = 10;
constexpr std::size_t kLineMaxBytes = 300;
constexpr std::size_t kNameMaxBytes = 200;
constexpr std::size_t kCodeMaxBytes = 20;

// Codes in document numbers ("SGTVT", "BC", "UBND-KT"): upper-case letters, Đ, digits and hyphens,
// as Nghị định 30 writes them. A type's code may also hold lower-case letters: the decree's own
// list writes "CTr" (chương trình) and "TTr" (tờ trình).
bool IsDocumentCode(std::string_view code, bool lower_case_too = false) {
  if (code.empty() || code.size() > kCodeMaxBytes) return false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') continue;
    if (lower_case_too && c >= 'a' && c <= 'z') continue;
    if (code.substr(i, 2) == "\xC4\x90") {  // Đ
      ++i;
      continue;
    }
    return false;
  }
  return true;
}

// The lists as stored and as the history records them.
json::array SignersArray(const std::vector<ReportSettingsInput::Signer>& signers) {
  json::array out;
  for (const auto& s : signers)
    out.push_back({{"person_id", s.person_id}, {"authority", s.authority}, {"title", s.title}});
  return out;
}

json::array LinesArray(const std::vector<std::string>& lines) {
  json::array out;
  for (const auto& line : lines) out.push_back(json::string(line));
  return out;
}

json::array TypesArray(const std::vector<DocumentType>& types) {
  json::array out;
  for (const auto& t : types) out.push_back({{"name", t.name}, {"code", t.code}});
  return out;
}

std::string SettingsJson(const ReportSettings& s) {
  std::vector<ReportSettingsInput::Signer> signers;
  for (const auto& g : s.signers) signers.push_back({g.person_id, g.authority, g.title});
  json::object out{{"period_convention", s.period_convention},
                   {"due_working_days", s.due_working_days},
                   {"agency_code", s.agency_code},
                   {"place_name", s.place_name},
                   {"parent_line", s.parent_line},
                   {"agency_line", s.agency_line},
                   {"recipients", LinesArray(s.recipients)},
                   {"document_types", TypesArray(s.document_types)},
                   {"signers", SignersArray(signers)}};
  if (s.consolidating_org_id) out["consolidating_org_id"] = *s.consolidating_org_id;
  return json::serialize(out);
}

ReportSettings Defaults(storage::Connection& c, Id agency_id) {
  ReportSettings s;
  s.agency_id = agency_id;
  s.period_convention = std::string(PeriodConventionCode(domain::PeriodConvention::kCalendarMonth));
  s.due_working_days = 3;
  if (auto agency = LoadOrganization(c, agency_id)) {
    s.agency_code = agency->code;
    s.place_name = agency->place_name;
    s.agency_line = intl::ToUpper(agency->name);
    if (agency->parent_id) {
      if (auto parent = LoadOrganization(c, *agency->parent_id))
        s.parent_line = intl::ToUpper(parent->name);
    }
  }
  s.recipients = {"Lưu: VT."};
  s.document_types = {{"Báo cáo", "BC"}, {"Thông báo", "TB"}, {"Kế hoạch", "KH"}};
  return s;
}

// The signers with their current names; a person no longer found is left out.
std::vector<ReportSigner> Named(storage::Connection& c,
                                const std::vector<ReportSettingsInput::Signer>& signers) {
  std::vector<ReportSigner> out;
  for (const auto& s : signers) {
    auto r = c.execute("SELECT full_name FROM people WHERE id = $1", {Param(s.person_id)});
    if (!r.empty())
      out.push_back({s.person_id, r.one().text(0), s.authority, s.title, std::nullopt});
  }
  return out;
}

ReportSettings FromRow(storage::Connection& c, const storage::Result& r) {
  const storage::Row& row = r.one();
  ReportSettings s;
  s.agency_id = row.integer(r.column("agency_id"));
  s.period_convention = row.text(r.column("period_convention"));
  s.due_working_days = static_cast<int>(row.integer(r.column("due_working_days")));
  if (!row.is_null(r.column("consolidating_org_id")))
    s.consolidating_org_id = row.integer(r.column("consolidating_org_id"));
  s.agency_code = row.text(r.column("agency_code"));
  s.place_name = row.text(r.column("place_name"));
  s.parent_line = row.text(r.column("parent_line"));
  s.agency_line = row.text(r.column("agency_line"));
  // Each parsed list is held in a variable: a range over a member of a temporary would dangle.
  const json::value recipients = json::parse(row.text(r.column("recipients")));
  for (const auto& v : recipients.as_array()) s.recipients.emplace_back(v.as_string());
  const json::value types = json::parse(row.text(r.column("document_types")));
  for (const auto& v : types.as_array()) {
    const auto& o = v.as_object();
    s.document_types.push_back(
        {std::string(o.at("name").as_string()), std::string(o.at("code").as_string())});
  }
  std::vector<ReportSettingsInput::Signer> signers;
  const json::value stored_signers = json::parse(row.text(r.column("signers")));
  for (const auto& v : stored_signers.as_array()) {
    const auto& o = v.as_object();
    signers.push_back({o.at("person_id").as_int64(), std::string(o.at("authority").as_string()),
                       std::string(o.at("title").as_string())});
  }
  s.signers = Named(c, signers);
  s.version = row.integer(r.column("version"));
  return s;
}

ReportSettingsInput Normalized(const ReportSettingsInput& in) {
  ReportSettingsInput out = in;
  for (std::string* text : {&out.agency_code, &out.place_name, &out.parent_line, &out.agency_line})
    *text = intl::ToNfc(*text);
  for (auto& line : out.recipients) line = intl::ToNfc(line);
  for (auto& t : out.document_types) t = {intl::ToNfc(t.name), intl::ToNfc(t.code)};
  for (auto& s : out.signers) s = {s.person_id, intl::ToNfc(s.authority), intl::ToNfc(s.title)};
  return out;
}

// What is wrong with the settings taken alone; the organisation and the people are checked
// against the database.
void CheckShape(const ReportSettingsInput& in, Validator& v) {
  if (!domain::ParsePeriodConvention(in.period_convention)) v.Add("period_convention", "invalid");
  if (in.due_working_days < 0 || in.due_working_days > kMaxDueWorkingDays)
    v.Add("due_working_days", "out_of_range");
  if (!IsDocumentCode(in.agency_code)) v.Add("agency_code", "invalid");
  v.RequireText("place_name", in.place_name, kNameMaxBytes);
  v.LimitText("parent_line", in.parent_line, kNameMaxBytes);
  v.RequireText("agency_line", in.agency_line, kNameMaxBytes);
  if (in.recipients.size() > kMaxRecipients) v.Add("recipients", "too_many");
  if (std::any_of(in.recipients.begin(), in.recipients.end(), [](const std::string& line) {
        return line.empty() || line.size() > kLineMaxBytes;
      }))
    v.Add("recipients", "invalid");
  if (in.document_types.empty()) v.Add("document_types", "required");
  if (in.document_types.size() > kMaxDocumentTypes) v.Add("document_types", "too_many");
  std::set<std::string> codes;
  bool bad_type = false, duplicate_type = false;
  for (const auto& t : in.document_types) {
    if (t.name.empty() || t.name.size() > kNameMaxBytes || !IsDocumentCode(t.code, true))
      bad_type = true;
    if (!codes.insert(t.code).second) duplicate_type = true;
  }
  if (bad_type) v.Add("document_types", "invalid");
  if (duplicate_type) v.Add("document_types", "duplicate");
  if (in.signers.size() > kMaxSigners) v.Add("signers", "too_many");
  std::set<Id> people;
  bool bad_signer = false, duplicate_signer = false;
  for (const auto& s : in.signers) {
    if (s.title.empty() || s.title.size() > kNameMaxBytes || s.authority.size() > kNameMaxBytes)
      bad_signer = true;
    if (!people.insert(s.person_id).second) duplicate_signer = true;
  }
  if (bad_signer) v.Add("signers", "invalid");
  if (duplicate_signer) v.Add("signers", "duplicate");
}

bool InAgency(storage::Connection& c, const char* sql, Id id, Id agency) {
  auto r = c.execute(sql, {Param(id)});
  return !r.empty() && !r.one().is_null(0) && r.one().integer(0) == agency;
}

// Where an image is kept: the seal's row of the agency, or the signer's.
struct ImageRow {
  std::string table;
  std::string key_columns;
  std::string where;
  std::vector<storage::Value> key;
  std::string field;  // of the errors about it
};

ImageRow RowOf(Id agency, const ImageSlot& slot) {
  if (!slot.signer) return {"report_seals", "agency_id", "agency_id = $1", {Param(agency)}, "seal"};
  return {"report_signatures",
          "agency_id, person_id",
          "agency_id = $1 AND person_id = $2",
          {Param(agency), Param(*slot.signer)},
          "signature"};
}

// The image of `row` as the settings show it, if it is set.
std::optional<ReportImage> StoredImage(storage::Connection& c, const ImageRow& row) {
  auto r =
      c.execute("SELECT sha256, width, height FROM " + row.table + " WHERE " + row.where, row.key);
  if (r.empty()) return std::nullopt;
  const storage::Row& one = r.one();
  return ReportImage{one.text(0), static_cast<int>(one.integer(1)),
                     static_cast<int>(one.integer(2))};
}

std::string ImageJson(const ImageSlot& slot, const std::optional<ReportImage>& image) {
  if (!image) return "";
  json::object out{{"sha256", image->sha256}, {"width", image->width}, {"height", image->height}};
  if (slot.signer) out["person_id"] = *slot.signer;
  return json::serialize(out);
}

// Whether the slot may hold an image: the seal always, a signature while its person signs. The
// answer holds until the transaction ends: on PostgreSQL the settings' row is locked against
// changes (FOR SHARE) before the signers are read, so an update of the settings either has
// committed already, and its signers are the ones read, or waits for this transaction, then
// deletes what it wrote if it leaves the signer out (Update). SQLite has one writer at a time.
bool SlotExists(storage::Connection& c, Id agency, const ImageSlot& slot) {
  if (!slot.signer) return true;
  if (c.dialect() == storage::Dialect::kPostgres) {
    c.execute("SELECT agency_id FROM report_settings WHERE agency_id = $1 FOR SHARE",
              {Param(agency)});
  }
  const ReportSettings settings = LoadReportSettings(c, agency);
  return std::any_of(settings.signers.begin(), settings.signers.end(),
                     [&](const ReportSigner& s) { return s.person_id == *slot.signer; });
}

}  // namespace

Expected<domain::ReportingPeriod> ReportingPeriodOf(const ReportSettings& settings,
                                                    std::string_view key, Date today,
                                                    const std::string& field) {
  const auto convention = domain::ParsePeriodConvention(settings.period_convention)
                              .value_or(domain::PeriodConvention::kCalendarMonth);
  const auto period = domain::ReportingPeriod::Parse(key, convention);
  if (!period) return Error::Validation({{field, "invalid"}});
  if (period->start() > today) return Error::Validation({{field, "not_started"}});
  return *period;
}

ReportSettings LoadReportSettings(storage::Connection& c, Id agency_id) {
  auto r = c.execute(
      "SELECT agency_id, period_convention, due_working_days, consolidating_org_id, agency_code, "
      "place_name, parent_line, agency_line, recipients, document_types, signers, version "
      "FROM report_settings WHERE agency_id = $1",
      {Param(agency_id)});
  ReportSettings s = r.empty() ? Defaults(c, agency_id) : FromRow(c, r);
  s.seal = StoredImage(c, RowOf(agency_id, ImageSlot::Seal()));
  for (const auto& row : c.execute("SELECT person_id, sha256, width, height "
                                   "FROM report_signatures WHERE agency_id = $1",
                                   {Param(agency_id)})
                             .rows) {
    for (ReportSigner& signer : s.signers) {
      if (signer.person_id == row.integer(0)) {
        signer.signature = ReportImage{row.text(1), static_cast<int>(row.integer(2)),
                                       static_cast<int>(row.integer(3))};
      }
    }
  }
  return s;
}

DocumentImages LoadDocumentImages(storage::Connection& c, Id agency_id, Id signer_person_id) {
  DocumentImages images;
  auto read = [&](const ImageRow& row, std::string& png) -> std::optional<ReportImage> {
    auto r = c.execute(
        "SELECT png, sha256, width, height FROM " + row.table + " WHERE " + row.where, row.key);
    if (r.empty()) return std::nullopt;
    const storage::Row& found = r.one();
    png = found.blob(0).bytes;
    return ReportImage{found.text(1), static_cast<int>(found.integer(2)),
                       static_cast<int>(found.integer(3))};
  };
  images.signature =
      read(RowOf(agency_id, ImageSlot::SignatureOf(signer_person_id)), images.signature_png);
  read(RowOf(agency_id, ImageSlot::Seal()), images.seal_png);
  return images;
}

Expected<ReportSettings> ReportSettingsService::Get(const Actor& actor) {
  return ctx_.db().transact(TransactionMode::kRead,
                            [&](storage::Connection& c) -> Expected<ReportSettings> {
                              return LoadReportSettings(c, actor.agency_id);
                            });
}

Expected<ReportSettings> ReportSettingsService::Update(const Actor& by,
                                                       std::int64_t expected_version,
                                                       const ReportSettingsInput& input) {
  if (!by.is_admin()) return Error::Forbidden();
  const ReportSettingsInput in = Normalized(input);
  Validator shape;
  CheckShape(in, shape);
  if (!shape.ok()) return shape.error();
  return ctx_.db().transact(
      TransactionMode::kWrite, [&](storage::Connection& c) -> Expected<ReportSettings> {
        const Id agency = by.agency_id;
        Validator v;
        // A division of the agency, not the agency itself.
        if (in.consolidating_org_id &&
            (*in.consolidating_org_id == agency ||
             !InAgency(c, "SELECT agency_id FROM organizations WHERE id = $1",
                       *in.consolidating_org_id, agency)))
          v.Add("consolidating_org_id", "not_found");
        for (const auto& s : in.signers) {
          if (!InAgency(c,
                        "SELECT o.agency_id FROM people p JOIN organizations o "
                        "ON o.id = p.organization_id WHERE p.id = $1",
                        s.person_id, agency)) {
            v.Add("signers", "not_found");
            break;
          }
        }
        if (!v.ok()) return v.error();
        const ReportSettings before = LoadReportSettings(c, agency);
        if (before.version != expected_version) return Error::PreconditionFailed();
        const std::vector<storage::Value> values = {
            Param(agency),
            Param(in.period_convention),
            Param(in.due_working_days),
            in.consolidating_org_id ? Param(*in.consolidating_org_id) : storage::Value(nullptr),
            Param(in.agency_code),
            Param(in.place_name),
            Param(in.parent_line),
            Param(in.agency_line),
            Param(json::serialize(LinesArray(in.recipients))),
            Param(json::serialize(TypesArray(in.document_types))),
            Param(json::serialize(SignersArray(in.signers))),
            Param(Context::NowMillis()),
            Param(by.user_id),
            Param(expected_version)};
        if (expected_version == 0) {
          // Two administrators setting the defaults at once: the second finds the row taken.
          auto r = c.execute(
              "INSERT INTO report_settings (agency_id, period_convention, due_working_days, "
              "consolidating_org_id, agency_code, place_name, parent_line, agency_line, "
              "recipients, "
              "document_types, signers, updated_at, updated_by) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) "
              "ON CONFLICT (agency_id) DO NOTHING RETURNING agency_id",
              std::span(values.data(), values.size() - 1));
          if (r.empty()) return Error::PreconditionFailed();
        } else {
          // The version in the condition: a change committed since the read wins.
          auto r = c.execute(
              "UPDATE report_settings SET period_convention = $2, due_working_days = $3, "
              "consolidating_org_id = $4, agency_code = $5, place_name = $6, parent_line = $7, "
              "agency_line = $8, recipients = $9, document_types = $10, signers = $11, "
              "updated_at = $12, updated_by = $13, version = version + 1 "
              "WHERE agency_id = $1 AND version = $14 RETURNING agency_id",
              values);
          if (r.empty()) return Error::PreconditionFailed();
        }
        // The signature of someone who no longer signs is of no use to the agency, and not one
        // to keep. Which to delete is decided here, after the row is written, not from what was
        // read before: an image being set holds the row until it commits (SlotExists), and this
        // statement sees what it stored.
        std::vector<storage::Value> signers{Param(agency)};
        std::string kept;
        for (const auto& s : in.signers) {
          signers.push_back(Param(s.person_id));
          kept += (kept.empty() ? "$" : ", $") + std::to_string(signers.size());
        }
        c.execute("DELETE FROM report_signatures WHERE agency_id = $1" +
                      (kept.empty() ? std::string() : " AND person_id NOT IN (" + kept + ")"),
                  signers);
        const ReportSettings after = LoadReportSettings(c, agency);
        RecordEvent(c, {agency, "report_settings", agency, std::nullopt, "updated", by.user_id,
                        before.version ? SettingsJson(before) : "", SettingsJson(after)});
        return after;
      });
}

Expected<ReportImage> ReportSettingsService::SetImage(const Actor& by, const ImageSlot& slot,
                                                      std::string_view png) {
  if (!by.is_admin()) return Error::Forbidden();
  const ImageRow row = RowOf(by.agency_id, slot);
  const PngCheck check = CheckDocumentImage(png);
  if (!check.problem.empty()) return Error::Validation({{row.field, check.problem}});
  const ReportImage image{Sha256Hex(png), check.width, check.height};
  return ctx_.db().transact(
      TransactionMode::kWrite, [&](storage::Connection& c) -> Expected<ReportImage> {
        if (!SlotExists(c, by.agency_id, slot)) return Error::NotFound();
        const std::optional<ReportImage> before = StoredImage(c, row);
        std::vector<storage::Value> values = row.key;
        values.insert(values.end(), {Param(storage::Blob{std::string(png)}), Param(image.sha256),
                                     Param(image.width), Param(image.height),
                                     Param(Context::NowMillis()), Param(by.user_id)});
        std::string placeholders;
        for (std::size_t i = 1; i <= values.size(); ++i)
          placeholders += (i > 1 ? ", $" : "$") + std::to_string(i);
        c.execute("INSERT INTO " + row.table + " (" + row.key_columns +
                      ", png, sha256, width, height, updated_at, updated_by) VALUES (" +
                      placeholders + ") ON CONFLICT (" + row.key_columns +
                      ") DO UPDATE SET png = excluded.png, sha256 = excluded.sha256, "
                      "width = excluded.width, height = excluded.height, "
                      "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                  values);
        RecordEvent(c, {by.agency_id, "report_settings", by.agency_id, std::nullopt,
                        slot.signer ? "signature_set" : "seal_set", by.user_id,
                        ImageJson(slot, before), ImageJson(slot, image)});
        return image;
      });
}

Status ReportSettingsService::RemoveImage(const Actor& by, const ImageSlot& slot) {
  if (!by.is_admin()) return Error::Forbidden();
  const ImageRow row = RowOf(by.agency_id, slot);
  return ctx_.db().transact(TransactionMode::kWrite, [&](storage::Connection& c) -> Status {
    if (!SlotExists(c, by.agency_id, slot)) return Error::NotFound();
    const std::optional<ReportImage> before = StoredImage(c, row);
    if (!before) return Ok();
    c.execute("DELETE FROM " + row.table + " WHERE " + row.where, row.key);
    RecordEvent(c, {by.agency_id, "report_settings", by.agency_id, std::nullopt,
                    slot.signer ? "signature_removed" : "seal_removed", by.user_id,
                    ImageJson(slot, before), ""});
    return Ok();
  });
}

Expected<ReportImageFile> ReportSettingsService::Image(const Actor& reader, const ImageSlot& slot) {
  const ImageRow row = RowOf(reader.agency_id, slot);
  return ctx_.db().transact(
      TransactionMode::kRead, [&](storage::Connection& c) -> Expected<ReportImageFile> {
        auto r = c.execute("SELECT sha256, png FROM " + row.table + " WHERE " + row.where, row.key);
        if (r.empty()) return Error::NotFound();
        return ReportImageFile{r.one().text(0), r.one().blob(1).bytes};
      });
}

}  // namespace giaoban::service
