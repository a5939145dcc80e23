#pragma once

#include <vector>

#include <QAbstractTableModel>
#include <QDate>

#include "store/Workflow.h"

namespace warmpath::ui {

/// The follow-up queue as a table: when (overdue in red, this week in amber, later), who, the due date
/// and the cadence. A thin adapter over core's FollowUpItem rows, most overdue first; RawValueRole
/// carries days overdue, dates and cadences for sorting.
class FollowUpsModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FollowUpsModel)

public:
    enum Column : int { When, Name, Due, Cadence, ColumnCount };
    enum Role : int { RawValueRole = Qt::UserRole + 1, PersonIdRole };
    enum class Urgency { Overdue, ThisWeek, Later };

    explicit FollowUpsModel(QObject* parent = nullptr);
    ~FollowUpsModel() override;

    void setItems(std::vector<FollowUpItem> items);
    [[nodiscard]] const std::vector<FollowUpItem>& items() const { return m_items; }
    [[nodiscard]] static Urgency urgencyOf(const FollowUpItem& item);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    std::vector<FollowUpItem> m_items;
};

}  // namespace warmpath::ui
