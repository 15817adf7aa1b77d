// libFuzzer target for the spreadsheet readers: any bytes, read as a workbook and as a CSV file
// within small limits, must give a sheet or a failure, never a crash, a leak or a read out of
// bounds (the build adds AddressSanitizer and UndefinedBehaviorSanitizer).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sheets/csv_reader.h"
#include "sheets/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // Small enough that a hostile input cannot make one run take long or much memory.
  giaoban::sheets::Limits limits;
  limits.file_bytes = 1 << 20;
  limits.unpacked_bytes = 8 << 20;
  limits.rows = 2000;
  limits.columns = 200;
  limits.cells = 50'000;
  limits.text_bytes = 4 << 20;
  std::size_t cells = 0;
  const auto count = [&](std::size_t, std::span<const giaoban::sheets::Cell> row) {
    cells += row.size();
  };
  if (const auto names = giaoban::sheets::ReadXlsxSheetNames(bytes, limits); names.ok()) {
    for (std::size_t i = 0; i < names->size() && i < 4; ++i)
      (void)giaoban::sheets::ReadXlsx(bytes, i, limits, count);
  }
  (void)giaoban::sheets::ReadCsv(bytes, limits, count);
  (void)giaoban::sheets::SniffFileKind(bytes);
  return 0;
}
