// Importing a work program from a spreadsheet (docs/domain.md#importing-a-work-program): the file
// is uploaded for a source and kept with the user's choices; its preview shows every row as the
// task it would become, with its problems; confirming writes all its tasks in one transaction,
// or none when a row still has an error. Each call is one transaction.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "service/actor.h"
#include "service/context.h"
#include "service/error.h"
#include "service/imports/model.h"
#include "service/imports/source_program.h"
#include "sheets/sheet.h"

namespace giaoban::service {

struct NewImport {
  Id source_id = 0;
  std::string file_name;
  std::string content;  // the file's bytes
  std::size_t sheet = 0;
};

// A change to an import's choices; what is not given stays.
struct ImportChoicesPatch {
  std::optional<std::size_t> sheet;
  std::optional<GroupsAs> groups_as;
  std::map<std::size_t, ColumnChoice> columns;          // added to those chosen before
  std::map<std::string, std::optional<Id>> unit_fixes;  // by the name as written; none removes
  // The program's year; none gives it back to the source's title or date.
  std::optional<std::optional<int>> year;
};

// The years a program's year may be.
inline constexpr int kMinProgramYear = 2000;
inline constexpr int kMaxProgramYear = 2100;

struct PreviewQuery {
  int page = 1;
  int page_size = 100;
  bool problems_only = false;  // only rows with errors or warnings
};

inline constexpr int kMaxPreviewPageSize = 500;

class ImportService {
 public:
  explicit ImportService(const Context& ctx, sheets::Limits limits = {})
      : ctx_(ctx), limits_(limits) {}

  Expected<ImportPreview> Start(const Actor& by, const NewImport& file, const PreviewQuery& query);
  Expected<ImportPreview> Preview(const Actor& actor, Id id, const PreviewQuery& query);
  Expected<ImportPreview> Choose(const Actor& by, Id id, std::int64_t expected_version,
                                 const ImportChoicesPatch& patch, const PreviewQuery& query);
  Expected<ImportResult> Confirm(const Actor& by, Id id, std::int64_t expected_version);
  // Forgets a draft and its file.
  Status Discard(const Actor& by, Id id, std::int64_t expected_version);
  // The imports of a source, newest first.
  Expected<std::vector<ImportSummary>> List(const Actor& actor, Id source_id);
  // The file as uploaded.
  struct File {
    std::string name;
    std::string kind;
    std::string content;
  };
  Expected<File> Download(const Actor& actor, Id id);
  // The source's tasks as the program they make, to write back in the layout imports read.
  Expected<SourceProgram> Program(const Actor& actor, Id source_id) {
    return LoadSourceProgram(ctx_, actor, source_id);
  }

  const sheets::Limits& limits() const { return limits_; }

 private:
  const Context& ctx_;
  sheets::Limits limits_;
};

// The error an unreadable file gets: its code names the failure ("file_broken_xml"), its detail
// says where.
Error ReadFailureError(const sheets::Failure& failure);

}  // namespace giaoban::service
