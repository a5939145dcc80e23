#include "views/FollowUpsView.h"

#include <memory>
#include <utility>

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

#include "Format.h"
#include "Session.h"
#include "Workspace.h"
#include "commands/IntroCommand.h"
#include "models/FollowUpsModel.h"
#include "models/IntroRequestsModel.h"
#include "views/FollowUpActions.h"
#include "views/TableSelection.h"
#include "widgets/EditGate.h"
#include "widgets/FlowLayout.h"

namespace warmpath::ui {

namespace {

struct Queue {
    std::vector<FollowUpItem> items;
    std::vector<IntroRequestRow> intros;
    QString error;
};

/// A table as the view's two tables look: whole rows, no grid, sortable, left-aligned headers.
void setUpTable(QTableView* table, int rowHeight)
{
    table->setSortingEnabled(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setShowGrid(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(rowHeight);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}

}  // namespace

FollowUpsView::FollowUpsView(Session& session, QUndoStack& undoStack, QWidget* parent)
    : QWidget(parent),
      m_session(session),
      m_undoStack(undoStack),
      m_summary(new QLabel(this)),
      m_table(new QTableView(this)),
      m_snooze(new QPushButton(this)),
      m_contacted(new QPushButton(tr("Mark contacted"), this)),
      m_export(new QPushButton(tr("Export .ics\u2026"), this)),
      m_model(new FollowUpsModel(this)),
      m_proxy(new QSortFilterProxyModel(this)),
      m_introsTitle(new QLabel(tr("Introduction requests"), this)),
      m_intros(new QTableView(this)),
      m_introStatus(new QPushButton(this)),
      m_deleteIntro(new QPushButton(tr("Delete"), this)),
      m_introsModel(new IntroRequestsModel(this)),
      m_introsProxy(new QSortFilterProxyModel(this)),
      m_followUpActions(new FollowUpActions(
          session, undoStack,
          [this] {
              return FollowUpActions::Target{selectedPerson(), selectedName()};
          },
          this)),
      m_edits(new EditGate(session, this))
{
    setObjectName(QStringLiteral("followUpsView"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(FollowUpsModel::RawValueRole);
    m_table->setObjectName(QStringLiteral("followUpsTable"));
    m_table->setModel(m_proxy);
    setUpTable(m_table, fontMetrics().height() + 12);
    m_table->sortByColumn(FollowUpsModel::When, Qt::DescendingOrder);
    // Room for what the columns hold, no more: on a small screen the cadence stays in view.
    const auto fit = [this](const QString& sample) { return fontMetrics().horizontalAdvance(sample) + 28; };
    m_table->horizontalHeader()->resizeSection(FollowUpsModel::When, fit(tr("This week")));
    m_table->horizontalHeader()->resizeSection(FollowUpsModel::Name, fit(QStringLiteral("Maximilian Zimmermann")));
    m_table->horizontalHeader()->resizeSection(FollowUpsModel::Due,
                                               fit(QStringLiteral("overdue 13 days \u00b7 Wed 30 Dec 2026")));
    setMutedText(m_summary);

    const auto updateButtons = [this] {
        const bool one = selectedPerson().valid();
        m_edits->setEnabled(m_snooze, one);
        m_edits->setEnabled(m_contacted, one);
    };
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this, updateButtons] {
        updateButtons();
        if (const PersonId person = selectedPerson(); person.valid()) {
            m_wanted = person;
            if (!m_selectingQuietly) {
                emit personSelected(person);
            }
        }
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, updateButtons);
    updateButtons();
    m_snooze->setObjectName(QStringLiteral("snoozeButton"));
    m_snooze->setText(tr("Snooze"));
    m_snooze->setMenu(m_followUpActions->snoozeMenu());
    m_contacted->setObjectName(QStringLiteral("markContactedButton"));
    m_export->setObjectName(QStringLiteral("exportIcsButton"));
    connect(m_contacted, &QPushButton::clicked, this, &FollowUpsView::markSelectedContacted);
    m_followUpActions->attachContextMenu(m_table, FollowUpActions::Snooze | FollowUpActions::MarkContacted |
                                                      FollowUpActions::Plan);
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export follow-ups"),
                                         QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                             .filePath(QStringLiteral("follow-ups.ics")),
                                         tr("iCalendar files (*.ics)"));
        if (!path.isEmpty()) {
            exportIcs(path);
        }
    });

    // Flowing: on a narrow window the buttons wrap under the summary instead of cutting it short.
    auto* toolbar = new FlowLayout(nullptr, 8, 6);
    toolbar->addWidget(m_summary);
    toolbar->addWidget(m_snooze);
    toolbar->addWidget(m_contacted);
    toolbar->addWidget(m_export);

