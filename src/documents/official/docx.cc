#include "documents/official/docx.h"

#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "documents/official/page_geometry.h"
#include "documents/zip_writer.h"

namespace giaoban::documents {

namespace {

namespace g = geometry;

// Word measures lengths in twentieths of a point (twips), fonts in half-points, pictures in EMU.
int Twips(double mm) { return static_cast<int>(std::lround(mm * g::kPointsPerMm * 20)); }
int HalfPoints(double pt) { return static_cast<int>(std::lround(pt * 2)); }
long long Emu(double mm) { return std::llround(mm * 36000); }

constexpr std::string_view kXmlDeclaration =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr std::string_view kNamespaces =
    " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
    " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
    " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
    " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
    " xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"";

// Text as XML character data. Control characters XML 1.0 cannot carry are dropped; a line break
// is the caller's to turn into <w:br/>.
void AppendEscaped(std::string& out, std::string_view text) {
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') out += c;
    }
  }
}

struct Style {
  double size = g::kBodySize;
  bool bold = false;
  bool italic = false;
};

const char* Justification(Align align) {
  switch (align) {
    case Align::kLeft:
      return "left";
    case Align::kCenter:
      return "center";
    case Align::kRight:
      return "right";
    case Align::kJustify:
      return "both";
  }
  return "left";
}

struct ParagraphFormat {
  Align align = Align::kCenter;
  double first_line_indent = 0;  // mm
  double spacing_after = 0;      // pt
  double line = 1;               // of the font's height
  bool keep_with_next = false;
};

class DocumentXml {
 public:
  std::string& out() { return out_; }

  // One run; line breaks in the text become Word line breaks.
  void RunText(std::string_view text, const Style& s) {
    out_ += "<w:r><w:rPr>";
    if (s.bold) out_ += "<w:b/>";
    if (s.italic) out_ += "<w:i/>";
    out_ += "<w:sz w:val=\"" + std::to_string(HalfPoints(s.size)) + "\"/>";
    out_ += "</w:rPr>";
    std::size_t start = 0;
    while (true) {
      const std::size_t nl = text.find('\n', start);
      out_ += "<w:t xml:space=\"preserve\">";
      AppendEscaped(out_, text.substr(start, nl == std::string_view::npos ? nl : nl - start));
      out_ += "</w:t>";
      if (nl == std::string_view::npos) break;
      out_ += "<w:br/>";
      start = nl + 1;
    }
    out_ += "</w:r>";
  }

  void OpenParagraph(const ParagraphFormat& f) {
    out_ += "<w:p><w:pPr>";
    if (f.keep_with_next) out_ += "<w:keepNext/>";
    out_ += "<w:spacing w:before=\"0\" w:after=\"" +
            std::to_string(static_cast<int>(std::lround(f.spacing_after * 20))) + "\" w:line=\"" +
            std::to_string(static_cast<int>(std::lround(f.line * 240))) +
            "\" w:lineRule=\"auto\"/>";
    if (f.first_line_indent > 0) {
      out_ += "<w:ind w:firstLine=\"" + std::to_string(Twips(f.first_line_indent)) + "\"/>";
    }
    out_ += "<w:jc w:val=\"";
    out_ += Justification(f.align);
    out_ += "\"/></w:pPr>";
  }
  void CloseParagraph() { out_ += "</w:p>"; }

  void Line(std::string_view text, const Style& s, const ParagraphFormat& f = {}) {
    OpenParagraph(f);
    if (!text.empty()) RunText(text, s);
    CloseParagraph();
  }

  // A horizontal rule of `length` mm centred in a box `width` mm wide: the top border of an empty,
  // tiny paragraph indented from both sides.
  void Rule(double length, double width) {
    const int indent = Twips((width - length) / 2);
    out_ +=
        "<w:p><w:pPr><w:pBdr><w:top w:val=\"single\" w:sz=\"6\" w:space=\"1\" "
        "w:color=\"000000\"/></w:pBdr><w:spacing w:before=\"0\" w:after=\"0\" "
        "w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:left=\"" +
        std::to_string(indent) + "\" w:right=\"" + std::to_string(indent) +
        "\"/><w:rPr><w:sz w:val=\"4\"/></w:rPr></w:pPr></w:p>";
  }

