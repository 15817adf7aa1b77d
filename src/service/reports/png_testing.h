// Small PNG files written for the tests, chunk by chunk, so that each way a file can be wrong is
// made on purpose: a PNG checked by the service (png_check.h) and drawn by the renderers.
#pragma once

#include <zlib.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace giaoban::service::png_testing {

inline std::string Be32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}

// One chunk: its length, type, data and the CRC of type and data.
inline std::string Chunk(std::string_view type, std::string_view data) {
  std::string body = std::string(type) + std::string(data);
  const auto crc = crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(body.data()),
                         static_cast<uInt>(body.size()));
  return Be32(static_cast<std::uint32_t>(data.size())) + body +
         Be32(static_cast<std::uint32_t>(crc));
}

inline std::string Header(std::uint32_t width, std::uint32_t height, int depth, int colour_type,
                          bool interlaced = false) {
  return Be32(width) + Be32(height) + static_cast<char>(depth) + static_cast<char>(colour_type) +
         '\0' + '\0' + static_cast<char>(interlaced ? 1 : 0);
}

inline std::string Deflate(std::string_view raw) {
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  std::string out(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                reinterpret_cast<const Bytef*>(raw.data()), static_cast<uLong>(raw.size()),
                Z_BEST_COMPRESSION) != Z_OK) {
    throw std::runtime_error("deflate failed");
  }
  out.resize(size);
  return out;
}

inline constexpr std::string_view kSignature("\x89PNG\r\n\x1a\n", 8);

// A file of the given chunks: the signature, IHDR from `header`, `before` (PLTE, tRNS, ...), the
// image data `raw` (its rows, each with its filter byte) deflated in one IDAT, and IEND.
inline std::string File(const std::string& header, const std::string& raw,
                        const std::vector<std::pair<std::string, std::string>>& before = {}) {
  std::string png(kSignature);
  png += Chunk("IHDR", header);
  for (const auto& [type, data] : before) png += Chunk(type, data);
  png += Chunk("IDAT", Deflate(raw));
  png += Chunk("IEND", "");
  return png;
}

// The image data's rows, not interlaced, each unfiltered (its filter byte 0): `channels` samples
// of `depth` bits a pixel, `sample(x, y, channel)` each; samples of 1, 2 and 4 bits packed from
// each byte's high bits, a row's last byte padded with zero bits, 16 bits most significant first.
template <class SampleFn>
std::string Rows(int width, int height, int depth, int channels, SampleFn sample) {
  std::string raw;
  for (int y = 0; y < height; ++y) {
    raw += '\0';
    unsigned bits = 0;
    int filled = 0;
    for (int x = 0; x < width; ++x) {
      for (int channel = 0; channel < channels; ++channel) {
        const auto value = static_cast<std::uint32_t>(sample(x, y, channel));
        if (depth == 16) {
          raw += {static_cast<char>(value >> 8), static_cast<char>(value)};
        } else if (depth == 8) {
          raw += static_cast<char>(value);
        } else {
          bits = bits << depth | (value & ((1u << depth) - 1));
          filled += depth;
          if (filled == 8) {
            raw += static_cast<char>(bits);
            bits = 0;
            filled = 0;
          }
        }
      }
    }
    if (filled > 0) raw += static_cast<char>(bits << (8 - filled));
  }
  return raw;
}

// A colour with its alpha, 8 bits each.
struct Rgba {
  unsigned char r = 0, g = 0, b = 0, a = 255;
};

// An 8-bit RGBA image, not interlaced, each pixel as `pixel(x, y)` says, each row unfiltered.
template <class PixelFn>
std::string Rgba8(int width, int height, PixelFn pixel) {
  return File(Header(width, height, 8, 6), Rows(width, height, 8, 4, [&](int x, int y, int c) {
                const Rgba p = pixel(x, y);
                const unsigned char samples[] = {p.r, p.g, p.b, p.a};
                return samples[c];
              }));
}

