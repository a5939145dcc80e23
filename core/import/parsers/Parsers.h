#pragma once

#include <memory>

#include "import/Format.h"

// One factory per format; each parser lives in its own file beside this header.
namespace warmpath::import {

std::unique_ptr<Parser> makeEdgeListParser();
std::unique_ptr<Parser> makePajekParser();
std::unique_ptr<Parser> makeGmlParser();
std::unique_ptr<Parser> makeGraphMlParser();
std::unique_ptr<Parser> makeGexfParser();
std::unique_ptr<Parser> makeLinkedInParser();
std::unique_ptr<Parser> makeGoogleParser();
std::unique_ptr<Parser> makeOutlookParser();
std::unique_ptr<Parser> makeThunderbirdParser();
std::unique_ptr<Parser> makeMappedCsvParser();
std::unique_ptr<Parser> makeMastodonParser();
std::unique_ptr<Parser> makeVCardParser();
std::unique_ptr<Parser> makeXArchiveParser();

}  // namespace warmpath::import
