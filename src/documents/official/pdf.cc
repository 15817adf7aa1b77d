#include "documents/official/pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "documents/official/page_geometry.h"

namespace giaoban::documents {

namespace {

namespace g = geometry;

constexpr double Pt(double mm) { return mm * g::kPointsPerMm; }

constexpr double kPageWidth = Pt(g::kPageWidth);
constexpr double kPageHeight = Pt(g::kPageHeight);
constexpr double kLeft = Pt(g::kMarginLeft);
constexpr double kTextWidth = Pt(g::kTextWidth);
constexpr double kTop = Pt(g::kMarginTop);
// A line of body text, as headings and tables count what must follow them on a page.
constexpr double kLine = g::kBodySize * g::kLineSpacing * 1.2;
constexpr double kBottom = kPageHeight - Pt(g::kMarginBottom);
constexpr double kRuleWidth = 0.6;
constexpr double kBorderWidth = 0.5;
constexpr const char* kFontFamily = "Liberation Serif";

struct LayoutFree {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutFree>;

struct TextStyle {
  double size = g::kBodySize;
  bool bold = false;
  bool italic = false;
  Align align = Align::kCenter;
  double first_line_indent = 0;  // pt
  double line_spacing = 1;
};

// One line of a laid-out text, relative to the layout's top left, in points.
struct LineBox {
  PangoLayoutLine* line;
  double x;
  double top;
  double bottom;
  double baseline;
  double height() const { return bottom - top; }
};

double FromPango(int units) { return static_cast<double>(units) / PANGO_SCALE; }

std::vector<LineBox> LinesOf(PangoLayout* layout) {
  std::vector<LineBox> lines;
  PangoLayoutIter* it = pango_layout_get_iter(layout);
  do {
    int y0 = 0;
    int y1 = 0;
    pango_layout_iter_get_line_yrange(it, &y0, &y1);
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    lines.push_back(LineBox{pango_layout_iter_get_line_readonly(it), FromPango(logical.x),
                            FromPango(y0), FromPango(y1),
                            FromPango(pango_layout_iter_get_baseline(it))});
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  return lines;
}

class PdfComposer {
 public:
  explicit PdfComposer(const OfficialDocument& d) : d_(d) {
    surface_ =
        cairo_pdf_surface_create_for_stream(&PdfComposer::Write, &bytes_, kPageWidth, kPageHeight);
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE,
                                   (d.type_name + " " + d.summary).c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_AUTHOR, d.agency.c_str());
    // The document's own date rather than the moment of rendering.
    const std::string date = d.date.Iso() + "T00:00:00";
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
    cr_ = cairo_create(surface_);
    context_ = pango_cairo_create_context(cr_);
    // Unhinted outlines and metrics: the same layout on every machine and at every zoom.
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context_, options);
    cairo_font_options_destroy(options);
    pango_context_set_language(context_, pango_language_from_string("vi"));
  }

  ~PdfComposer() {
    g_object_unref(context_);
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
  }

  PdfComposer(const PdfComposer&) = delete;
  PdfComposer& operator=(const PdfComposer&) = delete;

  std::string Render() {
    StartPage();
    if (d_.draft) DraftMark();
    HeadingBlocks();
    Title();
    const std::vector<Block> body = BodyWithEndMark(d_.body);
    for (std::size_t i = 0; i < body.size(); ++i) {
      next_ = i + 1 < body.size() ? &body[i + 1] : nullptr;
      std::visit([&](const auto& v) { Add(v); }, body[i]);
    }
    Closing();
    cairo_show_page(cr_);
    cairo_surface_finish(surface_);
    if (const cairo_status_t s = cairo_surface_status(surface_); s != CAIRO_STATUS_SUCCESS) {
      throw std::runtime_error(std::string("pdf: ") + cairo_status_to_string(s));
    }
    return std::move(bytes_);
  }

 private:
  static cairo_status_t Write(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  }

