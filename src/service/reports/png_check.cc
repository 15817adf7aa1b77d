#include "service/reports/png_check.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <optional>
#include <string>
#include <vector>

namespace giaoban::service {

namespace {

constexpr std::string_view kSignature("\x89PNG\r\n\x1a\n", 8);

std::uint32_t Be32(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) << 24 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3]));
}

std::uint32_t Be16(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1]));
}

// The header's values (PNG specification, 11.2.2).
struct Header {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  int depth = 0;
  int colour_type = 0;
  bool interlaced = false;

  int Channels() const {
    switch (colour_type) {
      case 0:  // greyscale
      case 3:  // indexed
        return 1;
      case 4:  // greyscale with alpha
        return 2;
      case 2:  // truecolour
        return 3;
      default:  // 6: truecolour with alpha
        return 4;
    }
  }
  int BitsPerPixel() const { return Channels() * depth; }
  bool HasAlpha() const { return colour_type == 4 || colour_type == 6; }
};

// Whether the bit depth is one the colour type allows.
bool ValidDepth(int colour_type, int depth) {
  switch (colour_type) {
    case 0:
      return depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
    case 3:
      return depth == 1 || depth == 2 || depth == 4 || depth == 8;
    case 2:
    case 4:
    case 6:
      return depth == 8 || depth == 16;
    default:
      return false;
  }
}

std::optional<Header> ReadHeader(std::string_view data) {
  if (data.size() != 13) return std::nullopt;
  Header h;
  h.width = Be32(data, 0);
  h.height = Be32(data, 4);
  h.depth = static_cast<unsigned char>(data[8]);
  h.colour_type = static_cast<unsigned char>(data[9]);
  const int compression = static_cast<unsigned char>(data[10]);
  const int filter = static_cast<unsigned char>(data[11]);
  const int interlace = static_cast<unsigned char>(data[12]);
  if (h.width == 0 || h.height == 0 || h.width > 0x7fffffffu || h.height > 0x7fffffffu)
    return std::nullopt;
  if (!ValidDepth(h.colour_type, h.depth) || compression != 0 || filter != 0 || interlace > 1)
    return std::nullopt;
  h.interlaced = interlace == 1;
  return h;
}

// One pass of the image's rows: the whole image, or one of Adam7's seven.
struct Pass {
  std::size_t columns = 0;
  std::size_t rows = 0;
};

std::vector<Pass> PassesOf(const Header& h) {
  if (!h.interlaced) return {{h.width, h.height}};
  // Adam7: each pass's first column and row, and its steps.
  constexpr std::array<std::array<std::size_t, 4>, 7> kAdam7 = {{{0, 0, 8, 8},
                                                                 {4, 0, 8, 8},
                                                                 {0, 4, 4, 8},
                                                                 {2, 0, 4, 4},
                                                                 {0, 2, 2, 4},
                                                                 {1, 0, 2, 2},
                                                                 {0, 1, 1, 2}}};
  std::vector<Pass> passes;
  for (const auto& [x0, y0, dx, dy] : kAdam7) {
    const std::size_t columns = h.width > x0 ? (h.width - x0 + dx - 1) / dx : 0;
    const std::size_t rows = h.height > y0 ? (h.height - y0 + dy - 1) / dy : 0;
    // An empty pass has no rows, not even their filter bytes.
    if (columns > 0 && rows > 0) passes.push_back({columns, rows});
  }
  return passes;
}

// What makes a pixel of an image without an alpha channel transparent, from its tRNS chunk: one
// colour (a grey level, or red, green and blue, in the image's depth), or an alpha for each of the
// palette's first entries. Without tRNS every such pixel is opaque.
struct Transparency {
  std::optional<std::array<std::uint32_t, 3>> colour;  // greyscale uses the first only
  std::vector<unsigned char> palette_alpha;
};

// Takes the inflated image data as it comes and rebuilds its rows (each a filter byte, then the
// row filtered): every filter byte must be one of the five filters, the data must end with the
// last row, and the rows are read, until one is found, for a pixel not opaque: one whose alpha
// sample is below its largest value, whose palette entry has an alpha below 255, or whose colour
// is the one tRNS makes transparent.
class RowReader {
 public:
  RowReader(const Header& h, Transparency transparency)
      : header_(h),
        transparency_(std::move(transparency)),
        passes_(PassesOf(h)),
        filter_unit_(std::max(1, h.BitsPerPixel() / 8)),
        may_be_transparent_(h.HasAlpha() || transparency_.colour ||
                            std::any_of(transparency_.palette_alpha.begin(),
                                        transparency_.palette_alpha.end(),
                                        [](unsigned char alpha) { return alpha != 255; })) {
    StartPass();
  }

