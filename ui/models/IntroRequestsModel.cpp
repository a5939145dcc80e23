#include "models/IntroRequestsModel.h"

#include <QDate>
#include <QGuiApplication>

#include "Format.h"
#include "commands/IntroCommand.h"

namespace warmpath::ui {

IntroRequestsModel::IntroRequestsModel(QObject* parent) : QAbstractTableModel(parent)
{
}

IntroRequestsModel::~IntroRequestsModel() = default;

void IntroRequestsModel::setRows(std::vector<IntroRequestRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int IntroRequestsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int IntroRequestsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IntroRequestsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const IntroRequestRow& row = m_rows[static_cast<std::size_t>(index.row())];
    const QDate updated = parseIsoDate(row.intro.updatedAt.substr(0, 10));
    switch (role) {
    case IntroIdRole:
        return QVariant::fromValue(static_cast<qint64>(row.intro.id));
    case TargetIdRole:
        return QVariant::fromValue(static_cast<qint64>(row.intro.target.value()));
    case RawValueRole:
        switch (index.column()) {
        case Status:
            return static_cast<int>(row.intro.status);
        case Updated:
            return updated;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        return toQString(row.intro.message);
    case Qt::ForegroundRole:
        if (row.intro.status == IntroStatus::Introduced || row.intro.status == IntroStatus::Declined) {
            return mutedTextColor(QGuiApplication::palette(), QPalette::Base);
        }
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case Target:
            return toQString(row.targetName);
        case Introducer:
            return toQString(row.introducerName);
        case Status:
            return IntroCommand::statusName(row.intro.status);
        case Updated:
            return updated.isValid() ? mediumDate(updated) : QString();
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant IntroRequestsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Target:
        return tr("Introduction to");
    case Introducer:
        return tr("Via");
    case Status:
        return tr("Status");
    case Updated:
        return tr("Changed");
    default:
        return {};
    }
}

}  // namespace warmpath::ui
