// The check of a signature or seal image: each way a file can be wrong is named.
#include "service/reports/png_check.h"

#include <gtest/gtest.h>

#include "service/reports/png_testing.h"

namespace giaoban::service {
namespace {

using namespace png_testing;

std::string Problem(const std::string& bytes) { return CheckDocumentImage(bytes).problem; }

TEST(PngCheckTest, ATransparentPngIsTakenWithItsSize) {
  const PngCheck check = CheckDocumentImage(BlueStroke(120, 60));
  EXPECT_EQ(check.problem, "");
  EXPECT_EQ(check.width, 120);
  EXPECT_EQ(check.height, 60);
  EXPECT_EQ(Problem(RedRing()), "");
}

TEST(PngCheckTest, AnOpaqueImageWouldHideWhatLiesUnderIt) {
  // Colour without alpha and without tRNS.
  std::string rgb = std::string(1, '\0') + std::string(3 * 4, '\x40');
  rgb += rgb;
  EXPECT_EQ(Problem(File(Header(4, 2, 8, 2), rgb)), "not_transparent");
  // An alpha channel, every pixel opaque: so too.
  EXPECT_EQ(Problem(OpaqueWhite()), "not_transparent");
  // One pixel not opaque is enough: the ground is transparent.
  EXPECT_EQ(
      Problem(Rgba8(
          4, 4,
          [](int x, int y) {
            return Rgba{255, 255, 255, static_cast<unsigned char>(x == 3 && y == 3 ? 0 : 255)};
          })),
      "");
  // 16-bit alpha: 0xffff is opaque, anything below is not.
  std::string grey16 = std::string(1, '\0') + std::string("\x10\x00\xff\xff\x10\x00\xff\xfe", 8);
  EXPECT_EQ(Problem(File(Header(2, 1, 16, 4), grey16)), "");
  grey16[8] = '\xff';
  EXPECT_EQ(Problem(File(Header(2, 1, 16, 4), grey16)), "not_transparent");
}

TEST(PngCheckTest, TransparencyMayBeATrnsChunk) {
  const std::string rows = std::string(1, '\0') + std::string(6, '\x10');
  // Truecolour with one colour made transparent: the pixels' colour, each sample in two bytes.
  EXPECT_EQ(Problem(File(Header(2, 1, 8, 2), rows,
                         {{"tRNS", std::string("\x00\x10\x00\x10\x00\x10", 6)}})),
            "");
  // Indexed colour: an entry's alpha below 255.
  const std::string indexed = std::string(1, '\0') + std::string("\x00\x01", 2);
  const std::string palette = std::string("\xff\x00\x00\x00\x00\xff", 6);
  EXPECT_EQ(Problem(File(Header(2, 1, 8, 3), indexed,
                         {{"PLTE", palette}, {"tRNS", std::string("\x00", 1)}})),
            "");
  EXPECT_EQ(Problem(File(Header(2, 1, 8, 3), indexed,
                         {{"PLTE", palette}, {"tRNS", std::string("\xff\xff", 2)}})),
            "not_transparent");
  EXPECT_EQ(Problem(File(Header(2, 1, 8, 3), indexed, {{"PLTE", palette}})), "not_transparent");
  // tRNS where the image has an alpha channel already, or before the palette it speaks of.
  EXPECT_EQ(Problem(File(Header(1, 1, 8, 6), std::string(5, '\0'), {{"tRNS", "ab"}})), "damaged");
  EXPECT_EQ(Problem(File(Header(2, 1, 8, 3), indexed,
                         {{"tRNS", std::string("\x00", 1)}, {"PLTE", palette}})),
            "damaged");
}

// tRNS says which pixels would be transparent; only a pixel that is makes the image so. Each
// image below has one pixel in a corner that differs from the rest: transparent when it is the one
// tRNS names, opaque like the others when tRNS names a colour or an entry no pixel has.
TEST(PngCheckTest, ATrnsChunkNoPixelUsesLeavesTheImageOpaque) {
  auto corner = [](int x, int y) { return x == 4 && y == 2; };
  // Indexed colour at every depth: entry 1 transparent, the corner pixel's or nobody's.
  const std::vector<Rgba> palette = {{200, 20, 20, 255}, {0, 0, 0, 0}, {20, 20, 200, 255}};
  for (int depth : {1, 2, 4, 8}) {
    SCOPED_TRACE("indexed, depth " + std::to_string(depth));
    const std::vector<Rgba> two(palette.begin(), palette.begin() + 2);
    const std::vector<Rgba>& entries = depth == 1 ? two : palette;
    EXPECT_EQ(Problem(Indexed(5, 3, depth, entries, [&](int x, int y) { return corner(x, y); })),
              "");
    EXPECT_EQ(Problem(Indexed(5, 3, depth, entries, [](int, int) { return 0; })),
              "not_transparent");
    if (depth > 1) {
      EXPECT_EQ(Problem(Indexed(5, 3, depth, entries,
                                [&](int x, int y) { return corner(x, y) ? 2 : 0; })),
                "not_transparent");
    }
  }
  // Greyscale at every depth: the transparent level, the corner's or nobody's.
  for (int depth : {1, 2, 4, 8, 16}) {
    SCOPED_TRACE("greyscale, depth " + std::to_string(depth));
    const std::uint16_t top = static_cast<std::uint16_t>((1u << depth) - 1);
    auto image = [&](std::uint16_t transparent) {
      return Greyscale(
          5, 3, depth, [&](int x, int y) { return corner(x, y) ? 0 : top; }, transparent);
    };
    EXPECT_EQ(Problem(image(0)), "");
    if (depth > 1) {
      EXPECT_EQ(Problem(image(1)), "not_transparent");
    }
    // A level beyond the depth's range, as tRNS can state it, is no pixel's.
    if (depth < 16) {
      EXPECT_EQ(Problem(image(static_cast<std::uint16_t>(top + 1))), "not_transparent");
    }
  }
  // Truecolour: every sample of the colour must match, at 8 and 16 bits.
  for (int depth : {8, 16}) {
    SCOPED_TRACE("truecolour, depth " + std::to_string(depth));
    auto image = [&](Rgb transparent) {
      return Truecolour(
          5, 3, depth,
          [&](int x, int y) {
            return corner(x, y) ? Rgb{10, 20, 30} : Rgb{10, 20, 31};
          },
          transparent);
    };
    EXPECT_EQ(Problem(image({10, 20, 30})), "");
    EXPECT_EQ(Problem(image({10, 21, 30})), "not_transparent");
    EXPECT_EQ(Problem(image({10, 20, 32})), "not_transparent");
  }
}

// The bits that pad a row's last byte are no pixel: three one-bit pixels, all white, fill the
// high bits of their byte and leave five zero bits, the transparent level, after them.
TEST(PngCheckTest, ARowsPaddingIsNoPixel) {
  EXPECT_EQ(Problem(Greyscale(
                3, 2, 1, [](int, int) { return 1; }, 0)),
            "not_transparent");
  EXPECT_EQ(
      Problem(Indexed(3, 2, 1, {{0, 0, 0, 0}, {255, 255, 255, 255}}, [](int, int) { return 1; })),
      "not_transparent");
}

// Adam7's passes each hold fewer columns than the image: a pixel is read where its pass has it.
TEST(PngCheckTest, AnInterlacedImagesPixelsAreReadPassByPass) {
  // 3 × 3 pixels, indexed at 8 bits: the passes hold 1, 1, 2, 1 × 2 and 3 pixels, in rows of a
  // filter byte and their entries. Entry 1 is transparent; only the last row's middle pixel,
  // (1, 1) of the image, in pass 7, is of it.
  std::string rows = std::string("\0\0", 2) + std::string("\0\0", 2) + std::string("\0\0\0", 3) +
                     std::string("\0\0\0\0", 4) + std::string("\0\0\1\0", 4);
  const std::vector<std::pair<std::string, std::string>> chunks = {
      {"PLTE", std::string(6, '\x80')}, {"tRNS", std::string("\xff\x00", 2)}};
  EXPECT_EQ(Problem(File(Header(3, 3, 8, 3, true), rows, chunks)), "");
  rows[rows.size() - 2] = '\0';
  EXPECT_EQ(Problem(File(Header(3, 3, 8, 3, true), rows, chunks)), "not_transparent");
}

TEST(PngCheckTest, NothingOrSomethingElseIsNotAPng) {
  EXPECT_EQ(Problem(""), "required");
  EXPECT_EQ(Problem("\xff\xd8\xff\xe0 JFIF"), "not_png");
  EXPECT_EQ(Problem("GIF89a"), "not_png");
  EXPECT_EQ(Problem(std::string(kSignature.substr(0, 7))), "not_png");
}

TEST(PngCheckTest, AFileCutShortAnywhereIsDamaged) {
  const std::string png = BlueStroke(40, 20);
  for (std::size_t size = kSignature.size(); size < png.size(); ++size) {
    EXPECT_EQ(Problem(png.substr(0, size)), "damaged") << "cut to " << size << " bytes";
  }
  // Or with something after its end.
  EXPECT_EQ(Problem(png + Chunk("tEXt", "Comment\0x")), "damaged");
}

TEST(PngCheckTest, ABitWrongAnywhereAfterTheSignatureIsDamaged) {
  const std::string png = RedRing(24);
  for (std::size_t at = kSignature.size(); at < png.size(); ++at) {
    std::string wrong = png;
    wrong[at] = static_cast<char>(wrong[at] ^ 0x04);
    EXPECT_EQ(Problem(wrong), "damaged") << "byte " << at;
  }
}

TEST(PngCheckTest, ChunksInTheWrongPlaceOrUnknownCriticalOnesAreDamage) {
  const std::string header = Header(1, 1, 8, 6);
  const std::string pixel = std::string(5, '\0');
  // IHDR not first.
  std::string png(kSignature);
  png += Chunk("tEXt", "a") + Chunk("IHDR", header) + Chunk("IDAT", Deflate(pixel)) +
         Chunk("IEND", "");
  EXPECT_EQ(Problem(png), "damaged");
  // No image data; image data in two runs; no IEND.
  png = std::string(kSignature) + Chunk("IHDR", header) + Chunk("IEND", "");
  EXPECT_EQ(Problem(png), "damaged");
  const std::string data = Deflate(pixel);
  png = std::string(kSignature) + Chunk("IHDR", header) + Chunk("IDAT", data.substr(0, 4)) +
        Chunk("tEXt", "a") + Chunk("IDAT", data.substr(4)) + Chunk("IEND", "");
  EXPECT_EQ(Problem(png), "damaged");
  png = std::string(kSignature) + Chunk("IHDR", header) + Chunk("IDAT", data.substr(0, 4)) +
        Chunk("IDAT", data.substr(4)) + Chunk("IEND", "");
  EXPECT_EQ(Problem(png), "") << "image data split over chunks that follow one another";
  png = std::string(kSignature) + Chunk("IHDR", header) + Chunk("IDAT", data);
  EXPECT_EQ(Problem(png), "damaged");
  // A critical chunk no reader is sure to know; an ancillary one is passed over.
  EXPECT_EQ(Problem(File(header, pixel, {{"ZZZZ", "x"}})), "damaged");
  EXPECT_EQ(Problem(File(header, pixel, {{"zzZz", "x"}})), "");
  // Header values the format does not have.
  EXPECT_EQ(Problem(File(Header(1, 1, 4, 6), pixel)), "damaged");
  EXPECT_EQ(Problem(File(Header(0, 1, 8, 6), pixel)), "damaged");
  EXPECT_EQ(Problem(File(Header(1, 1, 8, 5), pixel)), "damaged");
  // Indexed colour without its palette.
  EXPECT_EQ(Problem(File(Header(1, 1, 8, 3), std::string(2, '\0'), {{"tRNS", "\x01"}})), "damaged");
}

TEST(PngCheckTest, TheImageDataMustInflateToExactlyItsRows) {
  const std::string header = Header(3, 2, 8, 6);
  const std::string rows(2 * (1 + 3 * 4), '\0');
  EXPECT_EQ(Problem(File(header, rows)), "");
  EXPECT_EQ(Problem(File(header, rows.substr(1))), "damaged");
  EXPECT_EQ(Problem(File(header, rows + '\0')), "damaged");
  // A filter byte that names no filter.
  std::string bad_filter = rows;
  bad_filter[13] = 5;
  EXPECT_EQ(Problem(File(header, bad_filter)), "damaged");
  // Not a zlib stream at all.
  std::string png(kSignature);
  png += Chunk("IHDR", header) + Chunk("IDAT", "not deflated") + Chunk("IEND", "");
  EXPECT_EQ(Problem(png), "damaged");
}

TEST(PngCheckTest, AnInterlacedImageHasTheRowsOfItsSevenPasses) {
  // 3 × 3 pixels, RGBA: Adam7's passes 1, 4, 5, 6 and 7 hold 1×1, 1×1, 2×1, 1×2 and 3×1 pixels,
  // each row after its filter byte: 5 + 5 + 9 + 2 × 5 + 13 bytes.
  const std::string header = Header(3, 3, 8, 6, true);
  EXPECT_EQ(Problem(File(header, std::string(42, '\0'))), "");
  EXPECT_EQ(Problem(File(header, std::string(41, '\0'))), "damaged");
  EXPECT_EQ(Problem(File(header, std::string(43, '\0'))), "damaged");
  // The filters are undone pass by pass: "up" on a pass's first row looks at zeros.
  std::string filtered(42, '\0');
  filtered[0] = 2;
  EXPECT_EQ(Problem(File(header, filtered)), "");
}

TEST(PngCheckTest, TheSizesHaveTheirLimits) {
  EXPECT_EQ(Problem(File(Header(2001, 1, 8, 6), std::string(1 + 2001 * 4, '\0'))),
            "too_many_pixels");
  EXPECT_EQ(Problem(File(Header(1, 2001, 8, 6), std::string(2001 * 5, '\0'))), "too_many_pixels");
  EXPECT_EQ(Problem(File(Header(2000, 1, 8, 6), std::string(1 + 2000 * 4, '\0'))), "");
  // A file larger than the cap, whatever it holds.
  const std::string comment(kMaxDocumentImageBytes, 'x');
  EXPECT_EQ(Problem(File(Header(1, 1, 8, 6), std::string(5, '\0'), {{"tEXt", comment}})),
            "too_large");
  const std::string fits(kMaxDocumentImageBytes - 200, 'x');
  EXPECT_EQ(Problem(File(Header(1, 1, 8, 6), std::string(5, '\0'), {{"tEXt", fits}})), "");
}

}  // namespace
}  // namespace giaoban::service