  // False when the data goes wrong: a filter that does not exist, or more data than rows.
  bool Take(const unsigned char* data, std::size_t size) {
    while (size > 0) {
      if (pass_ == passes_.size()) return false;
      const std::size_t n = std::min(size, row_.size() - filled_);
      std::copy_n(data, n, row_.begin() + static_cast<std::ptrdiff_t>(filled_));
      filled_ += n;
      data += n;
      size -= n;
      if (filled_ == row_.size() && !EndRow()) return false;
    }
    return true;
  }

  bool complete() const { return pass_ == passes_.size(); }
  bool some_pixel_not_opaque() const { return not_opaque_; }

 private:
  void StartPass() {
    row_in_pass_ = 0;
    filled_ = 0;
    if (pass_ == passes_.size()) return;
    const std::size_t row_bytes =
        (passes_[pass_].columns * static_cast<std::size_t>(header_.BitsPerPixel()) + 7) / 8;
    row_.assign(1 + row_bytes, 0);
    previous_.assign(1 + row_bytes, 0);  // the row above the first is zeros
  }

  bool EndRow() {
    const unsigned char filter = row_[0];
    if (filter > 4) return false;
    const std::size_t unit = static_cast<std::size_t>(filter_unit_);
    for (std::size_t i = 1; i < row_.size(); ++i) {
      const int a = i > unit ? row_[i - unit] : 0;
      const int b = previous_[i];
      const int c = i > unit ? previous_[i - unit] : 0;
      int predicted = 0;
      switch (filter) {
        case 1:
          predicted = a;
          break;
        case 2:
          predicted = b;
          break;
        case 3:
          predicted = (a + b) / 2;
          break;
        case 4: {
          const int p = a + b - c;
          const int pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
          predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
          break;
      }
      row_[i] = static_cast<unsigned char>(row_[i] + predicted);
    }
    if (may_be_transparent_ && !not_opaque_) not_opaque_ = RowHasPixelNotOpaque();
    row_.swap(previous_);
    filled_ = 0;
    if (++row_in_pass_ == passes_[pass_].rows) {
      ++pass_;
      StartPass();
    }
    return true;
  }

  // Sample `channel` of pixel `x` of the row just rebuilt: 1, 2 or 4 bits packed from the high
  // bits of each byte, or one or two bytes (most significant first).
  std::uint32_t Sample(std::size_t x, std::size_t channel) const {
    const std::size_t index = x * static_cast<std::size_t>(header_.Channels()) + channel;
    const unsigned char* samples = row_.data() + 1;
    switch (header_.depth) {
      case 16:
        return static_cast<std::uint32_t>(samples[2 * index]) << 8 | samples[2 * index + 1];
      case 8:
        return samples[index];
      default: {
        const std::size_t bit = index * static_cast<std::size_t>(header_.depth);
        const unsigned shift = 8 - static_cast<unsigned>(header_.depth) - bit % 8;
        return (samples[bit / 8] >> shift) & ((1u << header_.depth) - 1);
      }
    }
  }

  // Whether a pixel of the row just rebuilt is not opaque; the bits that pad the row's last byte
  // are no pixel.
  bool RowHasPixelNotOpaque() const {
    const std::size_t columns = passes_[pass_].columns;
    const std::uint32_t opaque = header_.depth == 16 ? 0xffff : 0xff;
    for (std::size_t x = 0; x < columns; ++x) {
      switch (header_.colour_type) {
        case 4:
          if (Sample(x, 1) != opaque) return true;
          break;
        case 6:
          if (Sample(x, 3) != opaque) return true;
          break;
        case 3: {
          const std::uint32_t entry = Sample(x, 0);
          if (entry < transparency_.palette_alpha.size() &&
              transparency_.palette_alpha[entry] != 255)
            return true;
          break;
        }
        case 0:
          if (Sample(x, 0) == (*transparency_.colour)[0]) return true;
          break;
        default:  // 2
          if (Sample(x, 0) == (*transparency_.colour)[0] &&
              Sample(x, 1) == (*transparency_.colour)[1] &&
              Sample(x, 2) == (*transparency_.colour)[2])
            return true;
          break;
      }
    }
    return false;
  }

  const Header header_;
  const Transparency transparency_;
  const std::vector<Pass> passes_;
  const int filter_unit_;
  const bool may_be_transparent_;  // an alpha channel, or tRNS that makes some pixel transparent
  std::size_t pass_ = 0;
  std::size_t row_in_pass_ = 0;
  std::vector<unsigned char> row_;
  std::vector<unsigned char> previous_;
  std::size_t filled_ = 0;
  bool not_opaque_ = false;
};

// Inflates the image data through `rows`; false unless it is one zlib stream that holds exactly
// the image's rows.
bool ReadImageData(const std::string& compressed, RowReader& rows) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) throw std::bad_alloc();
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  z.avail_in = static_cast<uInt>(compressed.size());
  std::array<unsigned char, 1 << 16> out;
  bool ok = true;
  for (;;) {
    z.next_out = out.data();
    z.avail_out = static_cast<uInt>(out.size());
    const int status = inflate(&z, Z_NO_FLUSH);
    const std::size_t produced = out.size() - z.avail_out;
    if (!rows.Take(out.data(), produced)) {
      ok = false;
      break;
    }
    if (status == Z_STREAM_END) {
      // Nothing may follow the stream, and the rows must all be there.
      ok = z.avail_in == 0 && rows.complete();
      break;
    }
    // A stream cut short stops making progress: no output, and no input left to give.
    if (status != Z_OK || (produced == 0 && z.avail_in == 0)) {
      ok = false;
      break;
    }
  }
  inflateEnd(&z);
  return ok;
}