  void OpenTable(const std::vector<double>& widths_mm, bool borders) {
    int total = 0;
    for (double w : widths_mm) total += Twips(w);
    out_ += "<w:tbl><w:tblPr><w:tblW w:w=\"" + std::to_string(total) +
            "\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblBorders>";
    for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"}) {
      out_ += "<w:";
      out_ += side;
      out_ += borders ? " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                      : " w:val=\"nil\"/>";
    }
    const int pad = borders ? Twips(g::kCellPadding) : 0;
    out_ += "</w:tblBorders><w:tblCellMar><w:left w:w=\"" + std::to_string(pad) +
            "\" w:type=\"dxa\"/><w:right w:w=\"" + std::to_string(pad) +
            "\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>";
    for (double w : widths_mm) out_ += "<w:gridCol w:w=\"" + std::to_string(Twips(w)) + "\"/>";
    out_ += "</w:tblGrid>";
  }

  void OpenCell(double width_mm, int span = 1) {
    out_ += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(Twips(width_mm)) + "\" w:type=\"dxa\"/>";
    if (span > 1) out_ += "<w:gridSpan w:val=\"" + std::to_string(span) + "\"/>";
    out_ += "</w:tcPr>";
  }

 private:
  std::string out_;
};

struct Picture {
  std::string relationship_id;
  std::string file;  // under word/media/
  g::Size size;      // mm
};

// The picture's extent and graphic, as an inline or an anchored (floating) drawing holds them.
void AppendGraphic(std::string& out, const Picture& p, int id, bool anchored) {
  const std::string cx = std::to_string(Emu(p.size.width));
  const std::string cy = std::to_string(Emu(p.size.height));
  out += "<wp:extent cx=\"" + cx + "\" cy=\"" + cy +
         "\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>";
  if (anchored) out += "<wp:wrapNone/>";
  out += "<wp:docPr id=\"" + std::to_string(id) + "\" name=\"" + p.file +
         "\"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData "
         "uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic><pic:nvPicPr>"
         "<pic:cNvPr id=\"" +
         std::to_string(id) + "\" name=\"" + p.file +
         "\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"" + p.relationship_id +
         "\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" "
         "y=\"0\"/><a:ext cx=\"" +
         cx + "\" cy=\"" + cy +
         "\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
         "</a:graphicData></a:graphic>";
}

class DocxBuilder {
 public:
  explicit DocxBuilder(const OfficialDocument& d) : d_(d) {
    if (auto px = g::PngSize(d.signature.signature_png)) {
      signature_ = Picture{"rIdSignature", "signature.png",
                           g::FitInto(*px, g::kSignatureImageWidth, g::kSignatureImageHeight)};
    }
    if (auto px = g::PngSize(d.signature.seal_png)) {
      seal_ = Picture{"rIdSeal", "seal.png", g::FitInto(*px, g::kSealSize, g::kSealSize)};
    }
  }

  std::string Build() {
    ZipWriter zip;
    zip.Add("[Content_Types].xml", ContentTypes());
    zip.Add("_rels/.rels", PackageRelationships());
    zip.Add("docProps/core.xml", CoreProperties());
    zip.Add("docProps/app.xml", AppProperties());
    zip.Add("word/document.xml", Document());
    zip.Add("word/_rels/document.xml.rels", DocumentRelationships());
    zip.Add("word/styles.xml", Styles());
    zip.Add("word/settings.xml", Settings());
    zip.Add("word/header1.xml", Header(false));
    zip.Add("word/header2.xml", Header(true));
    if (signature_) zip.Add("word/media/signature.png", d_.signature.signature_png, false);
    if (seal_) zip.Add("word/media/seal.png", d_.signature.seal_png, false);
    return zip.Finish();
  }

