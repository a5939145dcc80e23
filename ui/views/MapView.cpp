#include "views/MapView.h"

#include <initializer_list>
#include <utility>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QProgressDialog>
#include <QSpinBox>
#include <QStringListModel>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include "Format.h"
#include "Session.h"
#include "Workspace.h"
#include "views/MapCanvas.h"
#include "views/MapRenderer.h"
#include "widgets/FlowLayout.h"
#include "widgets/WindowState.h"

namespace warmpath::ui {

namespace {

constexpr int kDefaultHops = 2;
constexpr int kMaxHops = 4;

std::shared_ptr<const MapScene> sceneFrom(const EgoMap& map, const QHash<qint64, QString>& names)
{
    auto scene = std::make_shared<MapScene>();
    const std::size_t n = map.nodes.size();
    scene->ids.reserve(n);
    scene->positions.reserve(n);
    scene->hops.reserve(n);
    scene->names.reserve(n);
    for (const EgoMapNode& node : map.nodes) {
        scene->ids.push_back(node.id);
        scene->positions.emplace_back(node.x, node.y);
        scene->hops.push_back(node.hops);
        scene->names.push_back(names.value(node.id.value(), QStringLiteral("#%1").arg(node.id.value())));
    }
    scene->links = map.links;
    scene->centre = n > 0 ? 0 : -1;
    scene->finish();
    return scene;
}

}  // namespace

MapView::MapView(Session& session, QWidget* parent)
    : QWidget(parent),
      m_session(session),
      m_centreLabel(new QLabel(this)),
      m_hops(new QSpinBox(this)),
      m_find(new QLineEdit(this)),
      m_meButton(new QToolButton(this)),
      m_fitButton(new QToolButton(this)),
      m_rings(new QCheckBox(tr("Rings"), this)),
      m_colourBy(new QComboBox(this)),
      m_sizeBy(new QComboBox(this)),
      m_exportButton(new QToolButton(this)),
      m_exportPng(new QAction(tr("Map as &PNG\u2026"), this)),
      m_exportSvg(new QAction(tr("Map as &SVG\u2026"), this)),
      m_countLabel(new QLabel(this)),
      m_progress(new QProgressBar(this)),
      m_cancelMetrics(new QToolButton(this)),
      m_progressTimer(new QTimer(this)),
      m_canvas(new MapCanvas(this))
{
    setObjectName(QStringLiteral("mapView"));

    m_centreLabel->setObjectName(QStringLiteral("mapCentreLabel"));
    m_centreLabel->setTextFormat(Qt::RichText);

    m_hops->setObjectName(QStringLiteral("mapHops"));
    m_hops->setRange(1, kMaxHops);
    m_hops->setValue(kDefaultHops);
    m_hops->setPrefix(tr("within "));
    m_hops->setSuffix(tr(" hops"));
    m_hops->setToolTip(tr("How far from the centre the map reaches"));
    connect(m_hops, &QSpinBox::valueChanged, this, &MapView::relayout);

    m_find->setObjectName(QStringLiteral("mapFind"));
    m_find->setPlaceholderText(tr("Find on the map"));
    m_find->setClearButtonEnabled(true);
    // A fixed width: in a flowing toolbar a line edit's size hint would squeeze it to a few letters.
    m_find->setFixedWidth(fontMetrics().averageCharWidth() * 28);
    auto* completer = new QCompleter(new QStringListModel(this), this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_find->setCompleter(completer);
    connect(m_find, &QLineEdit::returnPressed, this, &MapView::findName);
    connect(completer, qOverload<const QString&>(&QCompleter::activated), this, &MapView::findName);

    m_meButton->setObjectName(QStringLiteral("mapCentreOnMe"));
    m_meButton->setText(tr("Centre on me"));
    m_meButton->setToolTip(tr("Show your own network"));
    connect(m_meButton, &QToolButton::clicked, this, [this] { setCentre(PersonId()); });
    m_fitButton->setObjectName(QStringLiteral("mapFit"));
    m_fitButton->setText(tr("Fit"));
    m_fitButton->setToolTip(tr("Show the whole map"));
    connect(m_fitButton, &QToolButton::clicked, m_canvas, &MapCanvas::fitToView);
    m_rings->setChecked(true);
    m_rings->setToolTip(tr("Rings around the centre: most people within 1, 2, \u2026 hops lie inside"));
    connect(m_rings, &QCheckBox::toggled, m_canvas, &MapCanvas::setShowRings);

    m_colourBy->setObjectName(QStringLiteral("mapColourBy"));
    m_colourBy->addItem(tr("Colour: degree ring"), static_cast<int>(MapColourBy::DegreeRing));
    m_colourBy->addItem(tr("Colour: community"), static_cast<int>(MapColourBy::Community));
    m_colourBy->setToolTip(tr("Colour people by how far they are from the centre, or by the community "
                              "(densely linked group) they belong to"));
    connect(m_colourBy, &QComboBox::currentIndexChanged, this, &MapView::applyStyle);
    m_sizeBy->setObjectName(QStringLiteral("mapSizeBy"));
    m_sizeBy->addItem(tr("Size: links on the map"), static_cast<int>(MapSizeBy::Links));
    m_sizeBy->addItem(tr("Size: followers"), static_cast<int>(MapSizeBy::Followers));
    m_sizeBy->addItem(tr("Size: people followed"), static_cast<int>(MapSizeBy::Following));
    m_sizeBy->addItem(tr("Size: PageRank"), static_cast<int>(MapSizeBy::PageRank));
    m_sizeBy->addItem(tr("Size: betweenness"), static_cast<int>(MapSizeBy::Betweenness));
    m_sizeBy->setToolTip(tr("Size people by a measure over your whole network: betweenness is slow on "
                            "large networks"));
    connect(m_sizeBy, &QComboBox::currentIndexChanged, this, &MapView::applyStyle);
    // The colour and size are the user's way of looking: the window remembers them (WindowState).
    rememberChoice(*m_colourBy);
    rememberChoice(*m_sizeBy);

    m_exportPng->setStatusTip(tr("Save the map as shown as a PNG image"));
    connect(m_exportPng, &QAction::triggered, this, [this] { exportInteractively(false); });
    m_exportSvg->setStatusTip(tr("Save the map as shown as an SVG drawing (opens in Inkscape and browsers)"));
    connect(m_exportSvg, &QAction::triggered, this, [this] { exportInteractively(true); });
    m_exportButton->setObjectName(QStringLiteral("mapExportButton"));
    m_exportButton->setText(tr("Export"));
    m_exportButton->setToolTip(tr("Save the map as a PNG image or an SVG drawing"));
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    auto* exportMenu = new QMenu(m_exportButton);
    exportMenu->addAction(m_exportPng);
    exportMenu->addAction(m_exportSvg);
    m_exportButton->setMenu(exportMenu);

    setMutedText(m_countLabel);
    m_progress->setObjectName(QStringLiteral("mapProgress"));
    m_progress->setRange(0, kLayoutIterations);
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_progress->setVisible(false);
    m_cancelMetrics->setObjectName(QStringLiteral("mapCancelMetrics"));
    m_cancelMetrics->setText(tr("Cancel"));
    m_cancelMetrics->setToolTip(tr("Stop measuring and size people by their links on the map"));
    m_cancelMetrics->setVisible(false);
    connect(m_cancelMetrics, &QToolButton::clicked, this, [this] {
        if (sizeBy() == MapSizeBy::Betweenness) {
            setSizeBy(MapSizeBy::Links);  // which cancels the betweenness in flight
        } else {
            cancelMetrics();
        }
    });
    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, [this] {
        const auto iterations = static_cast<int>(m_layouts.progress().done);
        if (m_busy) {
            m_progress->setValue(iterations);
        } else if (const BackgroundProgress metrics = m_measuring.progress(); m_metricsBusy && metrics.total > 0) {
            m_progress->setRange(0, static_cast<int>(metrics.total));
            m_progress->setValue(static_cast<int>(metrics.done));
        }
        if (m_exportProgress != nullptr) {
            m_exportProgress->setValue(iterations);
        }
    });

    // One flowing toolbar: a line at full width, two beside the path finder, never a squeezed field.
    auto* toolbar = new FlowLayout(nullptr, 8, 6);
    for (QWidget* widget :
         std::initializer_list<QWidget*>{m_centreLabel, m_hops, m_meButton, m_find, m_fitButton, m_rings, m_colourBy,
                                         m_sizeBy, m_exportButton, m_progress, m_cancelMetrics, m_countLabel}) {
        toolbar->addWidget(widget);
    }

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 10, 12);
    layout->setSpacing(10);
    layout->addLayout(toolbar);
    layout->addWidget(m_canvas, 1);

