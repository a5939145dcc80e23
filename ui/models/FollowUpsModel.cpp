#include "models/FollowUpsModel.h"

#include <QColor>
#include <QGuiApplication>

#include "Format.h"
#include "util/Date.h"

namespace warmpath::ui {

namespace {

constexpr int kWeek = 7;

QDate toQDate(Date date)
{
    return parseIsoDate(formatDate(date));
}

}  // namespace

FollowUpsModel::FollowUpsModel(QObject* parent) : QAbstractTableModel(parent)
{
}

FollowUpsModel::~FollowUpsModel() = default;

void FollowUpsModel::setItems(std::vector<FollowUpItem> items)
{
    beginResetModel();
    m_items = std::move(items);
    endResetModel();
}

FollowUpsModel::Urgency FollowUpsModel::urgencyOf(const FollowUpItem& item)
{
    if (item.daysOverdue >= 0) {
        return Urgency::Overdue;  // due today counts: it is time
    }
    return -item.daysOverdue <= kWeek ? Urgency::ThisWeek : Urgency::Later;
}

int FollowUpsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

int FollowUpsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FollowUpsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const FollowUpItem& item = m_items[static_cast<std::size_t>(index.row())];
    const Urgency urgency = urgencyOf(item);
    switch (role) {
    case PersonIdRole:
        return QVariant::fromValue(static_cast<qint64>(item.person.value()));
    case RawValueRole:
        switch (index.column()) {
        case When:
            return item.daysOverdue;
        case Due:
            return toQDate(item.due);
        case Cadence:
            return item.cadenceDays ? QVariant(*item.cadenceDays) : QVariant();
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ForegroundRole:
        if (index.column() == When || index.column() == Due) {
            if (urgency == Urgency::Overdue) {
                return overdueColor(QGuiApplication::palette());
            }
            if (urgency == Urgency::ThisWeek) {
                return isDark(QGuiApplication::palette()) ? QColor(0xf0, 0xb4, 0x4c) : QColor(0xb2, 0x6a, 0x00);
            }
        }
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case When:
            switch (urgency) {
            case Urgency::Overdue:
                return tr("Overdue");
            case Urgency::ThisWeek:
                return tr("This week");
            case Urgency::Later:
                return tr("Later");
            }
            return {};
        case Name:
            return personName(item.name);
        case Due: {
            const QDate due = toQDate(item.due);
            return tr("%1 \u00b7 %2").arg(relativeDue(due, due.addDays(item.daysOverdue)), mediumDate(due));
        }
        case Cadence:
            if (!item.cadenceDays) {
                return QString();
            }
            // An inherited cadence says where it comes from, as the tag's people know it: "Mentors: every 90 days".
            return item.cadenceTag.empty()
                       ? tr("every %1 days").arg(*item.cadenceDays)
                       : tr("%1: every %2 days").arg(toQString(item.cadenceTag)).arg(*item.cadenceDays);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant FollowUpsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case When:
        return tr("When");
    case Name:
        return tr("Name");
    case Due:
        return tr("Due");
    case Cadence:
        return tr("Cadence");
    default:
        return {};
    }
}

}  // namespace warmpath::ui