PngCheck Problem(std::string code) { return PngCheck{std::move(code), 0, 0}; }

}  // namespace

PngCheck CheckDocumentImage(std::string_view bytes) {
  if (bytes.empty()) return Problem("required");
  if (bytes.size() > kMaxDocumentImageBytes) return Problem("too_large");
  if (bytes.size() < kSignature.size() || bytes.substr(0, kSignature.size()) != kSignature)
    return Problem("not_png");

  std::optional<Header> header;
  std::size_t palette_entries = 0;
  bool seen_palette = false, seen_transparency = false, seen_end = false;
  Transparency transparency;
  enum class Data { kBefore, kIn, kAfter } data = Data::kBefore;
  std::string compressed;
  for (std::size_t at = kSignature.size(); at < bytes.size();) {
    // Nothing after IEND; every chunk whole: length, type, data and CRC.
    if (seen_end || bytes.size() - at < 12) return Problem("damaged");
    const std::uint32_t length = Be32(bytes, at);
    if (length > 0x7fffffffu || length > bytes.size() - at - 12) return Problem("damaged");
    const std::string_view type = bytes.substr(at + 4, 4);
    const std::string_view content = bytes.substr(at + 8, length);
    const std::uint32_t crc = Be32(bytes, at + 8 + length);
    const auto computed = crc32(crc32(0L, Z_NULL, 0),
                                reinterpret_cast<const Bytef*>(bytes.data() + at + 4), length + 4);
    if (computed != crc) return Problem("damaged");
    for (char c : type) {
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return Problem("damaged");
    }
    const bool first = at == kSignature.size();
    at += 12 + length;

    if (first != (type == "IHDR")) return Problem("damaged");
    if (type != "IDAT" && data == Data::kIn) data = Data::kAfter;
    if (type == "IHDR") {
      header = ReadHeader(content);
      if (!header) return Problem("damaged");
      if (header->width > kMaxDocumentImagePixels || header->height > kMaxDocumentImagePixels)
        return Problem("too_many_pixels");
    } else if (type == "PLTE") {
      if (seen_palette || data != Data::kBefore || seen_transparency) return Problem("damaged");
      if (header->colour_type == 0 || header->colour_type == 4) return Problem("damaged");
      palette_entries = length / 3;
      if (length % 3 != 0 || palette_entries == 0 || palette_entries > 256)
        return Problem("damaged");
      if (header->colour_type == 3 && palette_entries > (std::size_t{1} << header->depth))
        return Problem("damaged");
      seen_palette = true;
    } else if (type == "tRNS") {
      if (seen_transparency || data != Data::kBefore) return Problem("damaged");
      switch (header->colour_type) {
        case 0:
        case 2:
          // One colour made transparent.
          if (length != (header->colour_type == 0 ? 2u : 6u)) return Problem("damaged");
          transparency.colour = {Be16(content, 0), length == 6 ? Be16(content, 2) : 0,
                                 length == 6 ? Be16(content, 4) : 0};
          break;
        case 3:
          // An alpha for each of the first palette entries.
          if (!seen_palette || length > palette_entries) return Problem("damaged");
          transparency.palette_alpha.assign(content.begin(), content.end());
          break;
        default:  // with an alpha channel already
          return Problem("damaged");
      }
      seen_transparency = true;
    } else if (type == "IDAT") {
      // The image data's chunks follow one another.
      if (data == Data::kAfter) return Problem("damaged");
      data = Data::kIn;
      compressed.append(content);
    } else if (type == "IEND") {
      if (length != 0) return Problem("damaged");
      seen_end = true;
    } else if (!(type[0] & 0x20)) {
      // A critical chunk this reader does not know: no reader can be sure to draw the image.
      return Problem("damaged");
    }
  }
  if (!seen_end || data == Data::kBefore) return Problem("damaged");
  if (header->colour_type == 3 && !seen_palette) return Problem("damaged");

  RowReader rows(*header, std::move(transparency));
  if (!ReadImageData(compressed, rows)) return Problem("damaged");
  if (!rows.some_pixel_not_opaque()) return Problem("not_transparent");
  return PngCheck{"", static_cast<int>(header->width), static_cast<int>(header->height)};
}

}  // namespace giaoban::service
