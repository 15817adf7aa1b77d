#include "sheets/xlsx_reader.h"

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <map>
#include <memory>
#include <optional>

#include "domain/utf8.h"
#include "sheets/excel_date.h"

namespace giaoban::sheets {

namespace {

constexpr std::size_t kChunk = 64 << 10;
constexpr std::size_t kSlack = 1 << 20;  // a part's first mebibyte, whatever it packs to

// An element's or attribute's name without its namespace: the parser gives "uri|local", and files
// differ in which prefixes they use ("c", "x:c") for the same element.
std::string_view Local(const char* name) {
  const std::string_view full(name);
  const std::size_t bar = full.rfind('|');
  return bar == std::string_view::npos ? full : full.substr(bar + 1);
}

std::optional<std::string_view> Attribute(const char** attributes, std::string_view local) {
  for (const char** a = attributes; *a != nullptr; a += 2)
    if (Local(a[0]) == local) return std::string_view(a[1]);
  return std::nullopt;
}

// What a part's XML is read for: its elements by local name, the text inside them. A handler that
// finds the part wrong says so in `failure`, and the reading stops there.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void Start(std::string_view name, const char** attributes) = 0;
  virtual void End(std::string_view name) = 0;
  virtual void Text(std::string_view) {}

  std::optional<Failure> failure;
};

// "B12" -> column 1, row 11; nullopt for anything else. Row is nullopt for a bare column ("B").
struct CellRef {
  std::size_t column;
  std::optional<std::size_t> row;
};
std::optional<CellRef> ParseCellRef(std::string_view ref) {
  std::size_t i = 0;
  std::size_t column = 0;
  for (; i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i])); ++i) {
    if (i >= 3) return std::nullopt;  // XFD is the last column
    column = column * 26 + static_cast<std::size_t>(std::toupper(ref[i]) - 'A' + 1);
  }
  if (i == 0) return std::nullopt;
  if (i == ref.size()) return CellRef{column - 1, std::nullopt};
  std::size_t row = 0;
  const auto [end, error] = std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
  if (error != std::errc() || end != ref.data() + ref.size() || row == 0) return std::nullopt;
  return CellRef{column - 1, row - 1};
}

// A workbook's zip, read from memory, each part through an XmlHandler within the limits.
class Archive {
 public:
  Archive(zip_t* zip, const Limits& limits) : zip_(zip), limits_(limits) {}
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;
  ~Archive() { zip_discard(zip_); }

  bool Has(const std::string& name) const { return Locate(name) >= 0; }

