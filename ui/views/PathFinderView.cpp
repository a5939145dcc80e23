#include "views/PathFinderView.h"

#include <algorithm>
#include <memory>
#include <utility>

#include <QAbstractItemView>
#include <QCompleter>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStringListModel>
#include <QTableView>
#include <QVBoxLayout>

#include "Format.h"
#include "Session.h"
#include "Workspace.h"
#include "models/WarmPathsModel.h"
#include "views/IntroDraftDialog.h"
#include "views/MapView.h"
#include "widgets/EditGate.h"

namespace warmpath::ui {

namespace {

QTableView* makeTable(QWidget* parent, QAbstractItemModel* model, const QString& name)
{
    auto* table = new QTableView(parent);
    table->setObjectName(name);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setShowGrid(false);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table->horizontalHeader()->setHighlightSections(false);
    return table;
}

QLabel* heading(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

}  // namespace

PathFinderView::PathFinderView(Session& session, QUndoStack& undoStack, QWidget* parent)
    : QWidget(parent),
      m_session(session),
      m_undoStack(undoStack),
      m_targetField(new QLineEdit(this)),
      m_k(new QSpinBox(this)),
      m_findButton(new QPushButton(tr("Find paths"), this)),
      m_summary(new QLabel(this)),
      m_avoiding(new QLabel(this)),
      m_clearAvoid(new QPushButton(tr("Clear"), this)),
      m_avoidButton(new QPushButton(tr("Avoid this person"), this)),
      m_draftButton(new QPushButton(tr("Draft introduction request\u2026"), this)),
      m_edits(new EditGate(session, this)),
      m_paths(new WarmPathsModel(this)),
      m_hops(new PathHopsModel(this)),
      m_map(new MapView(session, this))
{
    setObjectName(QStringLiteral("pathFinderView"));
    m_targetField->setObjectName(QStringLiteral("pathTarget"));
    m_targetField->setPlaceholderText(tr("Who do you want to reach?"));
    m_targetField->setClearButtonEnabled(true);
    auto* completer = new QCompleter(new QStringListModel(this), this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_targetField->setCompleter(completer);
    connect(m_targetField, &QLineEdit::returnPressed, this, &PathFinderView::searchTyped);
    // Enter or Down in the field takes the keyboard to the paths found (eventFilter, searched()).
    m_targetField->installEventFilter(this);
    connect(this, &PathFinderView::searched, this, [this] {
        if (std::exchange(m_focusResultsWhenFound, false) && m_paths->rowCount() > 0) {
            m_pathTable->setFocus(Qt::OtherFocusReason);
        }
    });
    connect(completer, qOverload<const QString&>(&QCompleter::activated), this, &PathFinderView::searchTyped);
    connect(m_findButton, &QPushButton::clicked, this, &PathFinderView::searchTyped);

    m_findButton->setObjectName(QStringLiteral("findPathsButton"));
    m_k->setRange(1, 10);
    m_k->setValue(3);
    m_k->setPrefix(tr("up to "));
    m_k->setSuffix(tr(" paths"));
    connect(m_k, &QSpinBox::valueChanged, this, &PathFinderView::search);

    m_summary->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("pathSummary"));
    m_summary->setText(tr("Type a name to see how warm introductions could reach them."));
    setMutedText(m_avoiding);
    m_avoiding->setWordWrap(true);
    m_clearAvoid->setObjectName(QStringLiteral("clearAvoidButton"));
    m_clearAvoid->setToolTip(tr("Look for paths through anyone again"));
    m_clearAvoid->setVisible(false);
    connect(m_clearAvoid, &QPushButton::clicked, this, [this] {
        m_avoid.clear();
        search();
    });

    m_pathTable = makeTable(this, m_paths, QStringLiteral("pathTable"));
    m_hopTable = makeTable(this, m_hops, QStringLiteral("hopTable"));
    m_pathTable->horizontalHeader()->resizeSection(WarmPathsModel::Rank, 32);
    m_pathTable->horizontalHeader()->resizeSection(WarmPathsModel::Hops, 64);
    m_pathTable->horizontalHeader()->resizeSection(WarmPathsModel::Warmth, 64);
    connect(m_pathTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PathFinderView::onPathChosen);
    connect(m_hopTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QModelIndexList rows = m_hopTable->selectionModel()->selectedRows();
        const bool hop = !rows.isEmpty();
        m_avoidButton->setEnabled(hop && rows.first().row() + 1 < m_hops->rowCount());
        if (hop) {
            emit personSelected(PersonId(rows.first().data(PathHopsModel::ToPersonIdRole).toLongLong()));
        }
    });

