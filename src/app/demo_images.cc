#include "app/demo_images.h"

#include <cairo.h>

#include <cmath>
#include <memory>
#include <stdexcept>
#include <vector>

namespace giaoban::app {

namespace {

using Surface = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;
using Cairo = std::unique_ptr<cairo_t, decltype(&cairo_destroy)>;

std::string Png(cairo_surface_t* surface) {
  std::string png;
  const cairo_status_t status = cairo_surface_write_to_png_stream(
      surface,
      [](void* closure, const unsigned char* data, unsigned int length) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
      },
      &png);
  if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error("demo image: cannot write PNG");
  return png;
}

// The text's characters, each a UTF-8 sequence, so that each can be placed on its own.
std::vector<std::string> Characters(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t n = lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
    out.emplace_back(text.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace

std::string DemoSealPng(std::string_view ring) {
  constexpr int kSize = 400;
  constexpr double kCentre = kSize / 2.0;
  Surface surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, kSize, kSize),
                  cairo_surface_destroy);
  Cairo cr(cairo_create(surface.get()), cairo_destroy);
  cairo_set_source_rgba(cr.get(), 0.85, 0.08, 0.08, 0.9);
  // Two rings, the text between them, MẪU in the middle.
  cairo_set_line_width(cr.get(), 9);
  cairo_arc(cr.get(), kCentre, kCentre, 188, 0, 2 * M_PI);
  cairo_stroke(cr.get());
  cairo_set_line_width(cr.get(), 3);
  cairo_arc(cr.get(), kCentre, kCentre, 132, 0, 2 * M_PI);
  cairo_stroke(cr.get());

  cairo_select_font_face(cr.get(), "Liberation Sans", CAIRO_FONT_SLANT_NORMAL,
                         CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size(cr.get(), 30);
  const std::vector<std::string> letters = Characters(ring);
  std::vector<double> advances;
  double total = 0;
  for (const std::string& c : letters) {
    cairo_text_extents_t e;
    cairo_text_extents(cr.get(), c.c_str(), &e);
    advances.push_back(e.x_advance);
    total += e.x_advance;
  }
  // Round the whole ring, clockwise from the top, read from outside.
  double along = 0;
  for (std::size_t i = 0; i < letters.size(); ++i) {
    const double angle = 2 * M_PI * (along + advances[i] / 2) / total;
    cairo_save(cr.get());
    cairo_translate(cr.get(), kCentre, kCentre);
    cairo_rotate(cr.get(), angle);
    cairo_move_to(cr.get(), -advances[i] / 2, -150);
    cairo_show_text(cr.get(), letters[i].c_str());
    cairo_restore(cr.get());
    along += advances[i];
  }

  cairo_set_font_size(cr.get(), 72);
  cairo_text_extents_t e;
  cairo_text_extents(cr.get(), "MẪU", &e);
  cairo_move_to(cr.get(), kCentre - e.width / 2 - e.x_bearing,
                kCentre - e.height / 2 - e.y_bearing);
  cairo_show_text(cr.get(), "MẪU");
  cairo_surface_flush(surface.get());
  return Png(surface.get());
}

std::string DemoSignaturePng(int variant) {
  // Loops along a slanted line, their heights and widths changing with the hand, then a flourish
  // back under them.
  auto stroke = [variant](cairo_t* cr) {
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_width(cr, 5);
    const double slant = 0.25 + 0.1 * (variant % 3);
    const int loops = 4 + variant % 3;
    double x = 40, y = 130;
    cairo_move_to(cr, x, y);
    for (int i = 0; i < loops; ++i) {
      const double width = 60 + 12 * ((i + variant) % 3);
      const double height = 70 + 25 * ((i * 2 + variant) % 3);
      cairo_curve_to(cr, x + width * 0.2, y - height, x + width * (0.9 + slant), y - height,
                     x + width * 0.5, y);
      cairo_curve_to(cr, x + width * 0.3, y + 20, x + width * 0.8, y + 10, x + width, y - 10);
      x += width;
      y -= 6;
    }
    cairo_curve_to(cr, x + 30, y + 40, x * 0.6, 180, 30, 170);
  };
  // The picture as large as the ink, with a small margin: the document fits it to its space.
  double x0, y0, x1, y1;
  {
    Surface probe(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1), cairo_surface_destroy);
    Cairo cr(cairo_create(probe.get()), cairo_destroy);
    stroke(cr.get());
    cairo_stroke_extents(cr.get(), &x0, &y0, &x1, &y1);
  }
  constexpr double kMargin = 6;
  Surface surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32,
                                             static_cast<int>(std::ceil(x1 - x0 + 2 * kMargin)),
                                             static_cast<int>(std::ceil(y1 - y0 + 2 * kMargin))),
                  cairo_surface_destroy);
  Cairo cr(cairo_create(surface.get()), cairo_destroy);
  cairo_translate(cr.get(), kMargin - x0, kMargin - y0);
  cairo_set_source_rgba(cr.get(), 0.05, 0.15, 0.65, 0.95);
  stroke(cr.get());
  cairo_stroke(cr.get());
  cairo_surface_flush(surface.get());
  return Png(surface.get());
}

}  // namespace giaoban::app