  // Reads part `name` through `handler`.
  std::optional<Failure> Parse(const std::string& name, XmlHandler& handler) {
    const zip_int64_t index = Locate(name);
    if (index < 0) return Failure{ReadError::kBrokenXml, name};
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(zip_, static_cast<zip_uint64_t>(index), 0, &stat) != 0)
      return Failure{ReadError::kBrokenZip, name};
    if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE)
      return Failure{ReadError::kEncrypted, name};
    const std::size_t packed = (stat.valid & ZIP_STAT_COMP_SIZE) ? stat.comp_size : 0;
    // Saturating: the packed size is the file's word, and may be anything.
    const std::size_t allowed =
        packed > (SIZE_MAX - kSlack) / std::max<std::size_t>(limits_.packing_ratio, 1)
            ? SIZE_MAX
            : kSlack + packed * limits_.packing_ratio;
    if ((stat.valid & ZIP_STAT_SIZE) && (stat.size > allowed || stat.size > Remaining()))
      return Failure{ReadError::kZipBomb, name};

    std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(
        zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0), &zip_fclose);
    if (!file) return Failure{ReadError::kBrokenZip, name};
    std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(
        XML_ParserCreateNS(nullptr, '|'), &XML_ParserFree);
    // Each callback stops the parser as soon as the handler has found the part wrong, rather
    // than let it read on to the end of the chunk.
    struct Context {
      XmlHandler* handler;
      XML_Parser parser;
      void StopIfFailed() const {
        if (handler->failure) XML_StopParser(parser, XML_FALSE);
      }
    };
    Context context{&handler, parser.get()};
    XML_SetUserData(parser.get(), &context);
    XML_SetElementHandler(
        parser.get(),
        [](void* data, const char* element, const char** attributes) {
          const auto* c = static_cast<Context*>(data);
          c->handler->Start(Local(element), attributes);
          c->StopIfFailed();
        },
        [](void* data, const char* element) {
          const auto* c = static_cast<Context*>(data);
          c->handler->End(Local(element));
          c->StopIfFailed();
        });
    XML_SetCharacterDataHandler(parser.get(), [](void* data, const char* text, int length) {
      const auto* c = static_cast<Context*>(data);
      c->handler->Text({text, static_cast<std::size_t>(length)});
      c->StopIfFailed();
    });
    // No part of a workbook has a document type; one declaring entities is an attack on the
    // memory of whoever reads it.
    XML_SetStartDoctypeDeclHandler(
        parser.get(), [](void* data, const char*, const char*, const char*, int) {
          const auto* c = static_cast<Context*>(data);
          c->handler->failure = Failure{ReadError::kBrokenXml, "a document type declaration"};
          c->StopIfFailed();
        });

    std::array<char, kChunk> buffer;
    std::size_t read = 0;
    for (;;) {
      const zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
      if (n < 0) return Failure{ReadError::kBrokenZip, name};
      // The sizes a zip states are not to be trusted: count what actually comes out.
      read += static_cast<std::size_t>(n);
      unpacked_ += static_cast<std::size_t>(n);
      if (read > allowed || unpacked_ > limits_.unpacked_bytes)
        return Failure{ReadError::kZipBomb, name};
      const bool last = n == 0;
      if (XML_Parse(parser.get(), buffer.data(), static_cast<int>(n), last) != XML_STATUS_OK) {
        if (handler.failure) {
          if (handler.failure->where == "a document type declaration")
            handler.failure->where = name;
          return handler.failure;
        }
        return Failure{ReadError::kBrokenXml,
                       name + ", line " + std::to_string(XML_GetCurrentLineNumber(parser.get()))};
      }
      if (handler.failure) return handler.failure;
      if (last) return std::nullopt;
    }
  }

 private:
  zip_int64_t Locate(const std::string& name) const {
    return zip_name_locate(zip_, name.c_str(), ZIP_FL_NOCASE);
  }
  std::size_t Remaining() const {
    return unpacked_ >= limits_.unpacked_bytes ? 0 : limits_.unpacked_bytes - unpacked_;
  }

  zip_t* zip_;
  const Limits& limits_;
  std::size_t unpacked_ = 0;
};

// "xl/workbook.xml" -> "xl/"
std::string Folder(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash + 1);
}

// A relationship's target as a part name: relative to the folder of the part it belongs to, or
// from the package's root when it starts with a slash; "." and ".." taken as folders take them.
std::string Resolve(const std::string& folder, std::string_view target) {
  const std::string joined =
      target.starts_with('/') ? std::string(target.substr(1)) : folder + std::string(target);
  std::vector<std::string_view> segments;
  std::string_view rest = joined;
  while (!rest.empty()) {
    const std::size_t slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
  }
  std::string path;
  for (const std::string_view segment : segments) {
    if (!path.empty()) path += '/';
    path += segment;
  }
  return path;
}

// A part's relationships: their ids and types to the parts they name.
class Relationships : public XmlHandler {
 public:
  explicit Relationships(std::string folder) : folder_(std::move(folder)) {}
  void Start(std::string_view name, const char** attributes) override {
    if (name != "Relationship") return;
    const auto id = Attribute(attributes, "Id");
    const auto type = Attribute(attributes, "Type");
    const auto target = Attribute(attributes, "Target");
    if (!id || !type || !target) return;
    const std::string path = Resolve(folder_, *target);
    by_id[std::string(*id)] = path;
    const std::size_t slash = type->rfind('/');
    by_type.emplace(std::string(type->substr(slash == std::string_view::npos ? 0 : slash + 1)),
                    path);
  }
  void End(std::string_view) override {}

  std::map<std::string, std::string> by_id;
  std::map<std::string, std::string> by_type;  // the first of each type: "officeDocument", ...