 private:
  std::string ContentTypes() const {
    std::string x(kXmlDeclaration);
    x += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" "
         "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
         "<Default Extension=\"png\" ContentType=\"image/png\"/>";
    auto over = [&](const char* part, const char* type) {
      x += "<Override PartName=\"";
      x += part;
      x += "\" ContentType=\"";
      x += type;
      x += "\"/>";
    };
    over("/word/document.xml",
         "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
    over("/word/styles.xml",
         "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml");
    over("/word/settings.xml",
         "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml");
    over("/word/header1.xml",
         "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml");
    over("/word/header2.xml",
         "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml");
    over("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
    over("/docProps/app.xml",
         "application/vnd.openxmlformats-officedocument.extended-properties+xml");
    x += "</Types>";
    return x;
  }

  static std::string PackageRelationships() {
    std::string x(kXmlDeclaration);
    x += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" "
         "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
         "officeDocument\" Target=\"word/document.xml\"/>"
         "<Relationship Id=\"rId2\" "
         "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
         "core-properties\" Target=\"docProps/core.xml\"/>"
         "<Relationship Id=\"rId3\" "
         "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
         "extended-properties\" Target=\"docProps/app.xml\"/>"
         "</Relationships>";
    return x;
  }

  // The title and author a file manager shows, and the document's own date rather than the
  // moment of rendering, so that the bytes depend on the document alone.
  std::string CoreProperties() const {
    std::string x(kXmlDeclaration);
    x += "<cp:coreProperties "
         "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
         "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>";
    AppendEscaped(x, d_.type_name + " " + d_.summary);
    x += "</dc:title><dc:creator>";
    AppendEscaped(x, d_.agency);
    x += "</dc:creator><dc:language>vi-VN</dc:language>"
         "<dcterms:created xsi:type=\"dcterms:W3CDTF\">" +
         d_.date.Iso() + "T00:00:00Z</dcterms:created></cp:coreProperties>";
    return x;
  }

  static std::string AppProperties() {
    std::string x(kXmlDeclaration);
    x += "<Properties "
         "xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
         "<Application>giaoban</Application></Properties>";
    return x;
  }

  std::string DocumentRelationships() const {
    std::string x(kXmlDeclaration);
    const std::string base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    x += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    auto rel = [&](const std::string& id, const std::string& type, const std::string& target) {
      x += "<Relationship Id=\"" + id + "\" Type=\"" + base + type + "\" Target=\"" + target +
           "\"/>";
    };
    rel("rIdStyles", "styles", "styles.xml");
    rel("rIdSettings", "settings", "settings.xml");
    rel("rIdHeaderFirst", "header", "header1.xml");
    rel("rIdHeaderDefault", "header", "header2.xml");
    if (signature_) rel(signature_->relationship_id, "image", "media/" + signature_->file);
    if (seal_) rel(seal_->relationship_id, "image", "media/" + seal_->file);
    x += "</Relationships>";
    return x;
  }

  // Times New Roman throughout (LibreOffice takes its metric twin, Liberation Serif), Vietnamese
  // for spelling and hyphenation.
  static std::string Styles() {
    std::string x(kXmlDeclaration);
    x += "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
         "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" "
         "w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/>"
         "<w:color w:val=\"000000\"/><w:sz w:val=\"" +
         std::to_string(HalfPoints(g::kBodySize)) + "\"/><w:szCs w:val=\"" +
         std::to_string(HalfPoints(g::kBodySize)) +
         "\"/><w:lang w:val=\"vi-VN\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing "
         "w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
         "</w:docDefaults><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
         "<w:name w:val=\"Normal\"/></w:style><w:style w:type=\"table\" w:default=\"1\" "
         "w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:tblPr><w:tblCellMar>"
         "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom "
         "w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar>"
         "</w:tblPr></w:style></w:styles>";
    return x;
  }

  static std::string Settings() {
    std::string x(kXmlDeclaration);
    x += "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
         "<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
         "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
         "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
         "</w:settings>";
    return x;
  }

  // Page 1 has an empty header; the others the page number, centred.
  static std::string Header(bool page_number) {
    std::string x(kXmlDeclaration);
    x += "<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
         "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>";
    if (page_number) {
      const std::string size =
          "<w:rPr><w:sz w:val=\"" + std::to_string(HalfPoints(g::kBodySize)) + "\"/></w:rPr>";
      x += "<w:r>" + size + "<w:fldChar w:fldCharType=\"begin\"/></w:r><w:r>" + size +
           "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r>" + size +
           "<w:fldChar w:fldCharType=\"separate\"/></w:r><w:r>" + size + "<w:t>2</w:t></w:r><w:r>" +
           size + "<w:fldChar w:fldCharType=\"end\"/></w:r>";
    }
    x += "</w:p></w:hdr>";
    return x;
  }

  std::string Document() {
    std::string& x = xml_.out();
    x += kXmlDeclaration;
    x += "<w:document";
    x += kNamespaces;
    x += "><w:body>";
    if (d_.draft) DraftMark();
    Heading();
    Title();
    for (const Block& b : BodyWithEndMark(d_.body)) std::visit([&](const auto& v) { Add(v); }, b);
    Closing();
    x += "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeaderDefault\"/>"
         "<w:headerReference w:type=\"first\" r:id=\"rIdHeaderFirst\"/><w:pgSz w:w=\"" +
         std::to_string(Twips(g::kPageWidth)) + "\" w:h=\"" +
         std::to_string(Twips(g::kPageHeight)) + "\"/><w:pgMar w:top=\"" +
         std::to_string(Twips(g::kMarginTop)) + "\" w:right=\"" +
         std::to_string(Twips(g::kMarginRight)) + "\" w:bottom=\"" +
         std::to_string(Twips(g::kMarginBottom)) + "\" w:left=\"" +
         std::to_string(Twips(g::kMarginLeft)) + "\" w:header=\"" +
         std::to_string(Twips(g::kPageNumberTop)) +
         "\" w:footer=\"567\" w:gutter=\"0\"/><w:titlePg/></w:sectPr></w:body></w:document>";
    return std::move(x);
  }

  void DraftMark() {
    std::string& x = xml_.out();
    x += "<w:p><w:pPr><w:pBdr>";
    for (const char* side : {"top", "left", "bottom", "right"}) {
      x += std::string("<w:") + side +
           " w:val=\"single\" w:sz=\"8\" w:space=\"2\" w:color=\"000000\"/>";
    }
    x += "</w:pBdr><w:spacing w:before=\"0\" w:after=\"120\"/><w:ind w:left=\"0\" w:right=\"" +
         std::to_string(Twips(g::kTextWidth - 30)) + "\"/><w:jc w:val=\"center\"/></w:pPr>";
    xml_.RunText("DỰ THẢO", Style{g::kHeadingLineSize, true, false});
    x += "</w:p>";
  }

  // The two heading blocks side by side, the number and the place-date line on one row below.
  void Heading() {
    std::string& x = xml_.out();
    xml_.OpenTable({g::kAgencyBlockWidth, g::kNationBlockWidth}, false);
    x += "<w:tr>";
    xml_.OpenCell(g::kAgencyBlockWidth);
    xml_.Line(d_.parent_agency, Style{g::kHeadingLineSize, false, false});
    xml_.Line(d_.agency, Style{g::kHeadingLineSize, true, false});
    xml_.Rule(g::kAgencyRule, g::kAgencyBlockWidth);
    x += "</w:tc>";
    xml_.OpenCell(g::kNationBlockWidth);
    xml_.Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Style{g::kNationSize, true, false});
    xml_.Line("Độc lập - Tự do - Hạnh phúc", Style{g::kMottoSize, true, false});
    xml_.Rule(g::kMottoRule, g::kNationBlockWidth);
    x += "</w:tc></w:tr><w:tr>";
    xml_.OpenCell(g::kAgencyBlockWidth);
    xml_.Line(d_.number_line, Style{g::kHeadingLineSize, false, false});
    x += "</w:tc>";
    xml_.OpenCell(g::kNationBlockWidth);
    xml_.Line(d_.place_date_line, Style{g::kBodySize, false, true});
    x += "</w:tc></w:tr></w:tbl>";
  }

  void Title() {
    ParagraphFormat f;
    f.keep_with_next = true;
    xml_.Line("", Style{});
    xml_.Line(d_.type_name, Style{g::kBodySize, true, false}, f);
    xml_.Line(d_.summary, Style{g::kBodySize, true, false}, f);
    xml_.Rule(g::kTitleRule, g::kTextWidth);
    xml_.Line("", Style{});
  }

  static ParagraphFormat BodyFormat(Align align, bool indent) {
    ParagraphFormat f;
    f.align = align;
    f.first_line_indent = indent ? g::kFirstLineIndent : 0;
    f.spacing_after = g::kParagraphSpacing;
    f.line = g::kLineSpacing;
    return f;
  }

  void Add(const Paragraph& p) {
    xml_.OpenParagraph(BodyFormat(p.align, p.indent_first_line));
    for (const Run& r : p.runs) xml_.RunText(r.text, Style{g::kBodySize, r.bold, r.italic});
    xml_.CloseParagraph();
  }

  void Add(const struct Heading& h) {
    ParagraphFormat f = BodyFormat(Align::kJustify, true);
    f.keep_with_next = true;
    xml_.Line(h.label + " " + h.text, Style{g::kBodySize, true, h.level >= 3}, f);
  }

  void Add(const List& l) {
    for (const std::string& item : l.items) {
      xml_.Line("- " + item, Style{}, BodyFormat(Align::kJustify, true));
    }
  }

  void Add(const Table& t) {
    double total = 0;
    for (const TableColumn& c : t.columns) total += c.width;
    std::vector<double> widths;
    for (const TableColumn& c : t.columns) widths.push_back(g::kTextWidth * c.width / total);
    std::string& x = xml_.out();
    xml_.OpenTable(widths, true);
    const Style header{g::kTableSize, true, false};
    x += "<w:tr><w:trPr><w:tblHeader/></w:trPr>";
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      xml_.OpenCell(widths[i]);
      xml_.Line(t.columns[i].header, header);
      x += "</w:tc>";
    }
    x += "</w:tr>";
    for (const TableRow& row : t.rows) {
      x += "<w:tr>";
      const Style s{g::kTableSize, row.bold || row.group, false};
      if (row.group) {
        xml_.OpenCell(g::kTextWidth, static_cast<int>(widths.size()));
        ParagraphFormat f;
        f.align = Align::kLeft;
        xml_.Line(row.cells.empty() ? "" : row.cells.front(), s, f);
        x += "</w:tc>";
      } else {
        for (std::size_t i = 0; i < widths.size(); ++i) {
          xml_.OpenCell(widths[i]);
          ParagraphFormat f;
          f.align = t.columns[i].align;
          xml_.Line(i < row.cells.size() ? row.cells[i] : "", s, f);
          x += "</w:tc>";
        }
      }
      x += "</w:tr>";
    }
    x += "</w:tbl>";
    xml_.Line("", Style{g::kParagraphSpacing, false, false});
  }

