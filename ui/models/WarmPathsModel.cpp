#include "models/WarmPathsModel.h"

#include <QStringList>

#include "Format.h"

namespace warmpath::ui {

WarmPathsModel::WarmPathsModel(QObject* parent) : QAbstractTableModel(parent)
{
}

WarmPathsModel::~WarmPathsModel() = default;

void WarmPathsModel::setAnswer(WarmPathsAnswer answer)
{
    beginResetModel();
    m_answer = std::move(answer);
    endResetModel();
}

void WarmPathsModel::setMe(PersonId me)
{
    if (me != m_me) {
        beginResetModel();
        m_me = me;
        endResetModel();
    }
}

int WarmPathsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_answer.paths.size());
}

int WarmPathsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WarmPathsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const WarmPathView& path = m_answer.paths[static_cast<std::size_t>(index.row())];
    if (role == RawValueRole) {
        switch (index.column()) {
        case Rank:
            return index.row() + 1;
        case Hops:
            return path.hops;
        case Warmth:
            return path.warmth;
        default:
            break;
        }
    }
    if (role != Qt::DisplayRole && role != RawValueRole && role != Qt::ToolTipRole) {
        return {};
    }
    switch (index.column()) {
    case Rank:
        return QString::number(index.row() + 1);
    case Hops:
        return path.hops == 1 ? tr("1 hop") : tr("%1 hops").arg(path.hops);
    case Warmth:
        return formatScore(path.warmth);
    case Route: {
        QStringList names;
        for (const NamedPerson& person : path.people) {
            names.append(personName(person.name, person.id == m_me));
        }
        return names.join(QStringLiteral(" \u2192 "));
    }
    default:
        return {};
    }
}

QVariant WarmPathsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Rank:
        return tr("#");
    case Hops:
        return tr("Hops");
    case Warmth:
        return tr("Warmth");
    case Route:
        return tr("Route");
    default:
        return {};
    }
}

PathHopsModel::PathHopsModel(QObject* parent) : QAbstractTableModel(parent)
{
}

PathHopsModel::~PathHopsModel() = default;

void PathHopsModel::setPath(WarmPathView path)
{
    beginResetModel();
    m_path = std::move(path);
    endResetModel();
}

void PathHopsModel::setMe(PersonId me)
{
    if (me != m_me) {
        beginResetModel();
        m_me = me;
        endResetModel();
    }
}

QString PathHopsModel::kindText(const std::string& kind)
{
    if (kind == "connection") {
        return tr("connected");
    }
    if (kind == "knows") {
        return tr("know each other");
    }
    if (kind == "colleague") {
        return tr("colleagues");
    }
    if (kind == "related") {
        return tr("related");
    }
    if (kind == "follows") {
        return tr("follows");
    }
    if (kind == "followed-by") {
        return tr("is followed by");
    }
    return toQString(kind);
}

int PathHopsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_path.links.size());
}

int PathHopsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PathHopsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const PathLinkView& link = m_path.links[static_cast<std::size_t>(index.row())];
    if (role == ToPersonIdRole) {
        return QVariant::fromValue(static_cast<qint64>(link.to.id.value()));
    }
    if (role == RawValueRole && index.column() == Mutual) {
        return link.mutual;
    }
    if (role != Qt::DisplayRole && role != RawValueRole) {
        return {};
    }
    switch (index.column()) {
    case From:
        return personName(link.from.name, link.from.id == m_me);
    case To:
        return personName(link.to.name, link.to.id == m_me);
    case Kind:
        return kindText(link.kind);
    case Mutual:
        return link.mutual ? tr("both ways") : tr("one way");
    case Sources: {
        QStringList sources;
        for (const std::string& source : link.sources) {
            sources.append(toQString(source));
        }
        return sources.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
}

QVariant PathHopsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case From:
        return tr("From");
    case To:
        return tr("To");
    case Kind:
        return tr("Link");
    case Mutual:
        return tr("Direction");
    case Sources:
        return tr("Sources");
    default:
        return {};
    }
}

}  // namespace warmpath::ui
