#include "models/SuggestionsModel.h"

#include <algorithm>

#include "Format.h"

namespace warmpath::ui {

namespace {

constexpr int kNamesInReason = 3;

}  // namespace

SuggestionsModel::SuggestionsModel(QObject* parent) : QAbstractTableModel(parent)
{
}

SuggestionsModel::~SuggestionsModel() = default;

void SuggestionsModel::setRows(std::vector<SuggestionRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

bool SuggestionsModel::removePerson(PersonId person)
{
    const auto found =
        std::find_if(m_rows.begin(), m_rows.end(), [person](const SuggestionRow& row) { return row.person == person; });
    if (found == m_rows.end()) {
        return false;
    }
    const int row = static_cast<int>(found - m_rows.begin());
    beginRemoveRows({}, row, row);
    m_rows.erase(found);
    endRemoveRows();
    return true;
}

QString SuggestionsModel::reason(const SuggestionRow& row)
{
    QStringList names = row.via.mid(0, kNamesInReason);
    if (row.via.size() > kNamesInReason) {
        names.append(QStringLiteral("\u2026"));
    }
    const QString who = row.commonContacts == 1 ? tr("followed by 1 of the people you follow")
                                                : tr("followed by %1 of the people you follow").arg(row.commonContacts);
    return names.isEmpty() ? who : tr("%1: %2").arg(who, names.join(QStringLiteral(", ")));
}

void SuggestionsModel::setPerThousand(bool perThousand)
{
    if (perThousand != m_perThousand) {
        beginResetModel();
        m_perThousand = perThousand;
        endResetModel();
    }
}

int SuggestionsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SuggestionsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SuggestionsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const SuggestionRow& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case PersonIdRole:
        return QVariant::fromValue(static_cast<qint64>(row.person.value()));
    case RawValueRole:
        switch (index.column()) {
        case Rank:
            return index.row() + 1;
        case Score:
            return row.score;
        case Reason:
            return row.commonContacts;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        if (index.column() == Reason) {
            return row.via.join(QStringLiteral(", "));
        }
        if (index.column() == Score && m_perThousand) {
            return tr("%1 per thousand: their share of a random walk from you").arg(formatScore(row.score * 1000));
        }
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case Rank:
            return QString::number(index.row() + 1);
        case Name:
            return row.name;
        case Organisation:
            return row.organisation;
        case Score:
            return formatScore(m_perThousand ? row.score * 1000 : row.score);
        case Reason:
            return reason(row);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant SuggestionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Rank:
        return tr("#");
    case Name:
        return tr("Name");
    case Organisation:
        return tr("Organisation");
    case Score:
        return m_perThousand ? tr("Score \u2030") : tr("Score");
    case Reason:
        return tr("Why");
    default:
        return {};
    }
}

}  // namespace warmpath::ui
