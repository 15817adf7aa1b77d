// Sources of tasks (docs/domain.md#sources-of-tasks): programmes, directives and meetings, with
// the issuing document.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "service/actor.h"
#include "service/context.h"
#include "service/error.h"
#include "service/sources/model.h"

namespace giaoban::service {

struct SourceInput {
  std::string kind;
  std::string title;
  std::string doc_number;
  std::optional<Date> doc_date;
  std::string issuer;
  std::string summary;
};

// A change to a source: fields left empty keep their value; a doc_date holding nullopt clears it.
struct SourcePatch {
  std::optional<std::string> kind;
  std::optional<std::string> title;
  std::optional<std::string> doc_number;
  std::optional<std::optional<Date>> doc_date;
  std::optional<std::string> issuer;
  std::optional<std::string> summary;
};

class SourceService {
 public:
  explicit SourceService(const Context& ctx) : ctx_(ctx) {}

  // Sources of the actor's agency (and agencies below), newest document first; `text` is folded.
  std::vector<Source> List(const Actor& actor, const std::optional<domain::SourceKind>& kind,
                           const std::optional<std::string>& text);
  Expected<Source> Get(const Actor& actor, Id id);
  Expected<Source> Create(const Actor& by, const SourceInput& input);
  // Applies `patch` to the source as it is inside the transaction, so that the merge and the
  // write see the same row.
  Expected<Source> Update(const Actor& by, Id id, std::int64_t expected_version,
                          const SourcePatch& patch);

 private:
  const Context& ctx_;
};

std::optional<Source> LoadSource(storage::Connection& c, Id id);
// The source as a task about to copy its kind and number. On PostgreSQL the row is share-locked:
// a concurrent change of the source then either waits for this transaction (and rewrites the
// copies after it) or commits first and is what this read returns, so no copy is left stale.
std::optional<Source> LoadSourceForCopy(storage::Connection& c, Id id);

}  // namespace giaoban::service
