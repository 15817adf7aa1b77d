// One model for every official document the agency issues (reports, notices, invitations,
// minutes), laid out as Nghị định 30/2020/NĐ-CP, Phụ lục I prescribes (docs/domain.md#official-
// documents). The renderers (docx.h, pdf.h) draw the same model; what a document says is decided
// once, where it is built, and never by a renderer.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "domain/date.h"

namespace giaoban::documents {

enum class Align { kLeft, kCenter, kRight, kJustify };

// A stretch of text in one style.
struct Run {
  std::string text;
  bool bold = false;
  bool italic = false;
};

// Body text: justified with its first line indented, unless it says otherwise.
struct Paragraph {
  std::vector<Run> runs;
  Align align = Align::kJustify;
  bool indent_first_line = true;
};

// A numbered heading: level 1 is a section ("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ", bold capitals), level
// 2 a subsection ("1. Nhiệm vụ trọng tâm", bold), level 3 a point ("a) ...", bold italic). The
// label is given by BodyBuilder, so that every renderer numbers alike.
struct Heading {
  int level = 1;
  std::string label;  // "I.", "1.", "a)"
  std::string text;
};

// "- item;" lines, indented like paragraphs.
struct List {
  std::vector<std::string> items;
};

struct TableColumn {
  std::string header;
  double width = 1;  // relative to the other columns'
  Align align = Align::kLeft;
};

// A row of cells, or, when `group` is set, one bold cell across the table ("I. Nhiệm vụ trọng
// tâm").
struct TableRow {
  std::vector<std::string> cells;
  bool group = false;
  bool bold = false;  // a totals row
};

// A table as wide as the text. Its header row is repeated on every page the table runs onto.
struct Table {
  std::vector<TableColumn> columns;
  std::vector<TableRow> rows;
};

using Block = std::variant<Paragraph, Heading, List, Table>;

// The signature block, right of "Nơi nhận": "KT. GIÁM ĐỐC" (for a deputy signing for the head;
// empty when the head signs), "PHÓ GIÁM ĐỐC", the space for the signature, the signer's name. The
// electronic copy carries the signature image in that space and the seal over its left third.
struct Signature {
  std::string authority;
  std::string title;
  std::string name;
  std::string signature_png;  // the image file's bytes; empty for none
  std::string seal_png;
};

struct OfficialDocument {
  // Left heading: the parent agency (regular) and the issuing agency (bold), in capitals.
  std::string parent_agency;
  std::string agency;
  std::string number_line;      // "Số: 15/BC-SGTVT"
  std::string place_date_line;  // "Quảng Ngãi, ngày 05 tháng 01 năm 2024"
  std::string type_name;        // "BÁO CÁO", in capitals
  std::string summary;  // the line under it: "Kết quả thực hiện nhiệm vụ tháng 8/2023"
  std::vector<Block> body;              // the renderers end it with "./."
  std::vector<std::string> recipients;  // "Nơi nhận", one line each, without its dash: "Như trên;"
  Signature signature;
  // A document not issued yet says so above its heading ("DỰ THẢO") and has no number.
  bool draft = false;
  domain::Date date;  // the document's date, also its files' date
};

// Numbers headings as it adds them: sections with Roman numerals, subsections from 1 in each
// section, points from a) in each subsection.
class BodyBuilder {
 public:
  void Section(std::string text);
  void Subsection(std::string text);
  void Point(std::string text);
  void Add(Paragraph paragraph) { blocks_.emplace_back(std::move(paragraph)); }
  void Text(std::string text) { Add(Paragraph{{Run{std::move(text)}}}); }
  void Add(List list) { blocks_.emplace_back(std::move(list)); }
  void Add(Table table) { blocks_.emplace_back(std::move(table)); }

  std::vector<Block> Take() { return std::move(blocks_); }

 private:
  std::vector<Block> blocks_;
  int sections_ = 0;
  int subsections_ = 0;
  int points_ = 0;
};

// The document with every text in NFC, as the decree's Unicode requirement and every search
// expects; both renderers draw this form.
OfficialDocument Normalized(OfficialDocument document);

// The body as it is printed: "./." after its last words.
std::vector<Block> BodyWithEndMark(const std::vector<Block>& body);

}  // namespace giaoban::documents
