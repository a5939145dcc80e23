#pragma once

#include <vector>

#include <QAbstractTableModel>
#include <QStringList>

#include "model/PersonId.h"

namespace warmpath::ui {

/// One suggestion as the panel shows it: core's SuggestionView with the contacts that lead there named.
struct SuggestionRow {
    PersonId person;
    QString name;
    QString organisation;
    double score = 0;
    int commonContacts = 0;
    QStringList via;  ///< names, strongest first
};

/// Suggested people as a table: rank, name, organisation, score and the reason. A thin adapter;
/// RawValueRole carries numbers for sorting (in a QSortFilterProxyModel).
class SuggestionsModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SuggestionsModel)

public:
    enum Column : int { Rank, Name, Organisation, Score, Reason, ColumnCount };
    enum Role : int { RawValueRole = Qt::UserRole + 1, PersonIdRole };

    explicit SuggestionsModel(QObject* parent = nullptr);
    ~SuggestionsModel() override;

    void setRows(std::vector<SuggestionRow> rows);
    /// Takes `person` out (a dismissal); returns false when they are not listed.
    bool removePerson(PersonId person);
    [[nodiscard]] const std::vector<SuggestionRow>& rows() const { return m_rows; }
    /// Shows scores per thousand (header "Score ‰") or as they are. Personalised PageRank scores are
    /// shares of one walk spread over everyone, a few thousandths each: with the two decimals every
    /// score shows they would all read "<0.01".
    void setPerThousand(bool perThousand);

    /// "followed by 7 of the people you follow: Ana, Bo, Cy, …".
    [[nodiscard]] static QString reason(const SuggestionRow& row);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    std::vector<SuggestionRow> m_rows;
    bool m_perThousand = false;
};

}  // namespace warmpath::ui