 private:
  std::string folder_;
};

struct SheetEntry {
  std::string name;
  std::string relationship;
};

class WorkbookPart : public XmlHandler {
 public:
  void Start(std::string_view name, const char** attributes) override {
    if (name == "workbookPr") {
      const auto value = Attribute(attributes, "date1904");
      date1904 = value && (*value == "1" || *value == "true");
    } else if (name == "sheet") {
      const auto sheet_name = Attribute(attributes, "name");
      const auto id = Attribute(attributes, "id");  // r:id
      if (sheet_name && id) sheets.push_back({std::string(*sheet_name), std::string(*id)});
    }
  }
  void End(std::string_view) override {}

  std::vector<SheetEntry> sheets;
  bool date1904 = false;
};

// Excel writes characters XML cannot carry (a carriage return pasted from Word, say) as "_x000D_",
// and an underscore that would read as such an escape as "_x005F_".
std::string DecodeEscapes(std::string text) {
  if (text.find("_x") == std::string::npos) return text;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    unsigned code = 0;
    if (text.compare(i, 2, "_x") == 0 && i + 7 <= text.size() && text[i + 6] == '_' &&
        std::from_chars(text.data() + i + 2, text.data() + i + 6, code, 16).ptr ==
            text.data() + i + 6) {
      // As UTF-8: escapes stand for single UTF-16 units, never surrogates in practice.
      if (code < 0x80) {
        out += static_cast<char>(code);
      } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
      } else {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
      }
      i += 7;
      continue;
    }
    out += text[i++];
  }
  return out;
}

// The text of a string item: its <t>, or its rich-text runs' <t>s joined, without the phonetic
// guides (<rPh>) East Asian files add.
class StringItemText {
 public:
  void Start(std::string_view name) {
    if (name == "rPh") ++phonetic_;
    if (name == "t" && phonetic_ == 0) in_text_ = true;
  }
  void End(std::string_view name) {
    if (name == "rPh") --phonetic_;
    if (name == "t") in_text_ = false;
  }
  // False once the text is beyond `limit` bytes.
  bool Text(std::string_view text, std::size_t limit) {
    if (!in_text_) return true;
    text_ += text;
    return text_.size() <= limit;
  }
  std::string Take() {
    std::string out = DecodeEscapes(std::move(text_));
    text_.clear();
    return out;
  }

 private:
  std::string text_;
  int phonetic_ = 0;
  bool in_text_ = false;
};

class SharedStringsPart : public XmlHandler {
 public:
  explicit SharedStringsPart(const Limits& limits) : limits_(limits) {}
  void Start(std::string_view name, const char**) override {
    if (name == "si") in_item_ = true;
    if (in_item_) item_.Start(name);
  }
  void End(std::string_view name) override {
    if (!in_item_) return;
    item_.End(name);
    if (name == "si") {
      strings.push_back(item_.Take());
      in_item_ = false;
      // Each string costs its text and a string's own size, however short its XML.
      bytes_ += strings.back().size() + sizeof(std::string);
      if (strings.size() > limits_.cells || bytes_ > limits_.text_bytes)
        failure = Failure{ReadError::kTooLarge, "xl/sharedStrings.xml"};
    }
  }
  void Text(std::string_view text) override {
    // Four bytes at most to a character: checked in characters when a cell uses it.
    if (in_item_ && !item_.Text(text, 4 * limits_.cell_characters) && !failure)
      failure = Failure{ReadError::kCellTooLong, "xl/sharedStrings.xml"};
  }

  std::vector<std::string> strings;

 private:
  const Limits& limits_;
  StringItemText item_;
  bool in_item_ = false;
  std::size_t bytes_ = 0;
};

