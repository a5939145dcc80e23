#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include <QWidget>

#include "Background.h"
#include "model/PersonId.h"
#include "views/MapStyles.h"

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QProgressDialog;
class QSpinBox;
class QTimer;
class QToolButton;

namespace warmpath::ui {

class MapCanvas;
class Session;
struct MapScene;

/// The map page: a toolbar (who the map is centred on, how many hops, find a name, fit, rings, colour
/// and size, export) over the MapCanvas. The neighbourhood and its layout, and the metrics that colour
/// and size people, are computed off the UI thread; a newer request abandons the one in flight. The
/// toolbar wraps onto a second line where the map is narrow (beside the path finder).
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
    /// True while a layout or the metrics are being computed.
    [[nodiscard]] bool isBusy() const { return m_busy || m_metricsBusy; }

    /// Colours people by degree ring or by community (from the core's Louvain, computed on first use).
    void setColourBy(MapColourBy by);
    [[nodiscard]] MapColourBy colourBy() const;
    /// Sizes people by links on the map or by one of the core's metrics (computed on first use).
    void setSizeBy(MapSizeBy by);
    [[nodiscard]] MapSizeBy sizeBy() const;

    /// Writes the map as shown, at twice the screen's pixel density, as a PNG file; false with `error`
    /// set when there is no map yet or the file cannot be written. Nothing is left half written.
    bool savePng(const QString& path, QString* error) const;
    /// Writes the map as shown as an SVG file (people, links and labels as vector shapes and text).
    bool saveSvg(const QString& path, QString* error) const;
    /// Saves the map to `path` once it is drawn: at once when it is, otherwise after laying it out off
    /// the UI thread (with a progress dialog that can cancel), even while the map page is hidden. Ends
    /// in exported().
    void exportWhenDrawn(const QString& path, bool svg);
    /// File > Export > Map as PNG / SVG: ask where, then save.
    [[nodiscard]] QAction* exportPngAction() const { return m_exportPng; }
    [[nodiscard]] QAction* exportSvgAction() const { return m_exportSvg; }

    [[nodiscard]] MapCanvas* canvas() const { return m_canvas; }

signals:
    /// The user clicked a person on the map.
    void personSelected(warmpath::PersonId person);
    /// A layout finished (or failed) and the map shows it.
    void ready();
    /// exportWhenDrawn() wrote `path`, or failed with `error` (empty on success).
    void exported(const QString& path, const QString& error);

protected:
    void showEvent(QShowEvent* event) override;

private:
    /// Layout iterations: the progress bar's range while a map is laid out.
    static constexpr int kLayoutIterations = 600;

    void onLoaded();
    void relayout();
    void findName();
    void setBusy(bool busy);
    /// Builds the canvas's style from the colour and size choices, asking for metrics when they lack.
    void applyStyle();
    void requestMetrics(bool betweenness);
    /// Stops the metrics in flight (the size-by went back, or the user pressed Cancel).
    void cancelMetrics();
    void finishMetrics();
    void exportInteractively(bool svg);
    /// Writes the export waiting for a layout, if any, now that one has finished.
    void finishPendingExport(const QString& layoutError);

    Session& m_session;
    PersonId m_centre;
    std::vector<PersonId> m_path;

    QLabel* m_centreLabel;
    QSpinBox* m_hops;
    QLineEdit* m_find;
    QToolButton* m_meButton;
    QToolButton* m_fitButton;
    QCheckBox* m_rings;
    QComboBox* m_colourBy;
    QComboBox* m_sizeBy;
    QToolButton* m_exportButton;
    QAction* m_exportPng;
    QAction* m_exportSvg;
    QLabel* m_countLabel;
    QProgressBar* m_progress;
    QToolButton* m_cancelMetrics;
    QTimer* m_progressTimer;
    MapCanvas* m_canvas;

    bool m_busy = false;
    /// A layout was asked for while hidden: it runs when the view shows, so a map nobody looks at
    /// costs nothing.
    bool m_layoutPending = false;
    Background m_layouts{this};  ///< progress: layout iterations

    /// The whole graph's per-person metrics for the open workspace; cleared when another one loads.
    std::shared_ptr<const MapMetrics> m_metrics;
    /// The counts the metrics were measured at: when an import changes them, the metrics are stale.
    std::pair<std::int64_t, std::int64_t> m_metricsCounts;
    bool m_metricsBusy = false;
    bool m_metricsBusyWithBetweenness = false;
    Background m_measuring{this};  ///< progress: betweenness's sources done of total, which the bar follows
    QString m_countBeforeMetrics;

    /// An export asked for before the map was drawn: written when the layout finishes.
    struct PendingExport {
        QString path;
        bool svg = false;
    };
    std::optional<PendingExport> m_pendingExport;
    QProgressDialog* m_exportProgress = nullptr;
    /// Lay out even while hidden (an export needs the map).
    bool m_forceLayout = false;
    /// Drawn while hidden: fit the map to the page when it is first shown.
    bool m_refitOnShow = false;
};

}  // namespace warmpath::ui
