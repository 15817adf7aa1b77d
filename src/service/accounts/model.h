// An account: who logs in, with which role, as which person.
#pragma once

#include <boost/describe/class.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "service/model.h"
#include "service/organizations/model.h"

namespace giaoban::service {

struct User {
  Id id = 0;
  std::string username;
  Role role = Role::kViewer;
  bool disabled = false;
  Person person;
  std::int64_t version = 1;
};

BOOST_DESCRIBE_STRUCT(User, (), (id, username, role, disabled, person, version))

}  // namespace giaoban::service