    m_avoidButton->setObjectName(QStringLiteral("avoidButton"));
    m_avoidButton->setToolTip(tr("Look for paths that do not go through the person this hop reaches"));
    m_avoidButton->setEnabled(false);
    connect(m_avoidButton, &QPushButton::clicked, this, &PathFinderView::avoidSelectedHop);
    m_draftButton->setObjectName(QStringLiteral("draftIntroButton"));
    m_edits->setEnabled(m_draftButton, false);
    m_draftButton->setDefault(true);
    connect(m_draftButton, &QPushButton::clicked, this, &PathFinderView::draftIntro);

    auto* panel = new QWidget(this);
    // The name gets a line of its own: beside the map the panel is narrow, and a squeezed field would
    // show a few letters of the name.
    auto* search = new QVBoxLayout;
    search->addWidget(m_targetField);
    auto* searchOptions = new QHBoxLayout;
    searchOptions->addWidget(m_k);
    searchOptions->addStretch(1);
    searchOptions->addWidget(m_findButton);
    search->addLayout(searchOptions);
    auto* avoid = new QHBoxLayout;
    avoid->addWidget(m_avoiding, 1);
    avoid->addWidget(m_clearAvoid);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_avoidButton);
    actions->addStretch(1);
    actions->addWidget(m_draftButton);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(12, 12, 6, 12);
    layout->setSpacing(8);
    layout->addLayout(search);
    layout->addWidget(m_summary);
    layout->addLayout(avoid);
    layout->addWidget(heading(tr("Warmest paths"), panel));
    layout->addWidget(m_pathTable, 2);
    layout->addWidget(heading(tr("Each hop"), panel));
    layout->addWidget(m_hopTable, 2);
    layout->addLayout(actions);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("pathFinderSplitter"));  // remembered by the main window
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(panel);
    splitter->addWidget(m_map);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({440, 620});
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(splitter);

    connect(m_map, &MapView::personSelected, this, &PathFinderView::personSelected);
    connect(&m_session, &Session::loaded, this, &PathFinderView::onLoaded);
    if (m_session.hasWorkspace()) {
        onLoaded();
    }
}

PathFinderView::~PathFinderView() = default;

void PathFinderView::onLoaded()
{
    QStringList names;
    for (const PersonSummary& row : m_session.people()) {
        names.append(toQString(row.person.displayName));
    }
    names.sort(Qt::CaseInsensitive);
    names.removeDuplicates();
    qobject_cast<QStringListModel*>(m_targetField->completer()->model())->setStringList(names);
    // Paths start from me, who is "You" on them, as in the details panel.
    m_paths->setMe(m_session.me());
    m_hops->setMe(m_session.me());
    m_target = PersonId();
    m_avoid.clear();
    m_paths->setAnswer({});
    m_hops->setPath({});
}