    // Introduction requests: whom to, via whom, and where each stands.
    m_introsProxy->setSourceModel(m_introsModel);
    m_introsProxy->setSortRole(IntroRequestsModel::RawValueRole);
    m_intros->setObjectName(QStringLiteral("introsTable"));
    m_intros->setModel(m_introsProxy);
    setUpTable(m_intros, fontMetrics().height() + 12);
    m_intros->sortByColumn(IntroRequestsModel::Updated, Qt::DescendingOrder);
    m_intros->horizontalHeader()->resizeSection(IntroRequestsModel::Target, 220);
    m_intros->horizontalHeader()->resizeSection(IntroRequestsModel::Introducer, 220);
    m_intros->horizontalHeader()->resizeSection(IntroRequestsModel::Status, 120);
    QFont titleFont = m_introsTitle->font();
    titleFont.setWeight(QFont::DemiBold);
    m_introsTitle->setFont(titleFont);
    m_introStatus->setObjectName(QStringLiteral("introStatusButton"));
    m_introStatus->setText(tr("Set status"));
    auto* statusMenu = new QMenu(m_introStatus);
    for (const IntroStatus status :
         {IntroStatus::Draft, IntroStatus::Asked, IntroStatus::Introduced, IntroStatus::Declined}) {
        statusMenu->addAction(IntroCommand::statusName(status), this,
                              [this, status] { setSelectedIntroStatus(status); });
    }
    m_introStatus->setMenu(statusMenu);
    m_deleteIntro->setObjectName(QStringLiteral("deleteIntroButton"));
    m_deleteIntro->setToolTip(tr("Delete the selected request (Edit \u25b8 Undo brings it back)"));
    connect(m_deleteIntro, &QPushButton::clicked, this, &FollowUpsView::deleteSelectedIntro);
    auto* deleteIntro = new QAction(tr("Delete request"), m_intros);
    deleteIntro->setShortcut(QKeySequence::Delete);
    deleteIntro->setShortcutContext(Qt::WidgetShortcut);
    connect(deleteIntro, &QAction::triggered, this, &FollowUpsView::deleteSelectedIntro);
    m_intros->addAction(deleteIntro);
    m_edits->add(deleteIntro);
    m_edits->add(statusMenu->menuAction());
    m_intros->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_intros, &QWidget::customContextMenuRequested, this, [this, statusMenu, deleteIntro](const QPoint& at) {
        if (!m_intros->indexAt(at).isValid()) {
            return;
        }
        m_intros->selectRow(m_intros->indexAt(at).row());
        QMenu menu(m_intros);
        menu.addMenu(statusMenu)->setText(tr("Set status"));
        menu.addAction(deleteIntro);
        menu.exec(m_intros->viewport()->mapToGlobal(at));
    });
    const auto updateIntroButton = [this] {
        const bool selected = m_intros->selectionModel()->hasSelection();
        m_edits->setEnabled(m_introStatus, selected);
        m_edits->setEnabled(m_deleteIntro, selected);
        m_deleteIntro->setVisible(m_introsModel->rowCount() > 0);
    };
    connect(m_intros->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this, updateIntroButton] {
        updateIntroButton();
        const QModelIndexList rows = m_intros->selectionModel()->selectedRows();
        if (!rows.isEmpty()) {
            emit personSelected(PersonId(rows.first().data(IntroRequestsModel::TargetIdRole).toLongLong()));
        }
    });
    connect(m_introsModel, &QAbstractItemModel::modelReset, this, updateIntroButton);
    updateIntroButton();
    auto* introsBar = new QHBoxLayout;
    introsBar->addWidget(m_introsTitle, 1);
    introsBar->addWidget(m_introStatus);
    introsBar->addWidget(m_deleteIntro);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 10, 12);
    layout->setSpacing(10);
    layout->addLayout(toolbar);
    layout->addWidget(m_table, 3);
    layout->addSpacing(6);
    layout->addLayout(introsBar);
    layout->addWidget(m_intros, 1);

    connect(&m_session, &Session::peopleChanged, this, &FollowUpsView::refresh);
    if (m_session.hasWorkspace()) {
        refresh();
    }
}

FollowUpsView::~FollowUpsView() = default;

