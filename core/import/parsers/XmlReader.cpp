#include "import/parsers/XmlReader.h"

#include <exception>
#include <memory>
#include <vector>

#include <expat.h>

#include "import/TextInput.h"

namespace warmpath::import {
namespace {

constexpr char kNamespaceSeparator = '\x01';

struct ParserFree {
    void operator()(XML_Parser parser) const { XML_ParserFree(parser); }
};

struct State {
    XML_Parser parser = nullptr;
    XmlReader::Handlers* handlers = nullptr;
    std::string text;  ///< character data of the innermost element
    std::string refusal;
    /// An exception from a handler (a cancel) must not unwind through expat's C frames: it is
    /// kept here, the parse is stopped, and it is rethrown once expat has returned.
    std::exception_ptr failure;
};

template <typename Call>
void guarded(State* state, Call&& call)
{
    if (state->failure) {
        return;
    }
    try {
        call();
    } catch (...) {
        state->failure = std::current_exception();
        XML_StopParser(state->parser, XML_FALSE);
    }
}

std::string_view localName(const XML_Char* name)
{
    std::string_view full(name);
    const auto separator = full.rfind(kNamespaceSeparator);
    return separator == std::string_view::npos ? full : full.substr(separator + 1);
}

void XMLCALL onStart(void* data, const XML_Char* name, const XML_Char** attributes)
{
    auto* state = static_cast<State*>(data);
    state->text.clear();
    XmlReader::Attributes map;
    for (std::size_t i = 0; attributes[i] != nullptr; i += 2) {
        map.emplace(std::string(localName(attributes[i])), attributes[i + 1]);
    }
    if (state->handlers->start) {
        guarded(state, [&] { state->handlers->start(localName(name), map, XML_GetCurrentLineNumber(state->parser)); });
    }
}

void XMLCALL onEnd(void* data, const XML_Char* name)
{
    auto* state = static_cast<State*>(data);
    if (state->handlers->end) {
        guarded(state, [&] { state->handlers->end(localName(name), state->text); });
    }
    state->text.clear();
}

void XMLCALL onText(void* data, const XML_Char* text, int length)
{
    auto* state = static_cast<State*>(data);
    if (state->text.size() < (std::size_t{1} << 20)) {
        state->text.append(text, static_cast<std::size_t>(length));
    }
}

void XMLCALL onEntityDeclaration(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                                 const XML_Char*, const XML_Char*, const XML_Char*)
{
    auto* state = static_cast<State*>(data);
    state->refusal = "entity declarations are refused (they can expand without bound or load other files)";
    XML_StopParser(state->parser, XML_FALSE);
}

}  // namespace

Status XmlReader::parse(const ParseInput& input, Handlers handlers)
{
    auto stream = FileStream::open(input.path);
    if (!stream) {
        return stream.error();
    }
    std::unique_ptr<XML_ParserStruct, ParserFree> parser(XML_ParserCreateNS(nullptr, kNamespaceSeparator));
    if (!parser) {
        return Error("cannot create an XML parser", input.label);
    }
    State state{.parser = parser.get(), .handlers = &handlers, .text = {}, .refusal = {}};
    XML_SetUserData(parser.get(), &state);
    XML_SetElementHandler(parser.get(), onStart, onEnd);
    XML_SetCharacterDataHandler(parser.get(), onText);
    XML_SetEntityDeclHandler(parser.get(), onEntityDeclaration);
    XML_SetParamEntityParsing(parser.get(), XML_PARAM_ENTITY_PARSING_NEVER);

    std::vector<char> buffer(std::size_t{1} << 16);
    std::uint64_t done = 0;
    for (;;) {
        const std::size_t got = (*stream)->read(buffer.data(), buffer.size());
        const bool last = got == 0;
        if (XML_Parse(parser.get(), buffer.data(), static_cast<int>(got), last ? XML_TRUE : XML_FALSE) ==
            XML_STATUS_ERROR) {
            if (state.failure) {
                std::rethrow_exception(state.failure);
            }
            const std::string message = !state.refusal.empty() ? state.refusal
                                                               : std::string("malformed XML: ") +
                                                                     XML_ErrorString(XML_GetErrorCode(parser.get()));
            return Error(message, input.label, XML_GetCurrentLineNumber(parser.get()),
                         XML_GetCurrentColumnNumber(parser.get()) + 1);
        }
        done += got;
        if (handlers.progress) {
            handlers.progress(done);
        }
        if (last) {
            return {};
        }
    }
}

}  // namespace warmpath::import