  LayoutPtr Layout(const std::vector<Run>& runs, const TextStyle& s, double width) {
    LayoutPtr layout(pango_layout_new(context_));
    std::string text;
    PangoAttrList* attrs = pango_attr_list_new();
    for (const Run& r : runs) {
      const auto start = static_cast<guint>(text.size());
      text += r.text;
      const auto end = static_cast<guint>(text.size());
      if (r.bold && !s.bold) {
        PangoAttribute* a = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
        a->start_index = start;
        a->end_index = end;
        pango_attr_list_insert(attrs, a);
      }
      if (r.italic && !s.italic) {
        PangoAttribute* a = pango_attr_style_new(PANGO_STYLE_ITALIC);
        a->start_index = start;
        a->end_index = end;
        pango_attr_list_insert(attrs, a);
      }
    }
    pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
    pango_layout_set_attributes(layout.get(), attrs);
    pango_attr_list_unref(attrs);

    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, kFontFamily);
    pango_font_description_set_absolute_size(font, s.size * PANGO_SCALE);
    pango_font_description_set_weight(font, s.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font, s.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(layout.get(), font);
    pango_font_description_free(font);

    pango_layout_set_width(layout.get(), pango_units_from_double(width));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_indent(layout.get(), pango_units_from_double(s.first_line_indent));
    if (s.line_spacing != 1) pango_layout_set_line_spacing(layout.get(), s.line_spacing);
    switch (s.align) {
      case Align::kLeft:
        pango_layout_set_alignment(layout.get(), PANGO_ALIGN_LEFT);
        break;
      case Align::kCenter:
        pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
        break;
      case Align::kRight:
        pango_layout_set_alignment(layout.get(), PANGO_ALIGN_RIGHT);
        break;
      case Align::kJustify:
        pango_layout_set_alignment(layout.get(), PANGO_ALIGN_LEFT);
        pango_layout_set_justify(layout.get(), TRUE);
        break;
    }
    return layout;
  }

  LayoutPtr Layout(std::string_view text, const TextStyle& s, double width) {
    return Layout(std::vector<Run>{Run{std::string(text)}}, s, width);
  }

  static double Height(PangoLayout* layout) {
    int w = 0;
    int h = 0;
    pango_layout_get_size(layout, &w, &h);
    return FromPango(h);
  }

  void DrawLine(const LineBox& line, double x, double top) {
    cairo_move_to(cr_, x + line.x, top + line.baseline - line.top);
    pango_cairo_show_layout_line(cr_, line.line);
  }

  // Draws a whole layout at (x, top) on the current page; returns its height.
  double DrawBlock(PangoLayout* layout, double x, double top) {
    cairo_move_to(cr_, x, top);
    pango_cairo_show_layout(cr_, layout);
    return Height(layout);
  }

  void HorizontalRule(double centre_x, double length, double y) {
    cairo_set_line_width(cr_, kRuleWidth);
    cairo_move_to(cr_, centre_x - length / 2, y);
    cairo_line_to(cr_, centre_x + length / 2, y);
    cairo_stroke(cr_);
  }

  void StartPage() {
    ++page_;
    y_ = kTop;
    cairo_set_source_rgb(cr_, 0, 0, 0);
    if (page_ >= 2) {
      LayoutPtr number = Layout(std::to_string(page_), TextStyle{}, kTextWidth);
      DrawBlock(number.get(), kLeft, Pt(g::kPageNumberTop));
    }
  }

  void NewPage() {
    cairo_show_page(cr_);
    StartPage();
  }

  // Text that flows: line by line, onto a new page where the page ends.
  void Flow(PangoLayout* layout, double spacing_after) {
    for (const LineBox& line : LinesOf(layout)) {
      if (y_ + line.height() > kBottom) NewPage();
      DrawLine(line, kLeft, y_);
      y_ += line.height();
    }
    y_ += spacing_after;
  }

  void DraftMark() {
    LayoutPtr mark = Layout("DỰ THẢO", TextStyle{g::kHeadingLineSize, true}, Pt(30));
    const double top = kTop - Pt(12);
    const double h = DrawBlock(mark.get(), kLeft, top);
    cairo_set_line_width(cr_, 0.8);
    cairo_rectangle(cr_, kLeft, top - 2, Pt(30), h + 4);
    cairo_stroke(cr_);
  }

