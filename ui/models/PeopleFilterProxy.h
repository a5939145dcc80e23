#pragma once

#include <optional>

#include <QCollator>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QString>
#include <QStringList>

namespace warmpath::ui {

/// Sorting and filtering for PeopleModel: search-as-you-type over name, organisation, title and tags
/// (case- and accent-insensitive; every word typed must match somewhere), an optional tag, degree,
/// network, follow-up state and set of people, and sorting on PeopleModel::RawValueRole with empty
/// values last in either direction.
class PeopleFilterProxy final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PeopleFilterProxy)

public:
    explicit PeopleFilterProxy(QObject* parent = nullptr);
    ~PeopleFilterProxy() override;

    void setSearchText(const QString& text);
    [[nodiscard]] QString searchText() const { return m_searchText; }
    /// Shows only people with this tag (compared ignoring case); an empty tag shows everyone.
    void setTagFilter(const QString& tag);
    [[nodiscard]] QString tagFilter() const { return m_tag; }
    /// What the degree filter keeps.
    enum class DegreeFilter { Any, First, Second, Third, Further, NotConnected };
    void setDegreeFilter(DegreeFilter filter);
    [[nodiscard]] DegreeFilter degreeFilter() const { return m_degree; }
    /// Shows only people with an identity on this network ("bsky", "linkedin"); empty shows everyone.
    void setNetworkFilter(const QString& network);
    [[nodiscard]] QString networkFilter() const { return m_network; }
    /// What the follow-up filter keeps: any, or one PeopleModel::FollowUpState.
    enum class FollowUpFilter { Any, Overdue, ThisWeek, Scheduled, None };
    void setFollowUpFilter(FollowUpFilter filter);
    [[nodiscard]] FollowUpFilter followUpFilter() const { return m_followUp; }
    /// Shows only the people with these ids, or everyone with nullopt: how the follow filters, which the
    /// core answers (Workspace::followFiltered), reach the list.
    void setOnlyPeople(std::optional<QSet<qint64>> people);
    [[nodiscard]] const std::optional<QSet<qint64>>& onlyPeople() const { return m_onlyPeople; }
    /// True when a search, a tag, a degree, a network, a follow-up state or a set of people hides rows
    /// that the source model has.
    [[nodiscard]] bool isFiltering() const
    {
        return !m_words.isEmpty() || !m_tag.isEmpty() || m_degree != DegreeFilter::Any || !m_network.isEmpty() ||
               m_followUp != FollowUpFilter::Any || m_onlyPeople.has_value();
    }

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    [[nodiscard]] bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    [[nodiscard]] bool acceptsDegree(const QVariant& degree) const;
    [[nodiscard]] bool acceptsFollowUp(int state) const;

    QString m_searchText;
    QStringList m_words;
    QString m_tag;
    DegreeFilter m_degree = DegreeFilter::Any;
    QString m_network;
    FollowUpFilter m_followUp = FollowUpFilter::Any;
    std::optional<QSet<qint64>> m_onlyPeople;
    QCollator m_collator;
};

}  // namespace warmpath::ui