// What of a date a number format shows, nullopt for none: once its quoted text, [colours and
// conditions] and escaped characters are set aside, a day ("d") makes it a day, a year with a
// month ("mm/yyyy", "mmm-yy") a month, a year alone a year.
std::optional<Cell::DateShown> DateShownBy(std::string_view code) {
  bool quoted = false, day = false, month = false, year = false;
  int bracket = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char ch = code[i];
    if (quoted) {
      quoted = ch != '"';
      continue;
    }
    if (ch == '"') {
      quoted = true;
    } else if (ch == '[') {
      ++bracket;
    } else if (ch == ']') {
      bracket = std::max(0, bracket - 1);
    } else if (bracket == 0) {
      if (ch == '\\' || ch == '_' || ch == '*') {
        ++i;  // the next character is shown as it is, or is padding
      } else {
        const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        day = day || lower == 'd';
        month = month || lower == 'm';
        year = year || lower == 'y';
      }
    }
  }
  if (day) return Cell::DateShown::kDay;
  if (year) return month ? Cell::DateShown::kMonth : Cell::DateShown::kYear;
  return std::nullopt;
}

// What of a date Excel's built-in formats show: 14 to 16 and 22 a day, 17 ("mmm-yy") a month (18
// to 21 show a time of day only); those of East Asian locales are taken as days.
std::optional<Cell::DateShown> DateShownByBuiltIn(int id) {
  if (id == 17) return Cell::DateShown::kMonth;
  if ((id >= 14 && id <= 16) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
    return Cell::DateShown::kDay;
  return std::nullopt;
}

class StylesPart : public XmlHandler {
 public:
  void Start(std::string_view name, const char** attributes) override {
    if (name == "numFmt") {
      const auto id = Attribute(attributes, "numFmtId");
      const auto code = Attribute(attributes, "formatCode");
      int number = 0;
      if (id && code &&
          std::from_chars(id->data(), id->data() + id->size(), number).ec == std::errc())
        custom_[number] = DateShownBy(*code);
    } else if (name == "cellXfs") {
      in_cell_formats_ = true;
    } else if (name == "xf" && in_cell_formats_) {
      int number = 0;
      if (const auto id = Attribute(attributes, "numFmtId"))
        std::from_chars(id->data(), id->data() + id->size(), number);
      const auto custom = custom_.find(number);
      date_styles.push_back(custom != custom_.end() ? custom->second : DateShownByBuiltIn(number));
    }
  }
  void End(std::string_view name) override {
    if (name == "cellXfs") in_cell_formats_ = false;
  }

  // What of a date each style shows, by the index a cell's s="" names; nullopt: no date.
  std::vector<std::optional<Cell::DateShown>> date_styles;

 private:
  std::map<int, std::optional<Cell::DateShown>> custom_;
  bool in_cell_formats_ = false;
};

class WorksheetPart : public XmlHandler {
 public:
  WorksheetPart(std::string part, const Limits& limits, const std::vector<std::string>& strings,
                const std::vector<std::optional<Cell::DateShown>>& date_styles,
                const RowCallback& on_row, SheetLayout& layout)
      : part_(std::move(part)),
        limits_(limits),
        strings_(strings),
        date_styles_(date_styles),
        on_row_(on_row),
        layout_(layout) {}

  void Start(std::string_view name, const char** attributes) override {
    if (failure) return;
    if (name == "sheetData") {
      in_data_ = true;
    } else if (name == "row" && in_data_) {
      StartRow(attributes);
    } else if (name == "c" && in_row_) {
      StartCell(attributes);
    } else if (in_cell_ && (name == "v" || name == "is")) {
      in_value_ = name == "v";
      in_inline_ = name == "is";
    } else if (in_inline_) {
      item_.Start(name);
    } else if (name == "mergeCell") {
      AddMerge(Attribute(attributes, "ref"));
    }
  }

  void End(std::string_view name) override {
    if (failure) return;
    if (name == "sheetData") {
      in_data_ = false;
    } else if (name == "row" && in_row_) {
      EndRow();
    } else if (name == "c" && in_cell_) {
      EndCell();
    } else if (name == "v") {
      in_value_ = false;
    } else if (name == "is") {
      in_inline_ = false;
      value_ = item_.Take();
    } else if (in_inline_) {
      item_.End(name);
    }
  }

  void Text(std::string_view text) override {
    if (failure) return;
    const std::size_t limit = 4 * limits_.cell_characters;
    if (in_value_) {
      value_ += text;
      if (value_.size() > limit) Fail(ReadError::kCellTooLong);
    } else if (in_inline_ && !item_.Text(text, limit)) {
      Fail(ReadError::kCellTooLong);
    }
  }

 private:
  void Fail(ReadError error) {
    failure = Failure{error, part_ + ", row " + std::to_string(row_ + 1)};
  }

  void StartRow(const char** attributes) {
    std::size_t row = next_row_;
    numbered_ = false;
    if (const auto r = Attribute(attributes, "r")) {
      const auto [end, error] = std::from_chars(r->data(), r->data() + r->size(), row);
      if (error != std::errc() || end != r->data() + r->size() || row == 0)
        return Fail(ReadError::kBrokenXml);
      --row;
      numbered_ = true;
    }
    // Rows come in order; one out of it is a damaged sheet, not a new row.
    if (row < next_row_) return Fail(ReadError::kBrokenXml);
    row_ = row;
    next_row_ = row + 1;
    in_row_ = true;
    next_column_ = 0;
    cells_.clear();
  }

  void EndRow() {
    in_row_ = false;
    while (!cells_.empty() && cells_.back().empty()) cells_.pop_back();
    if (cells_.empty()) return;
    // What a sheet holds in memory, however compactly it is written.
    cells_held_ += cells_.size();
    if (cells_held_ > limits_.cells) return Fail(ReadError::kTooLarge);
    on_row_(row_, cells_);
    layout_.rows = row_ + 1;
  }

  void StartCell(const char** attributes) {
    std::size_t column = next_column_;
    if (const auto r = Attribute(attributes, "r")) {
      const auto ref = ParseCellRef(*r);
      if (!ref) return Fail(ReadError::kBrokenXml);
      // A row written without its number takes its first cell's.
      if (ref->row && !numbered_ && cells_.empty() && *ref->row >= row_) {
        row_ = *ref->row;
        next_row_ = row_ + 1;
        numbered_ = true;
      }
      if (ref->row && *ref->row != row_) return Fail(ReadError::kBrokenXml);
      column = ref->column;
    }
    if (column < next_column_) return Fail(ReadError::kBrokenXml);
    column_ = column;
    next_column_ = column + 1;
    type_ = std::string(Attribute(attributes, "t").value_or("n"));
    style_ = 0;
    if (const auto s = Attribute(attributes, "s"))
      std::from_chars(s->data(), s->data() + s->size(), style_);
    value_.clear();
    in_cell_ = true;
  }

  void EndCell() {
    in_cell_ = false;
    Cell cell;
    if (!Read(cell) || cell.empty()) return;
    // Only a cell that holds something counts against the limits: spreadsheets write formatted
    // empty cells and rows far beyond their data.
    if (row_ >= limits_.rows) return Fail(ReadError::kTooManyRows);
    if (column_ >= limits_.columns) return Fail(ReadError::kTooManyColumns);
    text_held_ += cell.text.size();
    if (text_held_ > limits_.text_bytes) return Fail(ReadError::kTooLarge);
    cells_.resize(column_ + 1);
    cells_.back() = std::move(cell);
  }

  // The cell just ended, from its type and value; false when it is damaged.
  bool Read(Cell& cell) {
    if (type_ == "s") {
      if (value_.empty()) return true;
      std::size_t index = 0;
      const auto [end, error] =
          std::from_chars(value_.data(), value_.data() + value_.size(), index);
      if (error != std::errc() || end != value_.data() + value_.size() || index >= strings_.size())
        return Fail(ReadError::kBrokenXml), false;
      return SetText(cell, strings_[index]);
    }
    if (type_ == "d") {
      // An ISO 8601 date, as strict files and some writers keep dates: made the serial Excel
      // would have kept, so that dates read alike whichever way they were written.
      const auto day = domain::Date::Parse(std::string_view(value_).substr(0, 10));
      const auto serial = day ? ExcelSerialOf(*day, layout_.date1904) : std::nullopt;
      if (!serial) return SetText(cell, value_);
      cell.kind = Cell::Kind::kNumber;
      cell.number = *serial;
      cell.text = value_;
      cell.date = true;
      return true;
    }
    if (type_ == "inlineStr" || type_ == "str") return SetText(cell, DecodeEscapes(value_));
    if (type_ == "b") {
      if (value_.empty()) return true;
      cell.kind = Cell::Kind::kBoolean;
      cell.number = value_ == "1" ? 1 : 0;
      cell.text = value_;
      return true;
    }
    if (type_ == "e") {
      cell.kind = Cell::Kind::kError;
      cell.text = value_;
      return true;
    }
    if (value_.empty()) return true;
    double number = 0;
    const auto [end, error] = std::from_chars(value_.data(), value_.data() + value_.size(), number);
    if (error != std::errc() || end != value_.data() + value_.size())
      return Fail(ReadError::kBrokenXml), false;
    cell.kind = Cell::Kind::kNumber;
    cell.number = number;
    cell.text = value_;
    if (style_ < date_styles_.size() && date_styles_[style_]) {
      cell.date = true;
      cell.date_shown = *date_styles_[style_];
    }
    return true;
  }

  bool SetText(Cell& cell, const std::string& text) {
    if (text.empty()) return true;
    if (domain::Utf8Characters(text) > limits_.cell_characters)
      return Fail(ReadError::kCellTooLong), false;
    cell.kind = Cell::Kind::kText;
    cell.text = text;
    return true;
  }

  void AddMerge(std::optional<std::string_view> ref) {
    if (!ref) return;
    const std::size_t colon = ref->find(':');
    if (colon == std::string_view::npos) return;  // one cell merged with itself
    const auto first = ParseCellRef(ref->substr(0, colon));
    const auto last = ParseCellRef(ref->substr(colon + 1));
    if (!first || !last || !first->row || !last->row || last->column < first->column ||
        *last->row < *first->row)
      return Fail(ReadError::kBrokenXml);
    // A merge over formatting beyond the limits holds nothing that is read.
    if (*first->row >= limits_.rows || first->column >= limits_.columns) return;
    if (layout_.merged.size() >= limits_.rows) return Fail(ReadError::kTooLarge);
    layout_.merged.push_back({*first->row, first->column, std::min(*last->row, limits_.rows - 1),
                              std::min(last->column, limits_.columns - 1)});
  }

  std::string part_;
  const Limits& limits_;
  const std::vector<std::string>& strings_;
  const std::vector<std::optional<Cell::DateShown>>& date_styles_;
  const RowCallback& on_row_;
  SheetLayout& layout_;

  bool in_data_ = false, in_row_ = false, in_cell_ = false, in_value_ = false, in_inline_ = false;
  bool numbered_ = false;  // the row said its number
  std::size_t row_ = 0, next_row_ = 0, column_ = 0, next_column_ = 0;
  std::size_t cells_held_ = 0, text_held_ = 0;
  std::vector<Cell> cells_;
  std::string type_;
  std::size_t style_ = 0;
  std::string value_;
  StringItemText item_;
};

constexpr std::string_view kCompoundFileMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

// An encrypted workbook is a compound file holding an "EncryptedPackage" stream, its name in
// UTF-16.
bool HoldsEncryptedPackage(std::string_view bytes) {
  static const std::string kName = [] {
    std::string name;
    for (const char ch : std::string_view("EncryptedPackage")) {
      name += ch;
      name += '\0';
    }
    return name;
  }();
  return bytes.find(kName) != std::string_view::npos;
}

// The workbook, opened and found: its archive, its sheets, and where its parts are.
struct OpenedWorkbook {
  std::unique_ptr<Archive> archive;
  std::string workbook_part;
  Relationships relationships{""};
  WorkbookPart workbook;
};

Result<std::shared_ptr<OpenedWorkbook>> Open(std::string_view bytes, const Limits& limits) {
  if (bytes.size() > limits.file_bytes) return Failure{ReadError::kTooLarge, ""};
  switch (SniffFileKind(bytes)) {
    case FileKind::kCompoundFile:
      return Failure{HoldsEncryptedPackage(bytes) ? ReadError::kEncrypted : ReadError::kLegacyXls,
                     ""};
    case FileKind::kOther:
      return Failure{ReadError::kNotSpreadsheet, ""};
    case FileKind::kZip:
      break;
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) return Failure{ReadError::kBrokenZip, ""};
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (zip == nullptr) {
    zip_source_free(source);
    return Failure{ReadError::kBrokenZip, ""};
  }
  auto opened = std::make_shared<OpenedWorkbook>();
  opened->archive = std::make_unique<Archive>(zip, limits);
  Archive& archive = *opened->archive;

  // The package names its main part; a zip without one, or whose main part is not a workbook (a
  // Word document, say), is not a spreadsheet.
  opened->workbook_part = "xl/workbook.xml";
  if (archive.Has("_rels/.rels")) {
    Relationships package("");
    if (auto failure = archive.Parse("_rels/.rels", package)) return *failure;
    if (auto main = package.by_type.find("officeDocument"); main != package.by_type.end())
      opened->workbook_part = main->second;
  }
  if (!archive.Has(opened->workbook_part) || !opened->workbook_part.ends_with("workbook.xml"))
    return Failure{ReadError::kNotSpreadsheet, ""};
  const std::string folder = Folder(opened->workbook_part);
  const std::string rels =
      folder + "_rels/" + opened->workbook_part.substr(folder.size()) + ".rels";
  opened->relationships = Relationships(folder);
  if (archive.Has(rels)) {
    if (auto failure = archive.Parse(rels, opened->relationships)) return *failure;
  }
  if (auto failure = archive.Parse(opened->workbook_part, opened->workbook)) return *failure;
  return opened;
}

}  // namespace