bool PathFinderView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_targetField && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const bool popup = m_targetField->completer()->popup()->isVisible();
        if (key->key() == Qt::Key_Down && key->modifiers() == 0 && !popup && m_paths->rowCount() > 0) {
            m_pathTable->setFocus(Qt::OtherFocusReason);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PathFinderView::searchTyped()
{
    if (!m_session.hasWorkspace()) {
        return;
    }
    m_focusResultsWhenFound = m_targetField->hasFocus();
    const QString text = m_targetField->text().trimmed();
    if (text.isEmpty()) {
        return;
    }
    for (const PersonSummary& row : m_session.people()) {
        if (toQString(row.person.displayName).compare(text, Qt::CaseInsensitive) == 0) {
            findPathsTo(row.person.id);
            return;
        }
    }
    // A REF (`linkedin:ana-souza`, `#42`) is resolved by the database, off the UI thread.
    auto resolve = [workspace = m_session.sharedWorkspace(), ref = text.toStdString()] {
        return workspace->resolve(ref);
    };
    m_background.run(std::move(resolve), [this, text](Result<PersonId> resolved) {
        if (!resolved) {
            m_busy = false;  // a search this superseded is not coming
            m_summary->setText(tr("No one called \u201c%1\u201d.").arg(text.toHtmlEscaped()));
            return;
        }
        findPathsTo(*resolved);
    });
}

void PathFinderView::findPathsTo(PersonId target)
{
    m_target = target;
    m_avoid.clear();
    for (const PersonSummary& row : m_session.people()) {
        if (row.person.id == target) {
            const QSignalBlocker blocker(m_targetField);
            m_targetField->setText(toQString(row.person.displayName));
        }
    }
    search();
}

void PathFinderView::search()
{
    if (!m_session.hasWorkspace() || !m_target.valid()) {
        return;
    }
    const PersonId me = m_session.me();
    if (!me.valid()) {
        m_summary->setText(tr("This database has no \u201cme\u201d to start from."));
        return;
    }
    m_busy = true;
    m_summary->setText(tr("Looking for paths\u2026"));
    const WarmPathRequest request{.from = me, .to = m_target, .k = m_k->value(), .avoid = m_avoid};
    std::shared_ptr<Workspace> workspace = m_session.sharedWorkspace();
    auto work = [workspace, request] { return workspace->warmPaths(request); };
    m_background.run(std::move(work), [this](Result<WarmPathsAnswer> result) {
        m_busy = false;
        QStringList avoided;
        for (PersonId id : m_avoid) {
            const PersonSummary* row = m_session.summaryOf(id);
            avoided.append(row != nullptr ? personName(row->person.displayName) : QString());
        }
        m_avoiding->setText(avoided.isEmpty() ? QString() : tr("Avoiding %1").arg(avoided.join(QStringLiteral(", "))));
        m_clearAvoid->setVisible(!avoided.isEmpty());
        if (!result) {
            m_summary->setText(QString::fromStdString(result.error().describe()));
            m_paths->setAnswer({});
            m_hops->setPath({});
            m_edits->setEnabled(m_draftButton, false);
            emit searched();
            return;
        }
        const WarmPathsAnswer& answer = *result;
        const QString name = personName(answer.to.name).toHtmlEscaped();
        if (answer.paths.empty()) {
            m_summary->setText(answer.degree ? tr("No path to <b>%1</b> without the people avoided.").arg(name)
                                             : tr("<b>%1</b> is not connected to your network.").arg(name));
        } else if (answer.degree) {
            const QString degree =
                *answer.degree == 1 ? tr("a direct contact") : tr("%1 degree").arg(degreeBadge(*answer.degree));
            // Warmth can rank a longer way first; without a word the hop counts below look like a contradiction.
            m_summary->setText(
                answer.paths.front().hops > *answer.degree
                    ? tr("<b>%1</b> is %2 from you. The warmest paths first: longer than the shortest way (%3), "
                         "but through warmer links:")
                          .arg(name, degree, formatCount(*answer.degree, tr("hop"), tr("hops")))
                    : tr("<b>%1</b> is %2 from you. The warmest paths first:").arg(name, degree));
        }
        m_paths->setAnswer(std::move(result).value());
        if (m_paths->rowCount() > 0) {
            m_pathTable->selectRow(0);
        } else {
            m_hops->setPath({});
            m_map->setPath({});
            m_edits->setEnabled(m_draftButton, false);
        }
        emit searched();
    });
}

void PathFinderView::onPathChosen()
{
    const QModelIndexList rows = m_pathTable->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        return;
    }
    const WarmPathView& path = m_paths->answer().paths.at(static_cast<std::size_t>(rows.first().row()));
    m_hops->setPath(path);
    m_hopTable->resizeColumnsToContents();
    std::vector<PersonId> people;
    for (const NamedPerson& person : path.people) {
        people.push_back(person.id);
    }
    // The map reaches as far as the path does, so that all of it can be drawn.
    if (m_map->hops() < path.hops) {
        m_map->setHops(path.hops);
    }
    m_map->setPath(people);
    m_map->selectPerson(m_target);
    // An introduction needs someone in between: a path of one hop is a direct contact.
    m_edits->setEnabled(m_draftButton, path.hops >= 2);
}

void PathFinderView::avoidSelectedHop()
{
    const QModelIndexList rows = m_hopTable->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        return;
    }
    const PersonId person(rows.first().data(PathHopsModel::ToPersonIdRole).toLongLong());
    if (person == m_target || std::find(m_avoid.begin(), m_avoid.end(), person) != m_avoid.end()) {
        return;
    }
    m_avoid.push_back(person);
    search();
}

void PathFinderView::draftIntro()
{
    const WarmPathView& path = m_hops->path();
    if (path.people.size() < 3 || !m_session.hasWorkspace()) {
        return;
    }
    // Along the path chosen, as shown: the first hop is asked for the next person, whom they know.
    std::vector<PersonId> people;
    people.reserve(path.people.size());
    for (const NamedPerson& person : path.people) {
        people.push_back(person.id);
    }
    auto draft = m_session.workspace()->composeIntro(people);
    if (!draft) {
        m_summary->setText(tr("Could not draft the request: %1").arg(toQString(draft.error().describe())));
        return;
    }
    IntroDraftDialog::Names names{.introducer = personName(path.people[1].name),
                                  .target = personName(path.people.back().name),
                                  .next = personName(path.people[2].name)};
    auto* dialog = new IntroDraftDialog(m_session, m_undoStack, std::move(*draft), std::move(names), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

}  // namespace warmpath::ui
