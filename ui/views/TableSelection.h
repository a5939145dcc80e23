#pragma once

#include <QAbstractItemModel>
#include <QItemSelectionModel>
#include <QTableView>

#include "model/PersonId.h"

namespace warmpath::ui {

/// Selects and scrolls to the row of `person` in `table`, whose model (a proxy or not) gives person ids
/// in `personIdRole`; false when they are not listed.
inline bool selectPersonRow(QTableView& table, int personIdRole, PersonId person)
{
    QAbstractItemModel* model = table.model();
    if (model == nullptr || !person.valid()) {
        return false;
    }
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(personIdRole).toLongLong() == person.value()) {
            table.selectionModel()->setCurrentIndex(index,
                                                    QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            table.scrollTo(index, QAbstractItemView::PositionAtCenter);
            return true;
        }
    }
    return false;
}

}  // namespace warmpath::ui
