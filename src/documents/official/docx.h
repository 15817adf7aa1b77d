// An official document as a Word file (WordprocessingML, zipped): A4 with the decree's margins,
// Times New Roman, the two heading blocks, tables with their grid and repeated header row, page
// numbers centred at the top from page 2. The same document gives the same bytes.
#pragma once

#include <string>

#include "documents/official/document.h"

namespace giaoban::documents {

// The .docx file's bytes. Throws std::runtime_error when the archive cannot be written.
std::string RenderDocx(const OfficialDocument& document);

}  // namespace giaoban::documents
