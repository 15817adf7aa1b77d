// A source's tasks as a work program workbook, in the layout departments write and imports read:
// STT, Nội dung nhiệm vụ, Đơn vị chủ trì, Đơn vị phối hợp, Thời gian hoàn thành, Sản phẩm, Ghi chú,
// Lãnh đạo phụ trách, Trọng tâm, with the program's headings as rows of their own. Always in
// Vietnamese: it is the program's own table, and importing it again gives the same tasks.
#pragma once

#include <string>

#include "documents/exported_file.h"
#include "service/imports/source_program.h"

namespace giaoban::documents {

// The workbook's bytes. Throws std::runtime_error when it cannot be written.
std::string RenderProgramXlsx(const service::SourceProgram& program);

// The workbook as a download, named after the source's document.
ExportedFile ProgramWorkbook(const service::SourceProgram& program);

}  // namespace giaoban::documents
