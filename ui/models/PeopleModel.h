#pragma once

#include <vector>

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QPixmap>
#include <QString>

#include "model/Person.h"
#include "model/PersonId.h"

namespace warmpath::ui {

/// The people list as a table: a thin adapter over core's PersonSummary rows. Display text is worded
/// for people ("in 3 days"); RawValueRole carries what sorting needs (dates as QDate, counts as ints).
/// The Networks column shows coloured badges (DecorationRole) with the names ("LinkedIn, X") as its
/// tooltip and accessible text. Sorting and filtering live in PeopleFilterProxy.
class PeopleModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PeopleModel)

public:
    enum Column : int {
        Name,
        /// Degrees of separation from me: a "1st"/"2nd"/"3rd" badge, the hop count as raw value.
        Degree,
        Networks,
        Organisation,
        Title,
        Location,
        Tags,
        FollowUpDue,
        LastContacted,
        ColumnCount
    };

    enum Role : int {
        /// The value to sort by: QString for text, QDate for dates (invalid when unset), int for counts.
        RawValueRole = Qt::UserRole + 1,
        /// The person's id as a qint64, in every column.
        PersonIdRole,
        /// The person's tags as a QStringList, in every column.
        TagsRole,
        /// Name, organisation, title and tags, case-folded and without accents, in every column.
        SearchTextRole,
        /// The networks of the person's identities ("bsky", "linkedin") as a QStringList, in every column.
        NetworksRole,
        /// Where the person's follow-up stands as an int (FollowUpState), in every column.
        FollowUpStateRole,
    };

    /// Where a follow-up stands, as the follow-ups view sorts them: due today or earlier is overdue.
    enum class FollowUpState : int { None, Overdue, ThisWeek, Scheduled };

    explicit PeopleModel(QObject* parent = nullptr);
    ~PeopleModel() override;

    /// Replaces every row (a model reset). `degrees` maps person ids to hops from me; people missing
    /// from it are not connected to me (or degrees are unknown) and show no badge.
    void setPeople(std::vector<PersonSummary> people, QHash<qint64, int> degrees = {});
    /// The day relative dates are counted from; today unless a test pins it.
    void setToday(QDate today);

    /// The row of `id`, or -1.
    [[nodiscard]] int rowOf(PersonId id) const;
    /// The person in `row`; `row` must be valid.
    [[nodiscard]] const PersonSummary& personAt(int row) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    /// Folds text the way SearchTextRole is folded, for comparing a query with it.
    [[nodiscard]] static QString foldForSearch(const QString& text);

private:
    /// What the rows need beyond the summary, computed once per setPeople().
    struct RowExtras {
        QDate followUpDue;
        QDate lastContacted;
        QString networks;
        QString tags;
        QStringList tagList;
        QStringList networkKeys;
        QString searchText;
        int degree = -1;  ///< -1: not connected or unknown
    };

    [[nodiscard]] QVariant displayValue(const PersonSummary& row, const RowExtras& extras, int column) const;
    [[nodiscard]] QVariant rawValue(const PersonSummary& row, const RowExtras& extras, int column) const;
    [[nodiscard]] FollowUpState followUpStateOf(const RowExtras& extras) const;
    [[nodiscard]] QVariant toolTip(const PersonSummary& row, const RowExtras& extras, int column) const;
    [[nodiscard]] QPixmap badgesFor(const PersonSummary& row) const;
    [[nodiscard]] QPixmap degreeDotFor(int degree) const;

    std::vector<PersonSummary> m_people;
    std::vector<RowExtras> m_extras;
    QHash<qint64, int> m_rowOfId;
    QDate m_today;
    /// Badge strips by network list ("bsky linkedin"): a few dozen combinations serve thousands of rows.
    mutable QHash<QString, QPixmap> m_badgeCache;
    mutable QHash<int, QPixmap> m_degreeDotCache;
};

}  // namespace warmpath::ui
