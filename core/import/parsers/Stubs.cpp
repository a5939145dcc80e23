#include "import/parsers/Parsers.h"

namespace warmpath::import {
namespace {
class Unsupported final : public Parser {
public:
    Status parse(const ParseInput& input, RecordSink&) override
    {
        return Error("format not supported yet", input.label);
    }
};
}  // namespace
std::unique_ptr<Parser> makePajekParser()
{
    return std::make_unique<Unsupported>();
}
std::unique_ptr<Parser> makeGmlParser()
{
    return std::make_unique<Unsupported>();
}
std::unique_ptr<Parser> makeGraphMlParser()
{
    return std::make_unique<Unsupported>();
}
std::unique_ptr<Parser> makeGexfParser()
{
    return std::make_unique<Unsupported>();
}
std::unique_ptr<Parser> makeLinkedInParser()
{
    return std::make_unique<Unsupported>();
}
std::unique_ptr<Parser> makeGoogleParser()
{
    return std::make_unique<Unsupported>();
}
std::unique_ptr<Parser> makeMastodonParser()
{
    return std::make_unique<Unsupported>();
}
std::unique_ptr<Parser> makeVCardParser()
{
    return std::make_unique<Unsupported>();
}
std::unique_ptr<Parser> makeXArchiveParser()
{
    return std::make_unique<Unsupported>();
}
}  // namespace warmpath::import
