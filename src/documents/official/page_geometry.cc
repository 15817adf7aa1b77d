#include "documents/official/page_geometry.h"

#include <algorithm>

namespace giaoban::documents::geometry {

std::optional<PixelSize> PngSize(std::string_view png) {
  static constexpr std::string_view kSignature("\x89PNG\r\n\x1a\n", 8);
  // The signature, then the IHDR chunk: length, "IHDR", width, height (big-endian).
  if (png.size() < 24 || png.substr(0, 8) != kSignature || png.substr(12, 4) != "IHDR") {
    return std::nullopt;
  }
  auto be32 = [&](std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(png[at + i]);
    return v;
  };
  PixelSize size{be32(16), be32(20)};
  if (size.width == 0 || size.height == 0) return std::nullopt;
  return size;
}

Size FitInto(PixelSize pixels, double box_width, double box_height) {
  const double scale = std::min(box_width / pixels.width, box_height / pixels.height);
  return Size{pixels.width * scale, pixels.height * scale};
}

Placement SignaturePlacement(Size signature) {
  return Placement{-signature.width / 2, (kSignatureSpace - signature.height) / 2, signature};
}

Placement SealPlacement(Size seal, std::optional<Size> signature) {
  const double width = signature ? signature->width : kSignatureImageWidth;
  return Placement{-width / 2 + width / 3 - seal.width, (kSignatureSpace - seal.height) / 2, seal};
}

}  // namespace giaoban::documents::geometry
