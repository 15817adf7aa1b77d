// What a cached answer was computed from (migration 0009): the version of every agency its reader
// can see, and of what belongs to no agency. Every committed change to an agency's data moves that
// agency's version, so two reads of the same versions saw the same data; writers of other agencies
// move nothing a reader here depends on, and never wait for one another.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "service/actor.h"
#include "service/context.h"
#include "service/model.h"

namespace giaoban::service {

struct DataVersion {
  // (agency id, version) in agency order; agency 0 stands for what belongs to no agency.
  std::vector<std::pair<Id, std::int64_t>> parts;

  bool operator==(const DataVersion&) const = default;
  // The same agencies, none of them behind `other`: whatever `other` saw, this saw too.
  bool Covers(const DataVersion& other) const;
};

DataVersion ReadDataVersion(storage::Connection& c, const Actor& reader);
DataVersion ReadDataVersion(const Context& ctx, const Actor& reader);

}  // namespace giaoban::service