    connect(m_canvas, &MapCanvas::personClicked, this, &MapView::personSelected);
    connect(m_canvas, &MapCanvas::personActivated, this, [this](PersonId person) {
        setCentre(person);
        emit personSelected(person);
    });
    connect(&m_session, &Session::loaded, this, &MapView::onLoaded);
    connect(&m_session, &Session::peopleChanged, this, [this] {
        // Tags and notes leave the graph as it was; an import or a merge changes the counts.
        const std::pair counts{m_session.stats().persons, m_session.stats().links};
        if (m_metrics && counts != m_metricsCounts) {
            m_metrics.reset();
            applyStyle();
        }
    });
    if (m_session.hasWorkspace()) {
        onLoaded();
    }
}

// The Backgrounds stop what is in flight: betweenness on a large network would otherwise run on.
MapView::~MapView() = default;

int MapView::hops() const
{
    return m_hops->value();
}

void MapView::setHops(int hops)
{
    m_hops->setValue(hops);  // relayouts when it changes
}

void MapView::onLoaded()
{
    QStringList names;
    names.reserve(static_cast<qsizetype>(m_session.people().size()));
    for (const PersonSummary& row : m_session.people()) {
        names.append(toQString(row.person.displayName));
    }
    names.sort(Qt::CaseInsensitive);
    names.removeDuplicates();
    qobject_cast<QStringListModel*>(m_find->completer()->model())->setStringList(names);
    m_path.clear();
    m_metrics.reset();  // another workspace: its own network, its own measures
    cancelMetrics();
    setCentre(PersonId());
}

