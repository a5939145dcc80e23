#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include <QWidget>

#include "model/PersonId.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QSpinBox;
class QTimer;
class QToolButton;

namespace warmpath {
class CancelToken;
}

namespace warmpath::ui {

class MapCanvas;
class Session;
struct MapScene;

/// The map page: a toolbar (who the map is centred on, how many hops, find a name, fit, rings) over
/// the MapCanvas. The neighbourhood and its layout are computed off the UI thread with a progress
/// bar; a newer request abandons the one in flight.
class MapView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MapView)

public:
    explicit MapView(Session& session, QWidget* parent = nullptr);
    ~MapView() override;

    /// Lays out the neighbourhood of `person` (me when invalid) again.
    void setCentre(PersonId person);
    [[nodiscard]] PersonId centre() const { return m_centre; }
    void setHops(int hops);
    [[nodiscard]] int hops() const;
    /// Marks `person` selected on the map without emitting personSelected().
    void selectPerson(PersonId person);
    /// Draws `people` as a highlighted path (empty: none).
    void setPath(const std::vector<PersonId>& people);
    /// True while a layout is being computed.
    [[nodiscard]] bool isBusy() const { return m_busy; }

    [[nodiscard]] MapCanvas* canvas() const { return m_canvas; }

signals:
    /// The user clicked a person on the map.
    void personSelected(warmpath::PersonId person);
    /// A layout finished (or failed) and the map shows it.
    void ready();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void onLoaded();
    void relayout();
    void findName();
    void setBusy(bool busy);

    Session& m_session;
    PersonId m_centre;
    std::vector<PersonId> m_path;

    QLabel* m_centreLabel;
    QSpinBox* m_hops;
    QLineEdit* m_find;
    QToolButton* m_meButton;
    QToolButton* m_fitButton;
    QCheckBox* m_rings;
    QLabel* m_countLabel;
    QProgressBar* m_progress;
    QTimer* m_progressTimer;
    MapCanvas* m_canvas;

    bool m_busy = false;
    /// A layout was asked for while hidden: it runs when the view shows, so a map nobody looks at
    /// costs nothing.
    bool m_layoutPending = false;
    std::uint64_t m_generation = 0;
    std::shared_ptr<CancelToken> m_cancel;
    std::shared_ptr<std::atomic<int>> m_iterations;
};

}  // namespace warmpath::ui
