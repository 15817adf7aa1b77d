// A task's permissions written as eight letters in the order of the domain's table, '-' where
// denied: E edit, P report progress, C complete, R request an extension, D decide an extension,
// X cancel, Q ask for an explanation, A answer an explanation. The tests of the rules and of the
// task service both compare what they get with rows of that table in this form.
#pragma once

#include <string>
#include <utility>

#include "domain/task_permissions.h"

namespace giaoban::domain {

inline std::string PermissionLetters(const TaskPermissions& p) {
  const std::pair<bool, char> flags[] = {{p.edit, 'E'},
                                         {p.report_progress, 'P'},
                                         {p.complete, 'C'},
                                         {p.request_extension, 'R'},
                                         {p.decide_extension, 'D'},
                                         {p.cancel, 'X'},
                                         {p.request_explanation, 'Q'},
                                         {p.answer_explanation, 'A'}};
  std::string out;
  for (const auto& [allowed, letter] : flags) out.push_back(allowed ? letter : '-');
  return out;
}

}  // namespace giaoban::domain
