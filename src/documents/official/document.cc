#include "documents/official/document.h"

#include <string>
#include <utility>

#include "domain/document_lines.h"
#include "intl/text.h"

namespace giaoban::documents {

void BodyBuilder::Section(std::string text) {
  ++sections_;
  subsections_ = 0;
  points_ = 0;
  blocks_.emplace_back(
      Heading{1, domain::RomanNumeral(sections_) + ".", intl::ToUpper(std::move(text))});
}

void BodyBuilder::Subsection(std::string text) {
  ++subsections_;
  points_ = 0;
  blocks_.emplace_back(Heading{2, std::to_string(subsections_) + ".", std::move(text)});
}

void BodyBuilder::Point(std::string text) {
  // a) to z) is enough for any report; beyond it the letters would stop being letters.
  const char letter = static_cast<char>('a' + points_ % 26);
  ++points_;
  blocks_.emplace_back(Heading{3, std::string(1, letter) + ")", std::move(text)});
}

namespace {

void Normalize(std::string& text) { text = intl::ToNfc(text); }

struct BlockNormalizer {
  void operator()(Paragraph& p) const {
    for (Run& r : p.runs) Normalize(r.text);
  }
  void operator()(Heading& h) const {
    Normalize(h.label);
    Normalize(h.text);
  }
  void operator()(List& l) const {
    for (std::string& item : l.items) Normalize(item);
  }
  void operator()(Table& t) const {
    for (TableColumn& c : t.columns) Normalize(c.header);
    for (TableRow& row : t.rows) {
      for (std::string& cell : row.cells) Normalize(cell);
    }
  }
};

}  // namespace

OfficialDocument Normalized(OfficialDocument d) {
  for (std::string* text :
       {&d.parent_agency, &d.agency, &d.number_line, &d.place_date_line, &d.type_name, &d.summary,
        &d.signature.authority, &d.signature.title, &d.signature.name}) {
    Normalize(*text);
  }
  for (std::string& line : d.recipients) Normalize(line);
  for (Block& block : d.body) std::visit(BlockNormalizer{}, block);
  return d;
}

std::vector<Block> BodyWithEndMark(const std::vector<Block>& body) {
  static constexpr const char* kEndMark = "./.";
  std::vector<Block> out = body;
  if (!out.empty()) {
    if (auto* last = std::get_if<Paragraph>(&out.back()); last && !last->runs.empty()) {
      // "... báo cáo./.": the mark takes the place of the sentence's full stop.
      std::string& text = last->runs.back().text;
      while (!text.empty() && (text.back() == ' ' || text.back() == '.')) text.pop_back();
      text += kEndMark;
      return out;
    }
  }
  out.emplace_back(Paragraph{{Run{kEndMark}}});
  return out;
}

}  // namespace giaoban::documents
