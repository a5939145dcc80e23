#pragma once

#include <array>
#include <cstdint>

#include <QByteArray>
#include <QList>
#include <QWidget>

#include "Background.h"
#include "graph/FollowFilter.h"
#include "model/PersonId.h"
#include "models/PeopleModel.h"

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;
class QTableView;
class QPushButton;

namespace warmpath::ui {

class EmptyState;
class PeopleFilterProxy;
class Session;

/// The people list: search field, tag, degree, network, follow-up and follow filters and count above a
/// sortable table of everyone in the session's workspace, or an empty state that says why there is no
/// one to show. Follows the session on its own; the window only hears which people are selected.
class PeopleView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PeopleView)

public:
    /// What the empty states offer when there is nothing to show; owned by the window's menus.
    struct Actions {
        QAction* openDatabase = nullptr;
        QAction* openDemo = nullptr;
    };

    PeopleView(Session& session, Actions actions, QWidget* parent = nullptr);
    ~PeopleView() override;

    /// Selects `id` (clearing a search or tag filter that hides them) and scrolls to them. Returns false
    /// when they are not in the list.
    bool selectPerson(PersonId id);
    /// The selected people, in list order.
    [[nodiscard]] QList<PersonId> selectedPeople() const;
    /// Puts the cursor in the search field with its text selected.
    void focusSearch();
    /// Moves the keyboard to the list (Enter or Down in the search field), the first result current.
    void focusResults();

    /// Column widths, order and sorting, for the window to keep in its settings.
    [[nodiscard]] QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray& state);

    [[nodiscard]] QTableView* table() const { return m_table; }
    [[nodiscard]] QLineEdit* searchField() const { return m_search; }
    [[nodiscard]] PeopleFilterProxy* proxy() const { return m_proxy; }
    [[nodiscard]] QComboBox* degreeFilter() const { return m_degreeFilter; }
    [[nodiscard]] QComboBox* networkFilter() const { return m_networkFilter; }
    [[nodiscard]] QComboBox* followUpFilter() const { return m_followUpFilter; }
    /// The "Follows" button, whose menu holds the follow filters (who follows you and not back, whom you
    /// follow who do not follow back, who is followed by at least N of those you follow).
    [[nodiscard]] QPushButton* followFilterButton() const { return m_followFilterButton; }
    /// The follow filters as they are set in that menu.
    [[nodiscard]] FollowCriteria followCriteria() const;
    /// Clears the search and every filter (what the empty state offers when no one matches).
    [[nodiscard]] QAction* clearFiltersAction() const { return m_clearFiltersAction; }

signals:
    /// The selection changed; selectedPeople() says to whom.
    void selectionChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fitColumns();
    /// What the Name column needs for the names loaded: fitColumns() gives it that room first.
    void measureNames();
    void createTable();
    void onLoadingStarted();
    void onPeopleChanged();
    void updateTagFilter();
    void updateNetworkFilter();
    void updateEmptyState();
    void clearFilters();
    QPushButton* createFollowFilterButton();
    /// Asks the core, off the UI thread, whom the follow filters keep; the list follows when it answers.
    void updateFollowFilter();

    Session& m_session;
    Actions m_actions;
    PeopleModel* m_model;
    PeopleFilterProxy* m_proxy;

    QLineEdit* m_search;
    QComboBox* m_tagFilter;
    QComboBox* m_degreeFilter;
    QComboBox* m_networkFilter;
    QComboBox* m_followUpFilter;
    QAction* m_followsMeNotBack;
    QAction* m_notFollowingBack;
    QCheckBox* m_followedByMyFollows;
    QSpinBox* m_followedByCount;
    QPushButton* m_followFilterButton;
    /// Asks the core whom the follow filters keep.
    Background m_followBackground{this};
    /// Why the core could not answer the follow filters (no me person), shown instead of the list.
    QString m_followError;
    QLabel* m_countLabel;
    QStackedWidget* m_stack;
    QTableView* m_table;
    EmptyState* m_emptyState;
    QAction* m_clearFiltersAction;

    /// What each column would like, by PeopleModel::Column.
    std::array<int, PeopleModel::ColumnCount> m_idealWidths{};
    bool m_columnsSizedByUser = false;
    bool m_fittingColumns = false;
};

}  // namespace warmpath::ui
