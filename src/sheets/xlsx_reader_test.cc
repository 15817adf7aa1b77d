// Workbooks as the readers of work programs meet them: written by libxlsxwriter as Excel writes
// them, and by hand for what only some writers do (inline and rich text, prefixed elements, custom
// date formats, 1904 dates), and damaged or hostile ones.
#include "sheets/xlsx_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "sheets/excel_date.h"
#include "sheets/written_workbook.h"

namespace giaoban::sheets {
namespace {

std::string Zip(const std::vector<std::pair<std::string, std::string>>& parts) {
  return ZippedParts(parts);
}

std::string HandWritten(const std::string& sheet_xml, const std::string& strings = "",
                        const std::string& styles = "", const std::string& workbook_extra = "") {
  return HandWrittenWorkbook(sheet_xml, strings, styles, workbook_extra);
}

std::string Written(const std::function<void(lxw_workbook*)>& fill) {
  return WrittenWorkbook(fill);
}

ReadError ErrorOf(const Result<Sheet>& r) {
  EXPECT_FALSE(r.ok());
  return r.ok() ? ReadError::kNotSpreadsheet : r.failure().error;
}

TEST(ReadXlsx, ReadsAWorkbookAsExcelWritesIt) {
  const std::string bytes = Written([](lxw_workbook* book) {
    lxw_worksheet* first = workbook_add_worksheet(book, "Chương trình 2024");
    workbook_add_worksheet(book, "Ghi chú");
    lxw_format* date = workbook_add_format(book);
    format_set_num_format(date, "dd/mm/yyyy");
    worksheet_merge_range(first, 0, 0, 0, 3, "CHƯƠNG TRÌNH CÔNG TÁC NĂM 2024", nullptr);
    worksheet_write_string(first, 2, 0, "STT", nullptr);
    worksheet_write_string(first, 2, 1, "Nội dung nhiệm vụ", nullptr);
    worksheet_write_string(first, 2, 3, "Thời gian hoàn thành", nullptr);
    worksheet_write_number(first, 3, 0, 1, nullptr);
    worksheet_write_string(first, 3, 1, "Sửa chữa cầu Trà Khúc", nullptr);
    lxw_datetime deadline = {2024, 9, 30, 0, 0, 0};
    worksheet_write_datetime(first, 3, 3, &deadline, date);
    worksheet_write_boolean(first, 4, 2, 1, nullptr);
    worksheet_write_formula_num(first, 5, 0, "=A4+1", nullptr, 2);
  });

  const auto names = ReadXlsxSheetNames(bytes);
  ASSERT_TRUE(names);
  EXPECT_EQ(*names, (std::vector<std::string>{"Chương trình 2024", "Ghi chú"}));

  const auto sheet = ReadWholeXlsx(bytes);
  ASSERT_TRUE(sheet) << static_cast<int>(sheet.failure().error) << " " << sheet.failure().where;
  EXPECT_EQ(sheet->layout.name, "Chương trình 2024");
  EXPECT_EQ(sheet->layout.rows, 6u);
  EXPECT_EQ(sheet->at(0, 0).text, "CHƯƠNG TRÌNH CÔNG TÁC NĂM 2024");
  EXPECT_TRUE(sheet->at(0, 1).empty());
  EXPECT_EQ(sheet->layout.merged, (std::vector<MergedRange>{{0, 0, 0, 3}}));
  EXPECT_TRUE(sheet->rows[1].empty());
  EXPECT_EQ(sheet->at(2, 1).text, "Nội dung nhiệm vụ");
  EXPECT_TRUE(sheet->at(2, 2).empty());
  EXPECT_EQ(sheet->at(3, 0).kind, Cell::Kind::kNumber);
  EXPECT_EQ(sheet->at(3, 0).number, 1);
  EXPECT_FALSE(sheet->at(3, 0).date);
  const Cell& due = sheet->at(3, 3);
  EXPECT_EQ(due.kind, Cell::Kind::kNumber);
  EXPECT_TRUE(due.date);
  EXPECT_EQ(ExcelSerialDate(due.number, sheet->layout.date1904),
            domain::Date::FromYmd(2024, 9, 30));
  EXPECT_EQ(sheet->at(4, 2).kind, Cell::Kind::kBoolean);
  EXPECT_EQ(sheet->at(4, 2).number, 1);
  EXPECT_EQ(sheet->at(5, 0).number, 2);  // the formula's value as last computed

  const auto second = ReadWholeXlsx(bytes, 1);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->layout.name, "Ghi chú");
  EXPECT_TRUE(second->rows.empty());
  EXPECT_EQ(ErrorOf(ReadWholeXlsx(bytes, 2)), ReadError::kNoSuchSheet);
}

TEST(ReadXlsx, TellsADateShowingItsMonthOrYearFromOneShowingItsDay) {
  const std::string bytes = Written([](lxw_workbook* book) {
    lxw_worksheet* sheet = workbook_add_worksheet(book, nullptr);
    const char* formats[] = {"dd/mm/yyyy", "mm/yyyy", "\"Tháng \"m/yyyy", "yyyy", "hh:mm"};
    lxw_datetime day = {2024, 9, 15, 0, 0, 0};
    for (lxw_col_t c = 0; c < std::size(formats); ++c) {
      lxw_format* format = workbook_add_format(book);
      format_set_num_format(format, formats[c]);
      worksheet_write_datetime(sheet, 0, c, &day, format);
    }
    lxw_format* built_in = workbook_add_format(book);
    format_set_num_format_index(built_in, 17);  // mmm-yy
    worksheet_write_datetime(sheet, 0, 5, &day, built_in);
  });
  const auto sheet = ReadWholeXlsx(bytes);
  ASSERT_TRUE(sheet);
  using Shown = Cell::DateShown;
  const std::vector<std::optional<Shown>> expected = {Shown::kDay,  Shown::kMonth, Shown::kMonth,
                                                      Shown::kYear, std::nullopt,  Shown::kMonth};
  for (std::size_t c = 0; c < expected.size(); ++c) {
    const Cell& cell = sheet->at(0, c);
    SCOPED_TRACE(c);
    EXPECT_EQ(cell.date, expected[c].has_value());
    if (expected[c]) {
      EXPECT_EQ(cell.date_shown, *expected[c]);
    }
  }
}

TEST(ReadXlsx, ReadsInlineAndRichTextWithoutPhoneticGuides) {
  const auto sheet = ReadWholeXlsx(HandWritten(
      R"(<x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>Báo cáo </x:t></x:is></x:c>)"
      R"(<x:c r="C2" t="s"><x:v>0</x:v></x:c><x:c r="D2" t="str"><x:f>A1</x:f><x:v>Quý III/2024</x:v></x:c>)"
      R"(<x:c r="E2" t="e"><x:v>#REF!</x:v></x:c><x:c r="F2" t="s"><x:v>1</x:v></x:c></x:row></x:sheetData>)",
      R"(<si><r><t>Phòng </t></r><r><rPr><b/></rPr><t>KHTC</t></r><rPh><t>ふりがな</t></rPh></si>)"
      R"(<si><t xml:space="preserve"> Sở GTVT &amp; UBND </t></si>)"));
  ASSERT_TRUE(sheet) << static_cast<int>(sheet.failure().error) << " " << sheet.failure().where;
  EXPECT_EQ(sheet->layout.name, "Chương trình");
  EXPECT_TRUE(sheet->rows[0].empty());
  EXPECT_EQ(sheet->at(1, 1).text, "Báo cáo ");
  EXPECT_EQ(sheet->at(1, 2).text, "Phòng KHTC");
  EXPECT_EQ(sheet->at(1, 3).text, "Quý III/2024");
  EXPECT_EQ(sheet->at(1, 4).kind, Cell::Kind::kError);
  EXPECT_EQ(sheet->at(1, 4).text, "#REF!");
  EXPECT_EQ(sheet->at(1, 5).text, " Sở GTVT & UBND ");
}

TEST(ReadXlsx, TellsDatesByTheirFormatsBuiltInOrTheWorkbooksOwn) {
  const std::string styles =
      R"(<numFmts count="3"><numFmt numFmtId="164" formatCode="[$-42A]dd/mm/yyyy;@"/>)"
      R"(<numFmt numFmtId="165" formatCode="&quot;Ngày&quot; 0"/><numFmt numFmtId="166" formatCode="#,##0.00\ &quot;đ&quot;"/></numFmts>)"
      R"(<cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>)"
      R"(<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="45"/><xf numFmtId="20"/></cellXfs>)";
  const auto sheet = ReadWholeXlsx(HandWritten(
      R"(<x:sheetData><x:row><x:c s="0"><x:v>45183</x:v></x:c><x:c s="1"><x:v>45183</x:v></x:c>)"
      R"(<x:c s="2"><x:v>45183.25</x:v></x:c><x:c s="3"><x:v>12</x:v></x:c><x:c s="4"><x:v>1500</x:v></x:c>)"
      R"(<x:c s="5"><x:v>0.5</x:v></x:c><x:c s="9"><x:v>7</x:v></x:c><x:c s="6"><x:v>0.25</x:v></x:c></x:row></x:sheetData>)",
      "", styles, R"(<x:workbookPr date1904="1"/>)"));
  ASSERT_TRUE(sheet) << static_cast<int>(sheet.failure().error) << " " << sheet.failure().where;
  EXPECT_TRUE(sheet->layout.date1904);
  const std::vector<bool> dates = {false, true, true, false, false, false, false, false};
  for (std::size_t c = 0; c < dates.size(); ++c) {
    EXPECT_EQ(sheet->at(0, c).kind, Cell::Kind::kNumber) << c;
    EXPECT_EQ(sheet->at(0, c).date, dates[c]) << c;
  }
  EXPECT_EQ(sheet->at(0, 2).number, 45183.25);
  EXPECT_EQ(sheet->at(0, 2).text, "45183.25");
}

TEST(ReadXlsx, PlacesCellsWithoutReferencesOneAfterAnother) {
  const auto sheet = ReadWholeXlsx(HandWritten(
      R"(<x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c/>)"
      R"(<x:c t="inlineStr"><x:is><x:t>c</x:t></x:is></x:c></x:row>)"
      R"(<x:row r="4"><x:c r="AA4"><x:v>1</x:v></x:c></x:row></x:sheetData>)"
      R"(<x:mergeCells><x:mergeCell ref="A1:B1"/><x:mergeCell ref="C1"/></x:mergeCells>)"));
  ASSERT_TRUE(sheet) << static_cast<int>(sheet.failure().error) << " " << sheet.failure().where;
  EXPECT_EQ(sheet->at(0, 0).text, "a");
  EXPECT_TRUE(sheet->at(0, 1).empty());
  EXPECT_EQ(sheet->at(0, 2).text, "c");
  EXPECT_EQ(sheet->rows[3].size(), 27u);
  EXPECT_EQ(sheet->at(3, 26).number, 1);
  EXPECT_EQ(sheet->layout.merged, (std::vector<MergedRange>{{0, 0, 0, 1}}));
}

TEST(ReadXlsx, SaysWhatAFileIsWhenItIsNoWorkbook) {
  EXPECT_EQ(ErrorOf(ReadWholeXlsx("STT,Nội dung\n1,Báo cáo\n")), ReadError::kNotSpreadsheet);
  EXPECT_EQ(ErrorOf(ReadWholeXlsx("")), ReadError::kNotSpreadsheet);
  const std::string compound = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + std::string(504, '\0');
  EXPECT_EQ(ErrorOf(ReadWholeXlsx(compound + "Workbook")), ReadError::kLegacyXls);
  std::string encrypted = compound;
  for (const char ch : std::string_view("EncryptedPackage")) encrypted += {ch, '\0'};
  EXPECT_EQ(ErrorOf(ReadWholeXlsx(encrypted)), ReadError::kEncrypted);
  // A Word document is a zip too.
  EXPECT_EQ(ErrorOf(ReadWholeXlsx(Zip({{"word/document.xml", "<document/>"}}))),
            ReadError::kNotSpreadsheet);
  const std::string workbook = HandWritten("<x:sheetData/>");
  EXPECT_EQ(ErrorOf(ReadWholeXlsx(workbook.substr(0, workbook.size() / 2))), ReadError::kBrokenZip);
}

TEST(ReadXlsx, RefusesDamagedParts) {
  EXPECT_EQ(ErrorOf(ReadWholeXlsx(HandWritten("<x:sheetData><x:row><x:c>"))),
            ReadError::kBrokenXml);
  // A shared string that is not there, rows out of order, a cell left of the one before.
  EXPECT_EQ(ErrorOf(ReadWholeXlsx(HandWritten(
                R"(<x:sheetData><x:row><x:c t="s"><x:v>3</x:v></x:c></x:row></x:sheetData>)",
                "<si><t>a</t></si>"))),
            ReadError::kBrokenXml);
  EXPECT_EQ(ErrorOf(ReadWholeXlsx(
                HandWritten(R"(<x:sheetData><x:row r="3"/><x:row r="2"/></x:sheetData>)"))),
            ReadError::kBrokenXml);
  EXPECT_EQ(ErrorOf(ReadWholeXlsx(
                HandWritten(R"(<x:sheetData><x:row r="1"><x:c r="C1"><x:v>1</x:v></x:c>)"
                            R"(<x:c r="B1"><x:v>2</x:v></x:c></x:row></x:sheetData>)"))),
            ReadError::kBrokenXml);
  EXPECT_EQ(ErrorOf(ReadWholeXlsx(HandWritten(
                R"(<x:sheetData><x:row><x:c><x:v>mười</x:v></x:c></x:row></x:sheetData>)"))),
            ReadError::kBrokenXml);
}

TEST(ReadXlsx, RefusesAZipBombBeforeUnpackingIt) {
  // Forty mebibytes of one character pack into a few dozen kilobytes.
  const std::string bomb = HandWritten("<x:sheetData/>" + std::string(40 << 20, ' '));
  ASSERT_LT(bomb.size(), 200'000u);
  const auto sheet = ReadWholeXlsx(bomb);
  EXPECT_EQ(ErrorOf(sheet), ReadError::kZipBomb);
  EXPECT_EQ(sheet.failure().where, "xl/worksheets/sheet1.xml");
}

TEST(ReadXlsx, RefusesWorkbooksBeyondItsLimits) {
  std::string rows = "<x:sheetData>";
  for (int r = 1; r <= 4; ++r)
    rows += "<x:row r=\"" + std::to_string(r) + "\"><x:c><x:v>1</x:v></x:c></x:row>";
  rows += "</x:sheetData>";
  Limits limits;
  limits.rows = 3;
  const auto many = ReadWholeXlsx(HandWritten(rows), 0, limits);
  EXPECT_EQ(ErrorOf(many), ReadError::kTooManyRows);
  EXPECT_EQ(many.failure().where, "xl/worksheets/sheet1.xml, row 4");

  limits = {};
  limits.columns = 26;
  EXPECT_EQ(ErrorOf(ReadWholeXlsx(HandWritten(R"(<x:sheetData><x:row><x:c r="AA1"><x:v>1</x:v>)"
                                              R"(</x:c></x:row></x:sheetData>)"),
                                  0, limits)),
            ReadError::kTooManyColumns);

  limits = {};
  limits.cell_characters = 5;
  EXPECT_EQ(ErrorOf(ReadWholeXlsx(HandWritten(R"(<x:sheetData><x:row><x:c t="s"><x:v>0</x:v>)"
                                              R"(</x:c></x:row></x:sheetData>)",
                                              "<si><t>Hà Nội</t></si>"),
                                  0, limits)),
            ReadError::kCellTooLong);
  EXPECT_TRUE(ReadWholeXlsx(HandWritten(R"(<x:sheetData><x:row><x:c t="s"><x:v>0</x:v>)"
                                        R"(</x:c></x:row></x:sheetData>)",
                                        "<si><t>Quảng</t></si>"),
                            0, limits)
                  .ok());

  limits = {};
  limits.file_bytes = 100;
  EXPECT_EQ(ErrorOf(ReadWholeXlsx(HandWritten("<x:sheetData/>"), 0, limits)), ReadError::kTooLarge);
}

TEST(ReadXlsx, LeavesOutRowsAndCellsThatOnlyCarryFormatting) {
  // Spreadsheets write formatted empty rows and cells far below and right of their data.
  Limits limits;
  limits.rows = 10;
  limits.columns = 5;
  const auto sheet = ReadWholeXlsx(
      HandWritten(R"(<x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="Z1" s="3"/>)"
                  R"(</x:row><x:row r="200000" ht="20" customHeight="1"><x:c r="A200000" s="4"/>)"
                  R"(</x:row></x:sheetData><x:mergeCells><x:mergeCell ref="A1:XFD2"/>)"
                  R"(<x:mergeCell ref="A150000:B150001"/></x:mergeCells>)"),
      0, limits);
  ASSERT_TRUE(sheet) << static_cast<int>(sheet.failure().error) << " " << sheet.failure().where;
  EXPECT_EQ(sheet->layout.rows, 1u);
  EXPECT_EQ(sheet->rows[0].size(), 1u);
  // A merge reaching beyond the limits is cut at them; one wholly beyond is left out.
  EXPECT_EQ(sheet->layout.merged, (std::vector<MergedRange>{{0, 0, 1, 4}}));
}

TEST(ReadXlsx, DecodesExcelsEscapesAndReadsIsoDates) {
  const auto sheet = ReadWholeXlsx(HandWritten(
      R"(<x:sheetData><x:row><x:c r="A5" t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c>)"
      R"(<x:c t="d"><x:v>2024-09-30T00:00:00</x:v></x:c></x:row></x:sheetData>)",
      "<si><t>Dòng 1_x000D_\nDòng 2</t></si><si><t>a_x005F_x000D_b</t></si>"));
  ASSERT_TRUE(sheet) << static_cast<int>(sheet.failure().error) << " " << sheet.failure().where;
  // The row said no number: its first cell's is taken.
  ASSERT_EQ(sheet->layout.rows, 5u);
  EXPECT_EQ(sheet->at(4, 0).text, "Dòng 1\r\nDòng 2");
  EXPECT_EQ(sheet->at(4, 1).text, "a_x000D_b");
  const Cell& day = sheet->at(4, 2);
  EXPECT_EQ(day.kind, Cell::Kind::kNumber);
  EXPECT_TRUE(day.date);
  EXPECT_EQ(ExcelSerialDate(day.number), domain::Date::FromYmd(2024, 9, 30));
}

TEST(ReadXlsx, RefusesADocumentTypeAndTheEntitiesItWouldDeclare) {
  const std::string entities =
      R"(<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>)"
      R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&b;</t></si></sst>)";
  const auto sheet = ReadWholeXlsx(Zip(
      {{"_rels/.rels", kPackageRelationships},
       {"xl/workbook.xml",
        R"(<workbook xmlns:r="r"><sheets><sheet name="a" r:id="rId1"/></sheets></workbook>)"},
       {"xl/_rels/workbook.xml.rels",
        R"(<Relationships><Relationship Id="rId1" Type="t/worksheet" Target="s.xml"/></Relationships>)"},
       {"xl/s.xml", "<worksheet><sheetData/></worksheet>"},
       {"xl/sharedStrings.xml", entities}}));
  EXPECT_EQ(ErrorOf(sheet), ReadError::kBrokenXml);
  EXPECT_EQ(sheet.failure().where, "xl/sharedStrings.xml");
}

TEST(ReadXlsx, BoundsWhatASheetHoldsInMemoryAndWhatItUnpacks) {
  const std::string two_rows = HandWritten(
      R"(<x:sheetData><x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>0</x:v></x:c>)"
      R"(</x:row><x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>0</x:v></x:c></x:row>)"
      R"(</x:sheetData>)",
      "<si><t>Sở Giao thông vận tải</t></si>");
  EXPECT_TRUE(ReadWholeXlsx(two_rows).ok());
  Limits limits;
  limits.cells = 3;
  EXPECT_EQ(ErrorOf(ReadWholeXlsx(two_rows, 0, limits)), ReadError::kTooLarge);
  // A shared string counts each time a cell uses it.
  limits = {};
  limits.text_bytes = 3 * std::string("Sở Giao thông vận tải").size();
  EXPECT_EQ(ErrorOf(ReadWholeXlsx(two_rows, 0, limits)), ReadError::kTooLarge);
  limits = {};
  limits.unpacked_bytes = 600;
  EXPECT_EQ(ErrorOf(ReadWholeXlsx(two_rows, 0, limits)), ReadError::kZipBomb);
}

}  // namespace
}  // namespace giaoban::sheets
