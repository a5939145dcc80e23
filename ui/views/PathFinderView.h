#pragma once

#include <cstdint>
#include <vector>

#include <QWidget>

#include "Background.h"
#include "model/PersonId.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QUndoStack;

namespace warmpath::ui {

class EditGate;
class MapView;
class PathHopsModel;
class Session;
class WarmPathsModel;

/// The path finder: choose anyone, see the k warmest paths from you with every hop explained and the
/// chosen one drawn on a map beside them; avoid a person on a hop to look for a way round them; draft
/// an introduction request to the first hop (IntroDraftDialog: recorded only when saved or copied,
/// as an undoable step). Paths are searched off the UI thread.
class PathFinderView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PathFinderView)

public:
    PathFinderView(Session& session, QUndoStack& undoStack, QWidget* parent = nullptr);
    ~PathFinderView() override;

    /// Looks for the warmest paths from me to `target` (clearing the people avoided).
    void findPathsTo(PersonId target);
    [[nodiscard]] PersonId target() const { return m_target; }
    /// True while a search runs.
    [[nodiscard]] bool isBusy() const { return m_busy; }

    [[nodiscard]] QLineEdit* targetField() const { return m_targetField; }
    [[nodiscard]] WarmPathsModel* pathsModel() const { return m_paths; }
    [[nodiscard]] PathHopsModel* hopsModel() const { return m_hops; }
    [[nodiscard]] MapView* mapView() const { return m_map; }
    [[nodiscard]] QTableView* pathTable() const { return m_pathTable; }
    /// Opens the draft of an introduction request along the chosen path (the button's action).
    void draftIntro();

signals:
    /// A search finished (with or without paths).
    void searched();
    /// The user picked a person (a hop) to look at.
    void personSelected(warmpath::PersonId person);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onLoaded();
    void search();
    void searchTyped();
    void onPathChosen();
    void avoidSelectedHop();

    Session& m_session;
    QUndoStack& m_undoStack;
    PersonId m_target;
    std::vector<PersonId> m_avoid;
    bool m_busy = false;
    /// The search was started from the keyboard in the field: the paths found get the focus.
    bool m_focusResultsWhenFound = false;
    Background m_background{this};

    QLineEdit* m_targetField;
    QSpinBox* m_k;
    QPushButton* m_findButton;
    QLabel* m_summary;
    QLabel* m_avoiding;
    QPushButton* m_clearAvoid;
    QTableView* m_pathTable;
    QTableView* m_hopTable;
    QPushButton* m_avoidButton;
    QPushButton* m_draftButton;
    /// The draft button: an introduction request drafted is one saved or copied (an edit).
    EditGate* m_edits;
    WarmPathsModel* m_paths;
    PathHopsModel* m_hops;
    MapView* m_map;
};

}  // namespace warmpath::ui