void MapView::setCentre(PersonId person)
{
    m_centre = person;
    relayout();
}

void MapView::selectPerson(PersonId person)
{
    m_canvas->setSelectedPerson(person);
}

void MapView::setPath(const std::vector<PersonId>& people)
{
    m_path = people;
    m_canvas->setPath(people);
}

void MapView::findName()
{
    const QString name = m_find->text().trimmed();
    if (name.isEmpty() || !m_canvas->scene()) {
        return;
    }
    const MapScene& scene = *m_canvas->scene();
    for (std::size_t i = 0; i < scene.size(); ++i) {
        if (scene.names[i].compare(name, Qt::CaseInsensitive) == 0) {
            m_canvas->centreOn(scene.ids[i]);
            m_canvas->setSelectedPerson(scene.ids[i]);
            m_canvas->setFocus(Qt::OtherFocusReason);  // the keyboard follows to the map: arrows pan, +/- zoom
            emit personSelected(scene.ids[i]);
            return;
        }
    }
    // Not on this map: centre the map on them instead.
    for (const PersonSummary& row : m_session.people()) {
        if (toQString(row.person.displayName).compare(name, Qt::CaseInsensitive) == 0) {
            setCentre(row.person.id);
            emit personSelected(row.person.id);
            return;
        }
    }
}

