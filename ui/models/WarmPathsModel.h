#pragma once

#include <QAbstractTableModel>

#include "WorkspaceGraph.h"

namespace warmpath::ui {

/// The warm paths to one person as a table, one row per path: rank, hops, warmth and the people on
/// it ("You" for the me person). A thin adapter over core's WarmPathsAnswer; RawValueRole carries
/// numbers for sorting.
class WarmPathsModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WarmPathsModel)

public:
    enum Column : int { Rank, Hops, Warmth, Route, ColumnCount };
    enum Role : int { RawValueRole = Qt::UserRole + 1 };

    explicit WarmPathsModel(QObject* parent = nullptr);
    ~WarmPathsModel() override;

    void setAnswer(WarmPathsAnswer answer);
    /// The person named "You" on the routes.
    void setMe(PersonId me);
    [[nodiscard]] const WarmPathsAnswer& answer() const { return m_answer; }

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    WarmPathsAnswer m_answer;
    PersonId m_me;
};

/// The hops of one warm path, each explained: who to whom ("You" for the me person), the kind of
/// link, whether it goes both ways, and the imports it came from.
class PathHopsModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PathHopsModel)

public:
    enum Column : int { From, To, Kind, Mutual, Sources, ColumnCount };
    enum Role : int { RawValueRole = Qt::UserRole + 1, ToPersonIdRole };

    explicit PathHopsModel(QObject* parent = nullptr);
    ~PathHopsModel() override;

    void setPath(WarmPathView path);
    /// The person named "You".
    void setMe(PersonId me);
    [[nodiscard]] const WarmPathView& path() const { return m_path; }

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    /// "connection", "follows"... as a person would say it.
    [[nodiscard]] static QString kindText(const std::string& kind);

private:
    WarmPathView m_path;
    PersonId m_me;
};

}  // namespace warmpath::ui
