#include "models/PeopleFilterProxy.h"

#include <utility>

#include <QDate>

#include "Format.h"
#include "models/PeopleModel.h"

namespace warmpath::ui {

namespace {

bool isEmptyValue(const QVariant& value)
{
    switch (value.typeId()) {
    case QMetaType::QDate:
        return !value.toDate().isValid();
    case QMetaType::QString:
        return value.toString().isEmpty();
    default:
        return !value.isValid();
    }
}

}  // namespace

PeopleFilterProxy::PeopleFilterProxy(QObject* parent) : QSortFilterProxyModel(parent), m_collator(displayLocale())
{
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    m_collator.setNumericMode(true);
    setSortRole(PeopleModel::RawValueRole);
    setDynamicSortFilter(true);
}

PeopleFilterProxy::~PeopleFilterProxy() = default;

void PeopleFilterProxy::setSearchText(const QString& text)
{
    if (text == m_searchText) {
        return;
    }
    m_searchText = text;
    m_words = PeopleModel::foldForSearch(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

void PeopleFilterProxy::setTagFilter(const QString& tag)
{
    if (tag == m_tag) {
        return;
    }
    m_tag = tag;
    invalidateFilter();
}

void PeopleFilterProxy::setDegreeFilter(DegreeFilter filter)
{
    if (filter == m_degree) {
        return;
    }
    m_degree = filter;
    invalidateFilter();
}

void PeopleFilterProxy::setNetworkFilter(const QString& network)
{
    if (network == m_network) {
        return;
    }
    m_network = network;
    invalidateFilter();
}

void PeopleFilterProxy::setFollowUpFilter(FollowUpFilter filter)
{
    if (filter == m_followUp) {
        return;
    }
    m_followUp = filter;
    invalidateFilter();
}

void PeopleFilterProxy::setOnlyPeople(std::optional<QSet<qint64>> people)
{
    if (people == m_onlyPeople) {
        return;
    }
    m_onlyPeople = std::move(people);
    invalidateFilter();
}

bool PeopleFilterProxy::acceptsFollowUp(int state) const
{
    using State = PeopleModel::FollowUpState;
    switch (m_followUp) {
    case FollowUpFilter::Any:
        return true;
    case FollowUpFilter::Overdue:
        return state == static_cast<int>(State::Overdue);
    case FollowUpFilter::ThisWeek:
        return state == static_cast<int>(State::ThisWeek);
    case FollowUpFilter::Scheduled:
        return state == static_cast<int>(State::Scheduled);
    case FollowUpFilter::None:
        return state == static_cast<int>(State::None);
    }
    return true;
}

bool PeopleFilterProxy::acceptsDegree(const QVariant& degree) const
{
    if (m_degree == DegreeFilter::Any) {
        return true;
    }
    if (!degree.isValid()) {
        return m_degree == DegreeFilter::NotConnected;
    }
    switch (m_degree) {
    case DegreeFilter::First:
        return degree.toInt() == 1;
    case DegreeFilter::Second:
        return degree.toInt() == 2;
    case DegreeFilter::Third:
        return degree.toInt() == 3;
    case DegreeFilter::Further:
        return degree.toInt() > 3;
    default:
        return false;
    }
}

bool PeopleFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_onlyPeople && !m_onlyPeople->contains(index.data(PeopleModel::PersonIdRole).toLongLong())) {
        return false;
    }
    if (!acceptsDegree(
            sourceModel()->index(sourceRow, PeopleModel::Degree, sourceParent).data(PeopleModel::RawValueRole))) {
        return false;
    }
    if (!acceptsFollowUp(index.data(PeopleModel::FollowUpStateRole).toInt())) {
        return false;
    }
    if (!m_network.isEmpty() && !index.data(PeopleModel::NetworksRole).toStringList().contains(m_network)) {
        return false;
    }
    if (!m_tag.isEmpty()) {
        const QStringList tags = index.data(PeopleModel::TagsRole).toStringList();
        if (!tags.contains(m_tag, Qt::CaseInsensitive)) {
            return false;
        }
    }
    if (m_words.isEmpty()) {
        return true;
    }
    const QString haystack = index.data(PeopleModel::SearchTextRole).toString();
    for (const QString& word : m_words) {
        if (!haystack.contains(word)) {
            return false;
        }
    }
    return true;
}

bool PeopleFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    // Rows without a value sink to the bottom whichever way the column is sorted: nobody wants to
    // scroll past 1,400 people without a follow-up to find the ones that have one. The view calls
    // lessThan(b, a) for descending order, hence the flip.
    const bool aEmpty = isEmptyValue(a);
    const bool bEmpty = isEmptyValue(b);
    if (aEmpty || bEmpty) {
        if (aEmpty == bEmpty) {
            return false;  // ties keep the source order: the sort is stable
        }
        return aEmpty == (sortOrder() == Qt::DescendingOrder);
    }
    if (a.typeId() == QMetaType::QString && b.typeId() == QMetaType::QString) {
        return m_collator.compare(a.toString(), b.toString()) < 0;
    }
    return QVariant::compare(a, b) == QPartialOrdering::Less;
}

}  // namespace warmpath::ui
