#include "models/PeopleModel.h"

#include <QFont>
#include <QGuiApplication>
#include <QPainter>
#include <QPalette>

#include "Format.h"
#include "widgets/NetworkBadges.h"

namespace warmpath::ui {

namespace {

constexpr int kBadgeSize = 14;
constexpr int kDotSize = 10;

QString joined(const std::vector<std::string>& items, const QString& separator)
{
    QStringList parts;
    parts.reserve(static_cast<qsizetype>(items.size()));
    for (const std::string& item : items) {
        parts.append(QString::fromStdString(item));
    }
    return parts.join(separator);
}

}  // namespace

PeopleModel::PeopleModel(QObject* parent) : QAbstractTableModel(parent), m_today(QDate::currentDate())
{
}

PeopleModel::~PeopleModel() = default;

QString PeopleModel::foldForSearch(const QString& text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing) {
            folded.append(c);
        }
    }
    return folded.toCaseFolded();
}

void PeopleModel::setPeople(std::vector<PersonSummary> people, QHash<qint64, int> degrees)
{
    beginResetModel();
    m_people = std::move(people);
    m_extras.clear();
    m_extras.reserve(m_people.size());
    m_rowOfId.clear();
    m_rowOfId.reserve(static_cast<qsizetype>(m_people.size()));
    for (const PersonSummary& row : m_people) {
        RowExtras extras;
        extras.followUpDue = parseIsoDate(row.followUpDue);
        extras.lastContacted = parseIsoDate(row.lastContacted);
        QStringList networks;
        for (const std::string& network : row.networks) {
            networks.append(networkName(network));
            extras.networkKeys.append(toQString(network));
        }
        extras.networks = networks.join(QStringLiteral(", "));
        extras.tags = joined(row.tags, QStringLiteral(", "));
        for (const std::string& tag : row.tags) {
            extras.tagList.append(QString::fromStdString(tag));
        }
        const Person& person = row.person;
        extras.searchText = foldForSearch(QStringList{toQString(person.displayName), toQString(person.organisation),
                                                      toQString(person.title), extras.tags}
                                              .join(QLatin1Char('\n')));
        extras.degree = degrees.value(person.id.value(), -1);
        m_rowOfId.insert(person.id.value(), static_cast<int>(m_extras.size()));
        m_extras.push_back(std::move(extras));
    }
    endResetModel();
}

void PeopleModel::setToday(QDate today)
{
    m_today = today;
    if (!m_people.empty()) {
        emit dataChanged(index(0, FollowUpDue), index(rowCount() - 1, LastContacted));
    }
}

int PeopleModel::rowOf(PersonId id) const
{
    return m_rowOfId.value(id.value(), -1);
}

const PersonSummary& PeopleModel::personAt(int row) const
{
    return m_people.at(static_cast<std::size_t>(row));
}

int PeopleModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_people.size());
}

int PeopleModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PeopleModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto row = static_cast<std::size_t>(index.row());
    const PersonSummary& person = m_people[row];
    const RowExtras& extras = m_extras[row];
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
        return displayValue(person, extras, column);
    case RawValueRole:
        return rawValue(person, extras, column);
    case Qt::ToolTipRole:
        return toolTip(person, extras, column);
    case Qt::AccessibleTextRole:
        return column == Networks ? QVariant(extras.networks) : displayValue(person, extras, column);
    case PersonIdRole:
        return QVariant::fromValue(static_cast<qint64>(person.person.id.value()));
    case TagsRole:
        return extras.tagList;
    case SearchTextRole:
        return extras.searchText;
    case NetworksRole:
        return extras.networkKeys;
    case FollowUpStateRole:
        return static_cast<int>(followUpStateOf(extras));
    case Qt::DecorationRole:
        if (column == Networks && !person.networks.empty()) {
            return badgesFor(person);
        }
        if (column == Degree && extras.degree >= 0) {
            return degreeDotFor(extras.degree);
        }
        return {};
    case Qt::FontRole:
        if (person.person.isMe) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (column == FollowUpDue && extras.followUpDue.isValid() && extras.followUpDue < m_today) {
            return overdueColor(QGuiApplication::palette());
        }
        return {};
    default:
        return {};
    }
}

PeopleModel::FollowUpState PeopleModel::followUpStateOf(const RowExtras& extras) const
{
    constexpr int kWeek = 7;
    if (!extras.followUpDue.isValid()) {
        return FollowUpState::None;
    }
    const qint64 days = m_today.daysTo(extras.followUpDue);
    if (days <= 0) {
        return FollowUpState::Overdue;
    }
    return days <= kWeek ? FollowUpState::ThisWeek : FollowUpState::Scheduled;
}