FileKind SniffFileKind(std::string_view bytes) {
  if (bytes.starts_with("PK\x03\x04") || bytes.starts_with("PK\x05\x06")) return FileKind::kZip;
  if (bytes.starts_with(kCompoundFileMagic)) return FileKind::kCompoundFile;
  return FileKind::kOther;
}

Result<std::vector<std::string>> ReadXlsxSheetNames(std::string_view bytes, const Limits& limits) {
  auto opened = Open(bytes, limits);
  if (!opened) return opened.failure();
  std::vector<std::string> names;
  for (const SheetEntry& s : (*opened)->workbook.sheets) names.push_back(s.name);
  return names;
}

Result<SheetLayout> ReadXlsx(std::string_view bytes, std::size_t index, const Limits& limits,
                             const RowCallback& on_row) {
  auto opened = Open(bytes, limits);
  if (!opened) return opened.failure();
  OpenedWorkbook& book = **opened;
  if (index >= book.workbook.sheets.size()) return Failure{ReadError::kNoSuchSheet, ""};
  const SheetEntry& entry = book.workbook.sheets[index];
  const auto target = book.relationships.by_id.find(entry.relationship);
  if (target == book.relationships.by_id.end() || !book.archive->Has(target->second))
    return Failure{ReadError::kBrokenXml, book.workbook_part};

  // The shared strings and the styles where the workbook's relationships say, or where Excel
  // puts them when a writer left them unsaid.
  auto part_of = [&](const char* type, const char* usual) {
    const auto it = book.relationships.by_type.find(type);
    return it != book.relationships.by_type.end() ? it->second : Folder(book.workbook_part) + usual;
  };
  SharedStringsPart strings(limits);
  if (const std::string part = part_of("sharedStrings", "sharedStrings.xml");
      book.archive->Has(part)) {
    if (auto failure = book.archive->Parse(part, strings)) return *failure;
  }
  StylesPart styles;
  if (const std::string part = part_of("styles", "styles.xml"); book.archive->Has(part)) {
    if (auto failure = book.archive->Parse(part, styles)) return *failure;
  }

  SheetLayout layout;
  layout.name = entry.name;
  layout.date1904 = book.workbook.date1904;
  WorksheetPart sheet(target->second, limits, strings.strings, styles.date_styles, on_row, layout);
  if (auto failure = book.archive->Parse(target->second, sheet)) return *failure;
  return layout;
}

Result<Sheet> ReadWholeXlsx(std::string_view bytes, std::size_t index, const Limits& limits) {
  SheetCollector collector;
  auto layout = ReadXlsx(bytes, index, limits, collector.callback());
  if (!layout) return layout.failure();
  return collector.Take(std::move(*layout));
}

}  // namespace giaoban::sheets
