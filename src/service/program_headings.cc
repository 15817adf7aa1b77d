#include "service/program_headings.h"

#include <algorithm>

namespace giaoban::service {

namespace {

std::string Flat(std::string text) {
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c == '\n' || c == '\t' || c == '\r'; }, ' ');
  return text;
}

}  // namespace

std::string HeadingLine(const ProgramHeading& heading) {
  if (heading.number.empty()) return heading.title;
  const char last = heading.number.back();
  return heading.number + (last == ')' || last == '.' ? " " : ". ") + heading.title;
}

std::string StoredHeadings(const std::vector<ProgramHeading>& headings) {
  std::string stored;
  for (const ProgramHeading& heading : headings)
    stored += (stored.empty() ? "" : "\n") + Flat(heading.number) + "\t" + Flat(heading.title);
  return stored;
}

std::vector<ProgramHeading> HeadingsFromStored(std::string_view stored) {
  std::vector<ProgramHeading> headings;
  std::size_t start = 0;
  while (start < stored.size()) {
    std::size_t end = stored.find('\n', start);
    if (end == std::string_view::npos) end = stored.size();
    const std::string_view line = stored.substr(start, end - start);
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos)
      headings.push_back({"", std::string(line)});
    else
      headings.push_back({std::string(line.substr(0, tab)), std::string(line.substr(tab + 1))});
    start = end + 1;
  }
  return headings;
}

}  // namespace giaoban::service