  void HeadingBlocks() {
    const double left_w = Pt(g::kAgencyBlockWidth);
    const double right_x = kLeft + left_w;
    const double right_w = Pt(g::kNationBlockWidth);

    double left_y = y_;
    left_y += DrawBlock(Layout(d_.parent_agency, TextStyle{g::kHeadingLineSize}, left_w).get(),
                        kLeft, left_y);
    left_y += DrawBlock(Layout(d_.agency, TextStyle{g::kHeadingLineSize, true}, left_w).get(),
                        kLeft, left_y);
    HorizontalRule(kLeft + left_w / 2, Pt(g::kAgencyRule), left_y + 3);
    left_y += 5;

    double right_y = y_;
    right_y += DrawBlock(
        Layout("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", TextStyle{g::kNationSize, true}, right_w)
            .get(),
        right_x, right_y);
    LayoutPtr motto =
        Layout("Độc lập - Tự do - Hạnh phúc", TextStyle{g::kMottoSize, true}, right_w);
    right_y += DrawBlock(motto.get(), right_x, right_y);
    // The rule under the motto is as long as the motto itself.
    PangoRectangle ink;
    pango_layout_get_extents(motto.get(), nullptr, &ink);
    HorizontalRule(right_x + right_w / 2, FromPango(ink.width), right_y + 2);
    right_y += 4;

    const double row_y = std::max(left_y, right_y) + 6;
    const double number_h = DrawBlock(
        Layout(d_.number_line, TextStyle{g::kHeadingLineSize}, left_w).get(), kLeft, row_y);
    const double date_h =
        DrawBlock(Layout(d_.place_date_line, TextStyle{g::kBodySize, false, true}, right_w).get(),
                  right_x, row_y);
    y_ = row_y + std::max(number_h, date_h);
  }

  void Title() {
    y_ += 18;
    y_ +=
        DrawBlock(Layout(d_.type_name, TextStyle{g::kBodySize, true}, kTextWidth).get(), kLeft, y_);
    y_ += DrawBlock(Layout(d_.summary, TextStyle{g::kBodySize, true}, kTextWidth).get(), kLeft, y_);
    HorizontalRule(kLeft + kTextWidth / 2, Pt(g::kTitleRule), y_ + 4);
    y_ += 18;
  }

  static TextStyle BodyStyle(Align align, bool indent, bool bold = false, bool italic = false) {
    TextStyle s{g::kBodySize, bold, italic, align};
    s.first_line_indent = indent ? Pt(g::kFirstLineIndent) : 0;
    s.line_spacing = g::kLineSpacing;
    return s;
  }

  void Add(const Paragraph& p) {
    Flow(Layout(p.runs, BodyStyle(p.align, p.indent_first_line), kTextWidth).get(),
         g::kParagraphSpacing);
  }

  void Add(const struct Heading& h) {
    LayoutPtr layout = Layout(h.label + " " + h.text,
                              BodyStyle(Align::kJustify, true, true, h.level >= 3), kTextWidth);
    // A heading stays with the start of what follows it: a table's start, or two lines of text.
    const Table* table = next_ ? std::get_if<Table>(next_) : nullptr;
    const double follow = table ? TableStartHeight(*table) : 2 * kLine;
    if (y_ > kTop && y_ + Height(layout.get()) + g::kParagraphSpacing + follow > kBottom) NewPage();
    Flow(layout.get(), g::kParagraphSpacing);
  }

  void Add(const List& l) {
    for (const std::string& item : l.items) {
      Flow(Layout("- " + item, BodyStyle(Align::kJustify, true), kTextWidth).get(),
           g::kParagraphSpacing);
    }
  }

  struct Cell {
    LayoutPtr layout;
    std::vector<LineBox> lines;
    std::size_t next = 0;
    double x = 0;
    double width = 0;
  };

  std::vector<Cell> CellsOf(const std::vector<std::string>& texts, const std::vector<double>& xs,
                            const std::vector<double>& widths, const std::vector<Align>& aligns,
                            bool bold) {
    std::vector<Cell> cells;
    const double pad = Pt(g::kCellPadding);
    for (std::size_t i = 0; i < widths.size(); ++i) {
      Cell c;
      c.layout = Layout(i < texts.size() ? texts[i] : std::string(),
                        TextStyle{g::kTableSize, bold, false, aligns[i]}, widths[i] - 2 * pad);
      c.lines = LinesOf(c.layout.get());
      c.x = xs[i];
      c.width = widths[i];
      cells.push_back(std::move(c));
    }
    return cells;
  }

  static double RowHeight(const std::vector<Cell>& cells) {
    double h = 0;
    for (const Cell& c : cells) {
      double cell_h = 0;
      for (std::size_t i = c.next; i < c.lines.size(); ++i) cell_h += c.lines[i].height();
      h = std::max(h, cell_h);
    }
    return h + 2 * Pt(g::kCellPadding);
  }

