#pragma once

#include <string>
#include <vector>

#include <QAbstractTableModel>

#include "model/Workflow.h"

namespace warmpath::ui {

/// One introduction request with the names it needs on screen.
struct IntroRequestRow {
    IntroRequest intro;
    std::string targetName;
    std::string introducerName;  ///< empty when the introducer is unknown
};

/// Introduction requests as a table: whom to, via whom, status, last change. Open requests (draft,
/// asked) read in full colour, settled ones (introduced, declined) muted. RawValueRole carries the
/// status as an int and the date as a QDate for sorting.
class IntroRequestsModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IntroRequestsModel)

public:
    enum Column : int { Target, Introducer, Status, Updated, ColumnCount };
    enum Role : int { RawValueRole = Qt::UserRole + 1, IntroIdRole, TargetIdRole };

    explicit IntroRequestsModel(QObject* parent = nullptr);
    ~IntroRequestsModel() override;

    void setRows(std::vector<IntroRequestRow> rows);
    [[nodiscard]] const std::vector<IntroRequestRow>& rows() const { return m_rows; }

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    std::vector<IntroRequestRow> m_rows;
};

}  // namespace warmpath::ui