QVariant PeopleModel::displayValue(const PersonSummary& row, const RowExtras& extras, int column) const
{
    switch (column) {
    case Name:
        return personName(row.person.displayName);
    case Degree:
        return extras.degree >= 0 ? degreeBadge(extras.degree) : QString();
    case Networks:
        return {};  // the badges (DecorationRole) say it; the names are in the tooltip
    case Organisation:
        return toQString(row.person.organisation);
    case Title:
        return toQString(row.person.title);
    case Location:
        return toQString(row.person.location);
    case Tags:
        return extras.tags;
    case FollowUpDue:
        return extras.followUpDue.isValid() ? relativeDue(extras.followUpDue, m_today) : QString();
    case LastContacted:
        return extras.lastContacted.isValid() ? relativePast(extras.lastContacted, m_today) : QString();
    default:
        return {};
    }
}

QVariant PeopleModel::rawValue(const PersonSummary& row, const RowExtras& extras, int column) const
{
    switch (column) {
    case Degree:
        return extras.degree >= 0 ? QVariant(extras.degree) : QVariant();
    case Networks:
        return static_cast<int>(row.networks.size());
    case Tags:
        return extras.tags;
    case FollowUpDue:
        return extras.followUpDue;
    case LastContacted:
        return extras.lastContacted;
    default:
        return displayValue(row, extras, column);
    }
}

QVariant PeopleModel::toolTip(const PersonSummary& row, const RowExtras& extras, int column) const
{
    switch (column) {
    case Degree:
        switch (extras.degree) {
        case -1:
            return tr("Not connected to you");
        case 0:
            return tr("This is you");
        case 1:
            return tr("1st degree: you are linked directly");
        default:
            return tr("%1 degree: %2 hops from you").arg(degreeBadge(extras.degree)).arg(extras.degree);
        }
    case Networks:
        return extras.networks;
    case Tags:
        return extras.tags.isEmpty() ? QVariant() : QVariant(extras.tags);
    case FollowUpDue:
        if (extras.followUpDue.isValid()) {
            return tr("Follow up %1 (%2)")
                .arg(relativeDue(extras.followUpDue, m_today), mediumDate(extras.followUpDue));
        }
        return {};
    case LastContacted:
        if (extras.lastContacted.isValid()) {
            return tr("Last contacted %1").arg(mediumDate(extras.lastContacted));
        }
        return {};
    default: {
        const QString text = displayValue(row, extras, column).toString();
        return text.isEmpty() ? QVariant() : QVariant(text);
    }
    }
}

QPixmap PeopleModel::badgesFor(const PersonSummary& row) const
{
    QString key;
    for (const std::string& network : row.networks) {
        key += QString::fromStdString(network) + QLatin1Char(' ');
    }
    auto cached = m_badgeCache.constFind(key);
    if (cached != m_badgeCache.constEnd()) {
        return *cached;
    }
    const qreal dpr = qGuiApp ? qGuiApp->devicePixelRatio() : 1.0;
    QPixmap badges = networkBadges(row.networks, kBadgeSize, dpr);
    m_badgeCache.insert(key, badges);
    return badges;
}

QPixmap PeopleModel::degreeDotFor(int degree) const
{
    auto cached = m_degreeDotCache.constFind(degree);
    if (cached != m_degreeDotCache.constEnd()) {
        return *cached;
    }
    const qreal dpr = qGuiApp ? qGuiApp->devicePixelRatio() : 1.0;
    QPixmap dot(QSize(kDotSize, kDotSize) * dpr);
    dot.setDevicePixelRatio(dpr);
    dot.fill(Qt::transparent);
    QPainter painter(&dot);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(degreeColor(degree));
    painter.drawEllipse(QRectF(1, 1, kDotSize - 2, kDotSize - 2));
    painter.end();
    m_degreeDotCache.insert(degree, dot);
    return dot;
}

QVariant PeopleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Name:
        return tr("Name");
    case Degree:
        return tr("Degree");
    case Networks:
        return tr("Networks");
    case Organisation:
        return tr("Organisation");
    case Title:
        return tr("Title");
    case Location:
        return tr("Location");
    case Tags:
        return tr("Tags");
    case FollowUpDue:
        return tr("Follow-up");
    case LastContacted:
        return tr("Last contacted");
    default:
        return {};
    }
}

}  // namespace warmpath::ui