void FollowUpsView::refresh()
{
    if (!m_session.hasWorkspace()) {
        return;
    }
    m_busy = true;
    std::shared_ptr<Workspace> workspace = m_session.sharedWorkspace();
    auto work = [workspace] {
        Queue queue;
        auto items = workspace->followUpQueue(today());
        if (items) {
            queue.items = std::move(items).value();
        } else {
            queue.error = toQString(items.error().describe());
        }
        if (auto intros = workspace->introRequests()) {
            const auto nameOf = [&workspace](PersonId person) {
                auto found = workspace->person(person);
                return found ? found->displayName : std::string();
            };
            for (IntroRequest& intro : *intros) {
                IntroRequestRow row{.intro = std::move(intro), .targetName = {}, .introducerName = {}};
                row.targetName = nameOf(row.intro.target);
                row.introducerName = row.intro.introducer ? nameOf(*row.intro.introducer) : std::string();
                queue.intros.push_back(std::move(row));
            }
        }
        return queue;
    };
    m_background.run(std::move(work), [this](Result<Queue> answer) {
        m_busy = false;
        Queue queue;
        if (answer) {
            queue = std::move(answer).value();
        } else {
            queue.error = toQString(answer.error().describe());
        }
        if (!queue.error.isEmpty()) {
            m_summary->setText(queue.error);
            m_model->setItems({});
        } else {
            int overdue = 0;
            int week = 0;
            for (const FollowUpItem& item : queue.items) {
                const auto urgency = FollowUpsModel::urgencyOf(item);
                overdue += urgency == FollowUpsModel::Urgency::Overdue ? 1 : 0;
                week += urgency == FollowUpsModel::Urgency::ThisWeek ? 1 : 0;
            }
            m_summary->setText(
                queue.items.empty()
                    ? tr("Nothing planned. Set a follow-up in a person's details, or a cadence on a tag.")
                    : tr("%1 overdue \u00b7 %2 this week \u00b7 %3 in all")
                          .arg(overdue)
                          .arg(week)
                          .arg(queue.items.size()));
            m_model->setItems(std::move(queue.items));
            selectPerson(m_wanted);  // the same person stays selected across a refresh
        }
        m_introsTitle->setVisible(!queue.intros.empty());
        m_introStatus->setVisible(!queue.intros.empty());
        m_intros->setVisible(!queue.intros.empty());
        m_introsModel->setRows(std::move(queue.intros));
        emit refreshed();
    });
}

PersonId FollowUpsView::selectedPerson() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? PersonId() : PersonId(rows.first().data(FollowUpsModel::PersonIdRole).toLongLong());
}

QString FollowUpsView::selectedName() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows(FollowUpsModel::Name);
    return rows.isEmpty() ? QString() : rows.first().data().toString();
}

void FollowUpsView::snoozeSelected(int days)
{
    m_followUpActions->snooze(days);
}

void FollowUpsView::markSelectedContacted()
{
    m_followUpActions->markContacted();
}

bool FollowUpsView::selectPerson(PersonId person)
{
    m_wanted = person;
    const bool quietly = std::exchange(m_selectingQuietly, true);
    const bool listed = selectPersonRow(*m_table, FollowUpsModel::PersonIdRole, person);
    m_selectingQuietly = quietly;
    return listed;
}

void FollowUpsView::setSelectedIntroStatus(IntroStatus status)
{
    const QModelIndexList rows = m_intros->selectionModel()->selectedRows();
    if (rows.isEmpty() || !m_session.hasWorkspace()) {
        return;
    }
    const std::int64_t id = rows.first().data(IntroRequestsModel::IntroIdRole).toLongLong();
    for (const IntroRequestRow& row : m_introsModel->rows()) {
        if (row.intro.id == id && row.intro.status != status) {
            m_session.edit(m_undoStack,
                           new IntroCommand(m_session, id, row.intro.status, status, toQString(row.targetName)));
        }
    }
}

void FollowUpsView::deleteSelectedIntro()
{
    const QModelIndexList rows = m_intros->selectionModel()->selectedRows();
    if (rows.isEmpty() || !m_session.hasWorkspace()) {
        return;
    }
    const std::int64_t id = rows.first().data(IntroRequestsModel::IntroIdRole).toLongLong();
    for (const IntroRequestRow& row : m_introsModel->rows()) {
        if (row.intro.id == id) {
            m_session.edit(m_undoStack, new DeleteIntroCommand(m_session, id, personName(row.targetName)));
            return;
        }
    }
}

void FollowUpsView::exportIcs(const QString& path)
{
    std::shared_ptr<Workspace> workspace = m_session.sharedWorkspace();
    if (!workspace) {
        emit exported(tr("Nothing is open"));
        return;
    }
    // Off the UI thread: it reads the whole queue, and on the demo (one connection) a read waits for
    // whatever write holds it.
    auto work = [workspace, file = std::filesystem::path(QFile::encodeName(path).toStdString()), day = today()] {
        return workspace->exportTo(exporting::ExportFormat::ICalendar, file, day);
    };
    m_icsWriter.run(std::move(work), [this, path](Status written) {
        const QString error = written ? QString() : toQString(written.error().describe());
        m_summary->setText(error.isEmpty() ? tr("Exported to %1").arg(QDir::toNativeSeparators(path)) : error);
        emit exported(error);
    });
}

}  // namespace warmpath::ui
