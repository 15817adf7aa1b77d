// An official document as a PDF: A4 with the decree's margins, Liberation Serif (Times New Roman's
// metric twin) embedded as subsets, tables that break across pages with their header row repeated,
// page numbers centred at the top from page 2, the signature and seal images on the electronic copy
// when they are set.
#pragma once

#include <string>

#include "documents/official/document.h"

namespace giaoban::documents {

// The .pdf file's bytes. Throws std::runtime_error when cairo fails or an image is not a PNG.
std::string RenderPdf(const OfficialDocument& document);

}  // namespace giaoban::documents
