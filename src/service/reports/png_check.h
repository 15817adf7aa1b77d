// Whether a file is one the agency's electronic documents can carry as a signature or a seal
// (docs/domain.md#report-settings): a whole, sound PNG file, transparent, of a sane size. Read from
// its chunks and its inflated rows, without drawing it, so that what is accepted here the renderers
// can always draw.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace giaoban::service {

inline constexpr std::size_t kMaxDocumentImageBytes = 512 << 10;
inline constexpr int kMaxDocumentImagePixels = 2000;  // on each side

struct PngCheck {
  // Empty when the file may be used; otherwise the field code of what is wrong:
  //   "required"              no bytes at all;
  //   "too_large"             more than kMaxDocumentImageBytes;
  //   "not_png"               not a PNG file (its first eight bytes are not PNG's signature);
  //   "damaged"               a PNG file that is cut short or damaged: a chunk's CRC, the order of
  //                           its chunks, its header's values, image data that does not inflate to
  //                           exactly its rows;
  //   "too_many_pixels"       wider or taller than kMaxDocumentImagePixels;
  //   "not_transparent"       every pixel opaque, read from the decoded rows: its alpha sample
  //                           at its largest value, or, without an alpha channel, its palette
  //                           entry without an alpha below 255 in tRNS and its colour not the one
  //                           tRNS makes transparent (a tRNS chunk no pixel uses makes nothing
  //                           transparent). Such an image would hide what lies under it.
  std::string problem;
  int width = 0;
  int height = 0;
};

PngCheck CheckDocumentImage(std::string_view bytes);

}  // namespace giaoban::service
