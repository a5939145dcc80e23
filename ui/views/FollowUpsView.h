#pragma once

#include <cstdint>

#include <QWidget>

#include "model/PersonId.h"

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace warmpath::ui {

class FollowUpsModel;
class Session;

/// The follow-up queue: overdue (red), due this week (amber) and later, with snooze, mark contacted
/// and export as an iCalendar file. Read off the UI thread.
class FollowUpsView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FollowUpsView)

public:
    explicit FollowUpsView(Session& session, QWidget* parent = nullptr);
    ~FollowUpsView() override;

    void refresh();
    [[nodiscard]] bool isBusy() const { return m_busy; }
    [[nodiscard]] FollowUpsModel* model() const { return m_model; }
    [[nodiscard]] QTableView* table() const { return m_table; }
    /// Hides the selected person's follow-up for `days`.
    void snoozeSelected(int days);
    /// Records contact today with the selected person.
    void markSelectedContacted();
    /// Writes the queue to `path` as iCalendar; returns an error message or empty.
    QString exportIcs(const QString& path);

signals:
    void refreshed();
    void personSelected(warmpath::PersonId person);

private:
    [[nodiscard]] PersonId selectedPerson() const;
    void afterEdit(const QString& error);

    Session& m_session;
    bool m_busy = false;
    std::uint64_t m_generation = 0;

    QLabel* m_summary;
    QTableView* m_table;
    QPushButton* m_snooze;
    QPushButton* m_contacted;
    QPushButton* m_export;
    FollowUpsModel* m_model;
    QSortFilterProxyModel* m_proxy;
};

}  // namespace warmpath::ui
