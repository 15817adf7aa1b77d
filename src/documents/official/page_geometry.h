// The sheet an official document is printed on, and the sizes its blocks take, shared by the
// renderers so that the Word file and the PDF lay a document out alike (docs/domain.md#official-
// documents).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace giaoban::documents::geometry {

// A4, in millimetres.
inline constexpr double kPageWidth = 210;
inline constexpr double kPageHeight = 297;
// Within the decree's ranges (top and bottom 20–25, left 30–35, right 15–20).
inline constexpr double kMarginTop = 20;
inline constexpr double kMarginBottom = 20;
inline constexpr double kMarginLeft = 30;
inline constexpr double kMarginRight = 15;
inline constexpr double kTextWidth = kPageWidth - kMarginLeft - kMarginRight;
// The page number's line, centred in the top margin.
inline constexpr double kPageNumberTop = 10;

// The heading: the agency's block on the left, the national name's on the right.
inline constexpr double kAgencyBlockWidth = 65;
inline constexpr double kNationBlockWidth = kTextWidth - kAgencyBlockWidth;
inline constexpr double kAgencyRule = 25;  // under the agency's name
inline constexpr double kMottoRule = 62;  // under "Độc lập - Tự do - Hạnh phúc", as long as it
inline constexpr double kTitleRule = 30;  // under the summary line

// The closing: "Nơi nhận" on the left, the signature block on the right.
inline constexpr double kRecipientsWidth = 80;
inline constexpr double kSignatureWidth = kTextWidth - kRecipientsWidth;
// Between the signer's title and name: the signature and the seal lie in it, clear of both lines.
inline constexpr double kSignatureSpace = 36;
inline constexpr double kSignatureImageWidth = 40;
inline constexpr double kSignatureImageHeight = 22;
inline constexpr double kSealSize = 34;
static_assert(kSealSize < kSignatureSpace && kSignatureImageHeight < kSignatureSpace,
              "the images must fit between the title and the name");

inline constexpr double kFirstLineIndent = 12.7;  // 1.27 cm
inline constexpr double kCellPadding = 1.5;

// Font sizes, in points.
inline constexpr double kHeadingLineSize = 13;  // the agency's lines
inline constexpr double kNationSize = 12.5;     // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
inline constexpr double kMottoSize = 13.5;
inline constexpr double kBodySize = 14;
inline constexpr double kTableSize = 12;
inline constexpr double kRecipientsTitleSize = 12;
inline constexpr double kRecipientsSize = 11;
inline constexpr double kParagraphSpacing = 6;  // after each paragraph
inline constexpr double kLineSpacing = 1.15;    // of the font's line height

inline constexpr double kPointsPerMm = 72.0 / 25.4;

// A PNG image's size in pixels, from its header; none when the bytes are not a PNG file.
struct PixelSize {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
};
std::optional<PixelSize> PngSize(std::string_view png);

// The size, in millimetres, an image of `pixels` is drawn at to fit a box, keeping its shape.
struct Size {
  double width = 0;
  double height = 0;
};
Size FitInto(PixelSize pixels, double box_width, double box_height);

// Where an image of the signature block is drawn, in millimetres: from the centre of the block's
// column to its left edge, and from the top of the space between the title and the name to its top.
struct Placement {
  double left = 0;
  double top = 0;
  Size size;
};

// The signature centred in the space; the seal over about a third of it on its left, as Nghị
// định 30/2020 has it stamped ("trùm lên khoảng 1/3 chữ ký về phía bên trái"), its right edge a
// third of the way across the signature (as drawn, or the signature's box when there is none),
// centred in the space's height as well. Both lie within the space.
Placement SignaturePlacement(Size signature);
Placement SealPlacement(Size seal, std::optional<Size> signature);

}  // namespace giaoban::documents::geometry
