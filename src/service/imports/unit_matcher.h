// The agency's units as work programs name them: in full ("Phòng Kế hoạch - Tài chính"), by code
// ("KHTC", "P. KHTC"), by initials, in any case and with or without diacritics; several in one cell
// for the cooperating units. A run of capitals may stand for the initials of words of the name
// ("Ban QLDA", "VP Ban ATGT"), and a name may be written with its tail left off ("Trung tâm Đăng
// kiểm" for "Trung tâm Đăng kiểm xe cơ giới") when that names one unit only. What cannot be told
// for sure is offered as suggestions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "service/model.h"

namespace giaoban::service {

struct UnitCandidate {
  Id id = 0;
  std::string name;  // "Phòng Kế hoạch - Tài chính"
  std::string code;  // "KHTC"; may be empty
};

struct UnitMatch {
  std::optional<Id> id;         // the unit the text names, when only one fits
  std::vector<Id> suggestions;  // otherwise the likeliest, best first, at most three
};

// The names in a cell of units: "Phòng KHTC, Văn phòng Sở; Thanh tra Sở" -> three.
std::vector<std::string> SplitUnitNames(std::string_view cell);

class UnitMatcher {
 public:
  explicit UnitMatcher(std::vector<UnitCandidate> units);

  UnitMatch Match(std::string_view written) const;

  // The names in a cell of units, as SplitUnitNames gives them, except that pieces which only
  // together name a unit stay together: "Phòng Quản lý vận tải, phương tiện và người lái".
  std::vector<std::string> Split(std::string_view cell) const;

 private:
  struct Keyed {
    Id id = 0;
    std::vector<std::string> keys;   // folded forms that name it exactly
    std::vector<std::string> words;  // its folded name's words, abbreviations written out
    std::size_t kind = 0;            // how many of them say what kind of unit it is ("van phong")
    // The first word of the last field a name lists ("người lái" of "vận tải, phương tiện và
    // người lái"; 0 when it lists none): a name with its tail left off reaches past it.
    std::size_t last_field = 0;
    std::vector<double> weights;  // how distinctive each word is among the units, for suggestions
  };
  std::vector<Keyed> units_;
  // The most pieces a unit's name splits into ("Phòng Quản lý vận tải, phương tiện và người lái":
  // 2): no longer run of a cell's pieces is tried as one name.
  std::size_t longest_name_pieces_ = 1;
};

}  // namespace giaoban::service
