// The organisation tree and the people in it, as the services hand them out.
#pragma once

#include <boost/describe/class.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "service/model.h"

namespace giaoban::service {

struct Organization {
  Id id = 0;
  std::optional<Id> parent_id;
  std::optional<Id> agency_id;
  std::string kind;  // committee, department, division, unit, office, other
  std::string code;
  std::string name;
  std::string place_name;
  std::optional<Date> valid_from;
  std::optional<Date> valid_to;
  std::optional<Id> successor_id;
  std::int64_t version = 1;
};

BOOST_DESCRIBE_STRUCT(Organization, (),
                      (id, parent_id, agency_id, kind, code, name, place_name, valid_from, valid_to,
                       successor_id, version))

struct Person {
  Id id = 0;
  Id organization_id = 0;
  std::string organization_name;
  std::string full_name;
  std::string position;
  std::string email;
  std::string phone;
  bool active = true;
  std::int64_t version = 1;
  std::optional<Role> role;  // of the person's account; none without one
};

BOOST_DESCRIBE_STRUCT(Person, (),
                      (id, organization_id, organization_name, full_name, position, email, phone,
                       active, version, role))

}  // namespace giaoban::service
