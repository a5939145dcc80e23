// GraphML and GEXF: the two graph files Gephi (and most graph tools) open. Nodes carry the
// name, REF, organisation, tags and degree from me; edges carry the link kind.

#include <sstream>
#include <string>

#include "export/ExportData.h"
#include "export/TextEscaping.h"
#include "model/LinkKind.h"
#include "util/NumberText.h"

namespace warmpath::exporting {
namespace {

std::string joinedTags(const ExportPerson& p)
{
    std::string tags;
    for (const std::string& tag : p.tags) {
        tags += (tags.empty() ? "" : "; ") + tag;
    }
    return tags;
}

void graphMlData(std::ostringstream& out, std::string_view key, std::string_view value)
{
    out << "      <data key=\"" << key << "\">" << xmlEscape(value) << "</data>\n";
}

void gexfValue(std::ostringstream& out, std::string_view key, std::string_view value)
{
    out << "          <attvalue for=\"" << key << "\" value=\"" << xmlEscape(value) << "\"/>\n";
}

}  // namespace

std::string writeGraphMl(const ExportData& data)
{
    std::ostringstream out;
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
           "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
           "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        << "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
        << "  <key id=\"ref\" for=\"node\" attr.name=\"ref\" attr.type=\"string\"/>\n"
        << "  <key id=\"organisation\" for=\"node\" attr.name=\"organisation\" attr.type=\"string\"/>\n"
        << "  <key id=\"title\" for=\"node\" attr.name=\"title\" attr.type=\"string\"/>\n"
        << "  <key id=\"tags\" for=\"node\" attr.name=\"tags\" attr.type=\"string\"/>\n"
        << "  <key id=\"degree\" for=\"node\" attr.name=\"degree\" attr.type=\"int\"/>\n"
        << "  <key id=\"kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
        << "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
        << "  <graph id=\"warmpath\" edgedefault=\"directed\">\n";
    for (const ExportPerson& p : data.people) {
        out << "    <node id=\"n" << p.person.id.value() << "\">\n";
        graphMlData(out, "label", p.person.displayName);
        graphMlData(out, "ref", p.ref);
        graphMlData(out, "organisation", p.person.organisation);
        graphMlData(out, "title", p.person.title);
        graphMlData(out, "tags", joinedTags(p));
        if (p.degree) {
            graphMlData(out, "degree", std::to_string(*p.degree));
        }
        out << "    </node>\n";
    }
    std::size_t edge = 0;
    for (const LinkRow& link : data.links) {
        out << "    <edge id=\"e" << edge++ << "\" source=\"n" << link.from.value() << "\" target=\"n"
            << link.to.value() << "\">\n";
        graphMlData(out, "kind", toString(link.kind));
        graphMlData(out, "weight", shortestNumberText(link.confidence));
        out << "    </edge>\n";
    }
    out << "  </graph>\n</graphml>\n";
    return out.str();
}

std::string writeGexf(const ExportData& data)
{
    std::ostringstream out;
    // GEXF 1.2: every Gephi release from 0.8 on reads it.
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"
        << "  <meta lastmodifieddate=\"" << formatDate(data.today) << "\">\n"
        << "    <creator>Warmpath</creator>\n"
        << "    <description>Professional network exported by Warmpath</description>\n"
        << "  </meta>\n"
        << "  <graph mode=\"static\" defaultedgetype=\"directed\">\n"
        << "    <attributes class=\"node\">\n"
        << "      <attribute id=\"ref\" title=\"ref\" type=\"string\"/>\n"
        << "      <attribute id=\"organisation\" title=\"organisation\" type=\"string\"/>\n"
        << "      <attribute id=\"title\" title=\"title\" type=\"string\"/>\n"
        << "      <attribute id=\"tags\" title=\"tags\" type=\"string\"/>\n"
        << "      <attribute id=\"degree\" title=\"degree\" type=\"integer\"/>\n"
        << "    </attributes>\n"
        << "    <attributes class=\"edge\">\n"
        << "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n"
        << "    </attributes>\n"
        << "    <nodes>\n";
    for (const ExportPerson& p : data.people) {
        out << "      <node id=\"" << p.person.id.value() << "\" label=\"" << xmlEscape(p.person.displayName)
            << "\">\n        <attvalues>\n";
        gexfValue(out, "ref", p.ref);
        gexfValue(out, "organisation", p.person.organisation);
        gexfValue(out, "title", p.person.title);
        gexfValue(out, "tags", joinedTags(p));
        if (p.degree) {
            gexfValue(out, "degree", std::to_string(*p.degree));
        }
        out << "        </attvalues>\n      </node>\n";
    }
    out << "    </nodes>\n    <edges>\n";
    std::size_t edge = 0;
    for (const LinkRow& link : data.links) {
        out << "      <edge id=\"" << edge++ << "\" source=\"" << link.from.value() << "\" target=\"" << link.to.value()
            << "\" weight=\"" << shortestNumberText(link.confidence) << "\" label=\"" << toString(link.kind)
            << "\">\n        <attvalues>\n";
        gexfValue(out, "kind", toString(link.kind));
        out << "        </attvalues>\n      </edge>\n";
    }
    out << "    </edges>\n  </graph>\n</gexf>\n";
    return out.str();
}

}  // namespace warmpath::exporting
