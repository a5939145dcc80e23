#include "views/PathFinderView.h"

#include <algorithm>
#include <memory>
#include <utility>

#include <QApplication>
#include <QClipboard>
#include <QCompleter>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
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
#include "views/MapView.h"

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

PathFinderView::PathFinderView(Session& session, QWidget* parent)
    : QWidget(parent),
      m_session(session),
      m_targetField(new QLineEdit(this)),
      m_k(new QSpinBox(this)),
      m_findButton(new QPushButton(tr("Find paths"), this)),
      m_summary(new QLabel(this)),
      m_avoiding(new QLabel(this)),
      m_clearAvoid(new QPushButton(tr("Clear"), this)),
      m_avoidButton(new QPushButton(tr("Avoid this person"), this)),
      m_draftButton(new QPushButton(tr("Draft introduction request\u2026"), this)),
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
    connect(completer, qOverload<const QString&>(&QCompleter::activated), this, &PathFinderView::searchTyped);
    connect(m_findButton, &QPushButton::clicked, this, &PathFinderView::searchTyped);

    m_k->setRange(1, 10);
    m_k->setValue(3);
    m_k->setPrefix(tr("up to "));
    m_k->setSuffix(tr(" paths"));
    connect(m_k, &QSpinBox::valueChanged, this, &PathFinderView::search);

    m_summary->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("pathSummary"));
    m_summary->setText(tr("Type a name to see how warm introductions could reach them."));
    setTextColour(m_avoiding, mutedTextColor(palette()));
    m_avoiding->setWordWrap(true);
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
    m_draftButton->setEnabled(false);
    m_draftButton->setDefault(true);
    connect(m_draftButton, &QPushButton::clicked, this, &PathFinderView::draftIntro);

    auto* panel = new QWidget(this);
    auto* search = new QHBoxLayout;
    search->addWidget(m_targetField, 1);
    search->addWidget(m_k);
    search->addWidget(m_findButton);
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
    m_target = PersonId();
    m_avoid.clear();
    m_paths->setAnswer({});
    m_hops->setPath({});
}

void PathFinderView::searchTyped()
{
    if (!m_session.hasWorkspace()) {
        return;
    }
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
    auto resolved = m_session.workspace()->resolve(text.toStdString());
    if (!resolved) {
        m_summary->setText(tr("No one called \u201c%1\u201d.").arg(text.toHtmlEscaped()));
        return;
    }
    findPathsTo(*resolved);
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
    auto me = m_session.workspace()->me();
    if (!me) {
        m_summary->setText(tr("This database has no \u201cme\u201d to start from."));
        return;
    }
    m_busy = true;
    m_summary->setText(tr("Looking for paths\u2026"));
    const WarmPathRequest request{.from = *me, .to = m_target, .k = m_k->value(), .avoid = m_avoid};
    std::shared_ptr<Workspace> workspace = m_session.sharedWorkspace();
    auto work = [workspace, request] { return workspace->warmPaths(request); };
    m_background.run(std::move(work), [this](Result<WarmPathsAnswer> result) {
        m_busy = false;
        QStringList avoided;
        for (PersonId id : m_avoid) {
            avoided.append(
                toQString(m_session.workspace()->named(id) ? m_session.workspace()->named(id)->name : std::string()));
        }
        m_avoiding->setText(avoided.isEmpty() ? QString() : tr("Avoiding %1").arg(avoided.join(QStringLiteral(", "))));
        m_clearAvoid->setVisible(!avoided.isEmpty());
        if (!result) {
            m_summary->setText(QString::fromStdString(result.error().describe()));
            m_paths->setAnswer({});
            m_hops->setPath({});
            m_draftButton->setEnabled(false);
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
            m_draftButton->setEnabled(false);
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
    m_draftButton->setEnabled(path.hops >= 2);
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
    const PersonId via = path.people[1].id;
    auto intro = m_session.workspace()->draftIntro(m_target, via);
    if (!intro) {
        m_summary->setText(tr("Could not draft the request: %1").arg(toQString(intro.error().describe())));
        return;
    }
    auto* dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("introDraftDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Introduction request to %1").arg(personName(path.people[1].name)));
    auto* text = new QPlainTextEdit(toQString(intro->message), dialog);
    text->setObjectName(QStringLiteral("introMessage"));
    auto* note = new QLabel(tr("Saved as a draft request: it appears in %1's details and in your follow-ups. Edit "
                               "the message, copy it, and send it the way you usually talk to them.")
                                .arg(personName(path.people.back().name)),
                            dialog);
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QPushButton* copy = buttons->addButton(tr("Copy message"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, text, [text] { QApplication::clipboard()->setText(text->toPlainText()); });
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(text, 1);
    layout->addWidget(note);
    layout->addWidget(buttons);
    dialog->resize(520, 340);
    dialog->open();
    m_session.reloadPeople();
}

}  // namespace warmpath::ui