  // Draws as much of the row as fits above `limit`: whole lines of each cell, the cells' borders
  // around them. Returns whether the row is finished.
  bool DrawRowSlice(std::vector<Cell>& cells, double limit) {
    const double pad = Pt(g::kCellPadding);
    double slice = 0;
    std::vector<std::size_t> ends;
    for (Cell& c : cells) {
      double h = 0;
      std::size_t end = c.next;
      while (end < c.lines.size() && y_ + pad + h + c.lines[end].height() + pad <= limit) {
        h += c.lines[end].height();
        ++end;
      }
      ends.push_back(end);
      slice = std::max(slice, h);
    }
    slice += 2 * pad;
    bool finished = true;
    cairo_set_line_width(cr_, kBorderWidth);
    for (std::size_t i = 0; i < cells.size(); ++i) {
      Cell& c = cells[i];
      double line_y = y_ + pad;
      for (; c.next < ends[i]; ++c.next) {
        DrawLine(c.lines[c.next], c.x + pad, line_y);
        line_y += c.lines[c.next].height();
      }
      if (c.next < c.lines.size()) finished = false;
      cairo_rectangle(cr_, c.x, y_, c.width, slice);
      cairo_stroke(cr_);
    }
    y_ += slice;
    return finished;
  }

  // Where a table's columns sit across the text's width.
  struct TableGeometry {
    std::vector<double> xs;
    std::vector<double> widths;
    std::vector<Align> aligns;
    std::vector<std::string> headers;
  };

  TableGeometry GeometryOf(const Table& t) const {
    double total = 0;
    for (const TableColumn& c : t.columns) total += c.width;
    TableGeometry g;
    double x = kLeft;
    for (const TableColumn& c : t.columns) {
      g.xs.push_back(x);
      g.widths.push_back(kTextWidth * c.width / total);
      g.aligns.push_back(c.align);
      g.headers.push_back(c.header);
      x += g.widths.back();
    }
    return g;
  }

  // The height a table needs to start on a page: its header row and its first row, which are
  // never parted, or, when that row is taller than a page and is split anyway, the header and the
  // row's first lines.
  double TableStartHeight(const Table& t) {
    const TableGeometry g = GeometryOf(t);
    const std::vector<Align> centred(g.aligns.size(), Align::kCenter);
    const double header = RowHeight(CellsOf(g.headers, g.xs, g.widths, centred, true));
    if (t.rows.empty()) return header;
    const double first = RowHeight(RowCells(t.rows.front(), g.xs, g.widths, g.aligns));
    return header + (first <= kBottom - kTop - header ? first : 3 * kLine);
  }

  void Add(const Table& t) {
    const TableGeometry g = GeometryOf(t);
    const auto& [xs, widths, aligns, headers] = g;
    const std::vector<Align> centred(aligns.size(), Align::kCenter);
    auto header_row = [&] { return CellsOf(headers, xs, widths, centred, true); };

    // The header with at least the first row under it, or both on the next page.
    if (y_ > kTop && y_ + TableStartHeight(t) > kBottom) NewPage();
    {
      std::vector<Cell> head = header_row();
      DrawRowSlice(head, kPageHeight);
    }
    for (const TableRow& row : t.rows) {
      std::vector<Cell> cells = RowCells(row, xs, widths, aligns);
      const double h = RowHeight(cells);
      const double page_room = kBottom - kTop - RowHeight(header_row());
      // A row that fits on a page is never split; a taller one is, line by line.
      if (y_ + h > kBottom && h <= page_room) {
        NewPage();
        std::vector<Cell> head = header_row();
        DrawRowSlice(head, kPageHeight);
      }
      while (!DrawRowSlice(cells, kBottom)) {
        NewPage();
        std::vector<Cell> head = header_row();
        DrawRowSlice(head, kPageHeight);
      }
    }
    y_ += g::kParagraphSpacing;
  }

  std::vector<Cell> RowCells(const TableRow& row, const std::vector<double>& xs,
                             const std::vector<double>& widths, const std::vector<Align>& aligns) {
    if (row.group) {
      return CellsOf({row.cells.empty() ? std::string() : row.cells.front()}, {xs.front()},
                     {kTextWidth}, {Align::kLeft}, true);
    }
    return CellsOf(row.cells, xs, widths, aligns, row.bold);
  }