// An image without an alpha channel, of `depth` bits a sample: greyscale, each pixel's level
// `grey(x, y)`, with `transparent` the level its tRNS chunk makes transparent (none: no tRNS).
template <class GreyFn>
std::string Greyscale(int width, int height, int depth, GreyFn grey,
                      std::optional<std::uint16_t> transparent = std::nullopt) {
  std::vector<std::pair<std::string, std::string>> chunks;
  if (transparent)
    chunks.push_back(
        {"tRNS", {static_cast<char>(*transparent >> 8), static_cast<char>(*transparent)}});
  return File(Header(width, height, depth, 0),
              Rows(width, height, depth, 1, [&](int x, int y, int) { return grey(x, y); }), chunks);
}

// The same in truecolour: each pixel's red, green and blue `rgb(x, y)`, 8 or 16 bits each.
using Rgb = std::array<std::uint16_t, 3>;
template <class RgbFn>
std::string Truecolour(int width, int height, int depth, RgbFn rgb,
                       std::optional<Rgb> transparent = std::nullopt) {
  std::vector<std::pair<std::string, std::string>> chunks;
  if (transparent) {
    std::string colour;
    for (std::uint16_t v : *transparent)
      colour += {static_cast<char>(v >> 8), static_cast<char>(v)};
    chunks.push_back({"tRNS", colour});
  }
  return File(Header(width, height, depth, 2),
              Rows(width, height, depth, 3, [&](int x, int y, int c) { return rgb(x, y)[c]; }),
              chunks);
}

// An indexed-colour image of `depth` bits a pixel: its palette, each pixel's entry `entry(x, y)`.
// An entry's alpha below 255 goes into a tRNS chunk, with those of the entries before it; a
// palette all opaque has none.
template <class EntryFn>
std::string Indexed(int width, int height, int depth, const std::vector<Rgba>& palette,
                    EntryFn entry) {
  std::string colours, alphas;
  std::size_t last_not_opaque = 0;
  for (std::size_t i = 0; i < palette.size(); ++i) {
    colours += {static_cast<char>(palette[i].r), static_cast<char>(palette[i].g),
                static_cast<char>(palette[i].b)};
    alphas += static_cast<char>(palette[i].a);
    if (palette[i].a != 255) last_not_opaque = i + 1;
  }
  std::vector<std::pair<std::string, std::string>> chunks{{"PLTE", colours}};
  if (last_not_opaque > 0) chunks.push_back({"tRNS", alphas.substr(0, last_not_opaque)});
  return File(Header(width, height, depth, 3),
              Rows(width, height, depth, 1, [&](int x, int y, int) { return entry(x, y); }),
              chunks);
}

// A signature-like image: a blue stroke across a transparent ground.
inline std::string BlueStroke(int width = 120, int height = 60) {
  return Rgba8(width, height, [&](int x, int y) {
    const bool ink = std::abs(y - height / 2 - (x % 20 - 10) / 2) < 3;
    return ink ? Rgba{20, 40, 200, 255} : Rgba{0, 0, 0, 0};
  });
}

// A seal-like image: a red ring on a transparent ground.
inline std::string RedRing(int size = 100) {
  return Rgba8(size, size, [&](int x, int y) {
    const int dx = x - size / 2, dy = y - size / 2;
    const int r2 = dx * dx + dy * dy, outer = size / 2 - 2, inner = outer - size / 10;
    return r2 <= outer * outer && r2 >= inner * inner ? Rgba{210, 20, 20, 230} : Rgba{0, 0, 0, 0};
  });
}

// An opaque image: white, with an alpha channel that leaves every pixel opaque.
inline std::string OpaqueWhite(int width = 40, int height = 20) {
  return Rgba8(width, height, [](int, int) { return Rgba{255, 255, 255, 255}; });
}

}  // namespace giaoban::service::png_testing