  // "Nơi nhận" and the signature block side by side, kept on one page.
  void Closing() {
    std::string& x = xml_.out();
    xml_.OpenTable({g::kRecipientsWidth, g::kSignatureWidth}, false);
    x += "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
    xml_.OpenCell(g::kRecipientsWidth);
    ParagraphFormat left;
    left.align = Align::kLeft;
    xml_.Line("Nơi nhận:", Style{g::kRecipientsTitleSize, true, true}, left);
    for (const std::string& line : d_.recipients) {
      xml_.Line("- " + line, Style{g::kRecipientsSize, false, false}, left);
    }
    x += "</w:tc>";
    xml_.OpenCell(g::kSignatureWidth);
    const Style bold{g::kBodySize, true, false};
    if (!d_.signature.authority.empty()) xml_.Line(d_.signature.authority, bold);
    xml_.Line(d_.signature.title, bold);
    SignatureSpace();
    xml_.Line(d_.signature.name, bold);
    x += "</w:tc></w:tr></w:tbl>";
  }

  // The space between the title and the name: blank lines as tall as it at least, the first
  // holding the signature and the seal, when they are set, each floating where g::SealPlacement
  // puts it from the column's centre and the space's top, the seal over the signature.
  void SignatureSpace() {
    const double line_mm = g::kBodySize * 1.15 / g::kPointsPerMm;
    xml_.OpenParagraph(ParagraphFormat{});
    if (signature_) Float(*signature_, g::SignaturePlacement(signature_->size), 1);
    if (seal_) {
      const std::optional<g::Size> under =
          signature_ ? std::optional<g::Size>(signature_->size) : std::nullopt;
      Float(*seal_, g::SealPlacement(seal_->size, under), 2);
    }
    xml_.CloseParagraph();
    for (double h = line_mm; h < g::kSignatureSpace; h += line_mm) xml_.Line("", Style{});
  }

  // A picture anchored to the paragraph, in front of the text, placed in the signature column.
  void Float(const Picture& p, const g::Placement& at, int id) {
    std::string& x = xml_.out();
    x += "<w:r><w:drawing><wp:anchor distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" "
         "simplePos=\"0\" relativeHeight=\"" +
         std::to_string(id + 1) +
         "\" behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\"><wp:simplePos "
         "x=\"0\" y=\"0\"/><wp:positionH relativeFrom=\"column\"><wp:posOffset>" +
         std::to_string(Emu(g::kSignatureWidth / 2 + at.left)) +
         "</wp:posOffset></wp:positionH><wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>" +
         std::to_string(Emu(at.top)) + "</wp:posOffset></wp:positionV>";
    AppendGraphic(x, p, id, true);
    x += "</wp:anchor></w:drawing></w:r>";
  }

  const OfficialDocument& d_;
  std::optional<Picture> signature_;
  std::optional<Picture> seal_;
  DocumentXml xml_;
};

}  // namespace

std::string RenderDocx(const OfficialDocument& document) {
  const OfficialDocument normalized = Normalized(document);
  return DocxBuilder(normalized).Build();
}

}  // namespace giaoban::documents