  // "Nơi nhận" and the signature block side by side, moved whole to a new page if they do not fit.
  void Closing() {
    const double left_w = Pt(g::kRecipientsWidth);
    const double right_x = kLeft + left_w;
    const double right_w = Pt(g::kSignatureWidth);

    std::vector<LayoutPtr> left;
    left.push_back(
        Layout("Nơi nhận:", TextStyle{g::kRecipientsTitleSize, true, true, Align::kLeft}, left_w));
    for (const std::string& line : d_.recipients) {
      left.push_back(
          Layout("- " + line, TextStyle{g::kRecipientsSize, false, false, Align::kLeft}, left_w));
    }
    const TextStyle bold{g::kBodySize, true};
    LayoutPtr authority = Layout(d_.signature.authority, bold, right_w);
    LayoutPtr title = Layout(d_.signature.title, bold, right_w);
    LayoutPtr name = Layout(d_.signature.name, bold, right_w);

    double left_h = 0;
    for (const LayoutPtr& l : left) left_h += Height(l.get());
    const double authority_h = d_.signature.authority.empty() ? 0 : Height(authority.get());
    const double right_h =
        authority_h + Height(title.get()) + Pt(g::kSignatureSpace) + Height(name.get());
    y_ += 6;
    if (y_ + std::max(left_h, right_h) > kBottom) NewPage();

    double ly = y_;
    for (const LayoutPtr& l : left) ly += DrawBlock(l.get(), kLeft, ly);

    double ry = y_;
    if (authority_h > 0) ry += DrawBlock(authority.get(), right_x, ry);
    ry += DrawBlock(title.get(), right_x, ry);
    SignatureImages(right_x + right_w / 2, ry);
    ry += Pt(g::kSignatureSpace);
    ry += DrawBlock(name.get(), right_x, ry);
    y_ = std::max(ly, ry);
  }

  // The signature and the seal in the space between the title and the name (g::SealPlacement),
  // the seal drawn over the signature.
  void SignatureImages(double centre_x, double top) {
    std::optional<g::Size> signature;
    if (!d_.signature.signature_png.empty()) {
      signature =
          ImageSize(d_.signature.signature_png, g::kSignatureImageWidth, g::kSignatureImageHeight);
      DrawPng(d_.signature.signature_png, centre_x, top, g::SignaturePlacement(*signature));
    }
    if (!d_.signature.seal_png.empty()) {
      const g::Size seal = ImageSize(d_.signature.seal_png, g::kSealSize, g::kSealSize);
      DrawPng(d_.signature.seal_png, centre_x, top, g::SealPlacement(seal, signature));
    }
  }

  static g::Size ImageSize(const std::string& png, double box_w, double box_h) {
    const auto pixels = g::PngSize(png);
    if (!pixels) throw std::runtime_error("pdf: an image is not a PNG file");
    return g::FitInto(*pixels, box_w, box_h);
  }

  struct PngReader {
    std::string_view bytes;
    static cairo_status_t Read(void* closure, unsigned char* data, unsigned int length) {
      auto* r = static_cast<PngReader*>(closure);
      if (r->bytes.size() < length) return CAIRO_STATUS_READ_ERROR;
      std::copy_n(r->bytes.data(), length, data);
      r->bytes.remove_prefix(length);
      return CAIRO_STATUS_SUCCESS;
    }
  };

  // `png` drawn where `at` says, from the point (`centre_x`, `top`).
  void DrawPng(const std::string& png, double centre_x, double top, const g::Placement& at) {
    const double x = centre_x + Pt(at.left), y = top + Pt(at.top);
    const g::Size size = at.size;
    PngReader reader{png};
    cairo_surface_t* image = cairo_image_surface_create_from_png_stream(&PngReader::Read, &reader);
    if (cairo_surface_status(image) != CAIRO_STATUS_SUCCESS) {
      cairo_surface_destroy(image);
      throw std::runtime_error("pdf: an image could not be read");
    }
    const double sx = Pt(size.width) / cairo_image_surface_get_width(image);
    const double sy = Pt(size.height) / cairo_image_surface_get_height(image);
    cairo_save(cr_);
    cairo_translate(cr_, x, y);
    cairo_scale(cr_, sx, sy);
    cairo_set_source_surface(cr_, image, 0, 0);
    cairo_paint(cr_);
    cairo_restore(cr_);
    cairo_surface_destroy(image);
  }

  const OfficialDocument& d_;
  std::string bytes_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  PangoContext* context_ = nullptr;
  int page_ = 0;
  double y_ = 0;
  const Block* next_ = nullptr;  // the block after the one being added
};

}  // namespace

std::string RenderPdf(const OfficialDocument& document) {
  const OfficialDocument normalized = Normalized(document);
  return PdfComposer(normalized).Render();
}

}  // namespace giaoban::documents
