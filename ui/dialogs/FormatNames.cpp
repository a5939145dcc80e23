#include "dialogs/FormatNames.h"

#include <QCoreApplication>

namespace warmpath::ui {

QString formatDisplayName(import::Format format)
{
    const auto tr = [](const char* text) { return QCoreApplication::translate("ImportDialog", text); };
    switch (format) {
    case import::Format::LinkedIn:
        return tr("LinkedIn connections (CSV)");
    case import::Format::XArchive:
        return tr("X (Twitter) archive");
    case import::Format::Mastodon:
        return tr("Mastodon follows (CSV)");
    case import::Format::Google:
        return tr("Google Contacts (CSV)");
    case import::Format::Outlook:
        return tr("Outlook contacts (CSV)");
    case import::Format::Thunderbird:
        return tr("Thunderbird address book (CSV)");
    case import::Format::VCard:
        return tr("vCard contacts");
    case import::Format::Csv:
        return tr("CSV with columns you choose");
    case import::Format::GraphMl:
        return tr("GraphML network");
    case import::Format::Gexf:
        return tr("GEXF network");
    case import::Format::Gml:
        return tr("GML network");
    case import::Format::Pajek:
        return tr("Pajek network");
    case import::Format::EdgeList:
        return tr("Edge list");
    }
    return QString::fromUtf8(import::formatName(format).data(),
                             static_cast<qsizetype>(import::formatName(format).size()));
}

}  // namespace warmpath::ui