void MapView::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy || m_metricsBusy);
    if (busy) {
        m_progress->setRange(0, kLayoutIterations);
        m_progress->setValue(0);
        m_progressTimer->start();
    } else if (m_metricsBusy) {
        m_progress->setRange(0, 0);  // the metrics' own progress takes over when they report it
    } else {
        m_progressTimer->stop();
    }
}

void MapView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_layoutPending) {
        relayout();
    } else if (m_refitOnShow) {
        // Drawn while hidden for an export, at a size of its own: fit the size the page has now.
        QTimer::singleShot(0, m_canvas, &MapCanvas::fitToView);
    }
    m_refitOnShow = false;
}

void MapView::relayout()
{
    if (!m_session.hasWorkspace()) {
        return;
    }
    if (!isVisible() && !m_forceLayout) {
        m_layoutPending = true;
        return;
    }
    m_layoutPending = false;
    m_layouts.abandon();  // the layout in flight is no longer wanted

    std::shared_ptr<Workspace> workspace = m_session.sharedWorkspace();
    PersonId centre = m_centre;
    if (!centre.valid()) {
        auto me = workspace->me();
        if (!me) {
            m_countLabel->setText(tr("No \u201cme\u201d in this database"));
            finishPendingExport(m_countLabel->text());
            emit ready();
            return;
        }
        centre = *me;
    }
    QHash<qint64, QString> names;
    names.reserve(static_cast<qsizetype>(m_session.people().size()));
    QString centreName;
    for (const PersonSummary& row : m_session.people()) {
        names.insert(row.person.id.value(), personName(row.person.displayName, row.person.isMe));
        if (row.person.id == centre) {
            centreName = row.person.isMe ? tr("you") : personName(row.person.displayName);
        }
    }
    m_centreLabel->setText(tr("Network of <b>%1</b>").arg(centreName.toHtmlEscaped()));
    m_meButton->setEnabled(m_centre.valid());
    setBusy(true);

    const EgoMapRequest request{.centre = centre, .hops = m_hops->value(), .maxIterations = kLayoutIterations};
    auto work = [workspace, request,
                 names = std::move(names)](BackgroundTask& task) -> Result<std::shared_ptr<const MapScene>> {
        auto map = workspace->egoMap(request, task.progressCallback(), task.cancelToken());
        if (!map) {
            return map.error();
        }
        return sceneFrom(*map, names);
    };
    m_layouts.run(std::move(work), [this](Result<std::shared_ptr<const MapScene>> result) {
        setBusy(false);
        if (!result) {
            m_countLabel->setText(
                tr("Could not draw the map: %1").arg(QString::fromStdString(result.error().describe())));
            finishPendingExport(m_countLabel->text());
        } else {
            const std::shared_ptr<const MapScene>& scene = *result;
            m_canvas->setScene(scene);
            applyStyle();
            m_canvas->setPath(m_path);
            m_countLabel->setText(
                tr("%1 \u00b7 %2")
                    .arg(formatCount(static_cast<std::int64_t>(scene->size()), tr("person"), tr("people")),
                         formatCount(static_cast<std::int64_t>(scene->links.size()), tr("link"), tr("links"))));
            m_countBeforeMetrics = m_countLabel->text();
            finishPendingExport({});
        }
        emit ready();
    });
}

MapColourBy MapView::colourBy() const
{
    return static_cast<MapColourBy>(m_colourBy->currentData().toInt());
}

void MapView::setColourBy(MapColourBy by)
{
    m_colourBy->setCurrentIndex(m_colourBy->findData(static_cast<int>(by)));
}

MapSizeBy MapView::sizeBy() const
{
    return static_cast<MapSizeBy>(m_sizeBy->currentData().toInt());
}

void MapView::setSizeBy(MapSizeBy by)
{
    m_sizeBy->setCurrentIndex(m_sizeBy->findData(static_cast<int>(by)));
}

}  // namespace warmpath::ui
