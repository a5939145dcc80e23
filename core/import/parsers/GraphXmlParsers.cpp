// GraphML and GEXF (1.1 to 1.3, static and dynamic), read with expat by local element names,
// so any namespace spelling works (Gephi writes http://www.gexf.net/1.3, the spec says
// http://gexf.net/1.3, old files use http://www.gexf.net/1.1draft). Node ids become identities
// NAMESPACE:ID, labels display names; undirected edges give links both ways.

#include <string>
#include <string_view>
#include <unordered_map>

#include "import/TextInput.h"
#include "import/parsers/Parsers.h"
#include "import/parsers/XmlReader.h"

namespace warmpath::import {
namespace {

std::string attribute(const XmlReader::Attributes& attributes, const std::string& name)
{
    const auto it = attributes.find(name);
    return it == attributes.end() ? std::string() : it->second;
}

PersonRecord nodeRecord(const ParseInput& input, const std::string& id, const std::string& label, std::size_t line)
{
    PersonRecord record;
    record.key = id;
    record.name = label;
    record.anonymous = true;
    record.line = line;
    record.identities.push_back(Identity{.network = input.nameSpace, .key = id, .handle = {}, .url = {}});
    return record;
}

/// What the handlers of a graph parser note while expat reads the file.
struct GraphXmlState {
    bool sawGraph = false;
    std::string error;  ///< the first problem a handler found, empty when none
    std::size_t errorLine = 0;
};

/// Reads the file with `handlers` (reporting progress), then turns what they noted into the result.
Status readGraphXml(const ParseInput& input, RecordSink& sink, XmlReader::Handlers& handlers,
                    const GraphXmlState& state, std::string_view formatName)
{
    handlers.progress = [&sink](std::uint64_t bytes) { sink.progress(bytes); };
    if (Status parsed = XmlReader::parse(input, handlers); !parsed) {
        return parsed;
    }
    if (!state.error.empty()) {
        return Error(state.error, input.label, state.errorLine, 1);
    }
    if (!state.sawGraph) {
        return Error("not " + std::string(formatName) + ": no <graph> element", input.label, 1, 1);
    }
    return {};
}

class GraphMlParser final : public Parser {
public:
    Status parse(const ParseInput& input, RecordSink& sink) override
    {
        std::unordered_map<std::string, std::string> keyNames;  // <key id> → attr.name, for nodes
        bool undirected = false;
        GraphXmlState state;
        std::string nodeId;
        std::string nodeLabel;
        std::string dataKey;
        std::size_t nodeLine = 0;
        XmlReader::Handlers handlers;
        handlers.start = [&](std::string_view name, const XmlReader::Attributes& a, std::size_t line) {
            if (name == "key") {
                const std::string target = attribute(a, "for");
                if (target.empty() || target == "node" || target == "all") {
                    keyNames[attribute(a, "id")] = lowerAscii(attribute(a, "attr.name"));
                }
            } else if (name == "graph") {
                state.sawGraph = true;
                undirected = attribute(a, "edgedefault") == "undirected";
            } else if (name == "node") {
                nodeId = attribute(a, "id");
                nodeLabel.clear();
                nodeLine = line;
                if (nodeId.empty() && state.error.empty()) {
                    state.error = "a node without an id";
                    state.errorLine = line;
                }
            } else if (name == "data") {
                dataKey = attribute(a, "key");
            } else if (name == "edge") {
                const std::string source = attribute(a, "source");
                const std::string target = attribute(a, "target");
                if (source.empty() || target.empty()) {
                    if (state.error.empty()) {
                        state.error = "an edge without source or target";
                        state.errorLine = line;
                    }
                    return;
                }
                const std::string directed = attribute(a, "directed");
                const bool bothWays = directed.empty() ? undirected : directed == "false";
                sink.link(LinkRecord{.from = source, .to = target, .bothWays = bothWays, .line = line});
            }
        };
        handlers.end = [&](std::string_view name, std::string_view text) {
            if (name == "data" && !nodeId.empty()) {
                const auto it = keyNames.find(dataKey);
                const std::string key = it == keyNames.end() ? lowerAscii(dataKey) : it->second;
                if (key == "label" || key == "name" || (key == "title" && nodeLabel.empty())) {
                    nodeLabel = std::string(trim(text));
                }
            } else if (name == "node" && !nodeId.empty()) {
                sink.person(nodeRecord(input, nodeId, nodeLabel, nodeLine));
                nodeId.clear();
            }
        };
        return readGraphXml(input, sink, handlers, state, "GraphML");
    }

    [[nodiscard]] bool usesNamespace() const override { return true; }
};

class GexfParser final : public Parser {
public:
    Status parse(const ParseInput& input, RecordSink& sink) override
    {
        std::string defaultType = "undirected";
        GraphXmlState state;
        XmlReader::Handlers handlers;
        handlers.start = [&](std::string_view name, const XmlReader::Attributes& a, std::size_t line) {
            if (name == "graph") {
                state.sawGraph = true;
                const std::string type = lowerAscii(attribute(a, "defaultedgetype"));
                defaultType = type.empty() ? "undirected" : type;
            } else if (name == "node") {
                const std::string id = attribute(a, "id");
                if (id.empty()) {
                    if (state.error.empty()) {
                        state.error = "a node without an id";
                        state.errorLine = line;
                    }
                    return;
                }
                // Dynamic graphs add start/end and spells: a person exists whatever the time.
                sink.person(nodeRecord(input, id, std::string(trim(attribute(a, "label"))), line));
            } else if (name == "edge") {
                const std::string source = attribute(a, "source");
                const std::string target = attribute(a, "target");
                if (source.empty() || target.empty()) {
                    if (state.error.empty()) {
                        state.error = "an edge without source or target";
                        state.errorLine = line;
                    }
                    return;
                }
                std::string type = lowerAscii(attribute(a, "type"));
                if (type.empty()) {
                    type = defaultType;
                }
                sink.link(LinkRecord{.from = source, .to = target, .bothWays = type != "directed", .line = line});
            }
        };
        return readGraphXml(input, sink, handlers, state, "GEXF");
    }

    [[nodiscard]] bool usesNamespace() const override { return true; }
};

}  // namespace

std::unique_ptr<Parser> makeGraphMlParser()
{
    return std::make_unique<GraphMlParser>();
}

std::unique_ptr<Parser> makeGexfParser()
{
    return std::make_unique<GexfParser>();
}

}  // namespace warmpath::import
