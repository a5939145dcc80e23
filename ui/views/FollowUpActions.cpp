#include "views/FollowUpActions.h"

#include <initializer_list>
#include <optional>
#include <utility>

#include <QAbstractItemView>
#include <QCalendarWidget>
#include <QDialog>
#include <QDialogButtonBox>
#include <QItemSelectionModel>
#include <QMenu>
#include <QUndoStack>
#include <QVBoxLayout>

#include "Session.h"
#include "commands/FollowUpCommand.h"
#include "widgets/EditGate.h"

namespace warmpath::ui {

namespace {

constexpr int kWeek = 7;
constexpr int kMonth = 30;

}  // namespace

FollowUpActions::FollowUpActions(Session& session, QUndoStack& undoStack, SelectedTarget selected, QWidget* parent)
    : QObject(parent),
      m_session(session),
      m_undoStack(undoStack),
      m_selected(std::move(selected)),
      m_parent(parent),
      m_planMenu(new QMenu(tr("Follow up"), parent)),
      m_snoozeMenu(new QMenu(tr("Snooze"), parent)),
      m_edits(new EditGate(session, this))
{
    m_planMenu->setObjectName(QStringLiteral("followUpPlanMenu"));
    for (const auto& [days, label] : std::initializer_list<std::pair<int, QString>>{
             {3, tr("In 3 days")}, {kWeek, tr("In a week")}, {14, tr("In 2 weeks")}, {kMonth, tr("In a month")}}) {
        m_planMenu->addAction(label, this, [this, days = days] { plan(QDate::currentDate().addDays(days)); });
    }
    m_planMenu->addSeparator();
    m_planMenu->addAction(tr("On a date\u2026"), this, &FollowUpActions::pickDate);

    m_snoozeMenu->setObjectName(QStringLiteral("followUpSnoozeMenu"));
    m_snoozeMenu->addAction(tr("For a week"), this, [this] { snooze(kWeek); });
    m_snoozeMenu->addAction(tr("For a month"), this, [this] { snooze(kMonth); });
    m_edits->add(m_planMenu->menuAction());
    m_edits->add(m_snoozeMenu->menuAction());
}

FollowUpActions::~FollowUpActions() = default;

void FollowUpActions::attachContextMenu(QAbstractItemView* view, int parts, const std::function<void(QMenu&)>& extra)
{
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this, [this, view, parts, extra](const QPoint& at) {
        const QModelIndex index = view->indexAt(at);
        if (!index.isValid()) {
            return;
        }
        // The menu acts on the row it was opened on.
        view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        if (!m_selected().person.valid()) {
            return;
        }
        QMenu menu(view);
        if (extra) {
            extra(menu);
            menu.addSeparator();
        }
        if ((parts & Plan) != 0) {
            menu.addMenu(m_planMenu);
        }
        if ((parts & Snooze) != 0) {
            menu.addMenu(m_snoozeMenu);
        }
        if ((parts & MarkContacted) != 0) {
            menu.addAction(tr("Mark contacted"), this, &FollowUpActions::markContacted)
                ->setEnabled(m_session.canEdit());
        }
        menu.exec(view->viewport()->mapToGlobal(at));
    });
}

void FollowUpActions::plan(QDate due)
{
    const Target target = m_selected();
    if (!target.person.valid() || !m_session.hasWorkspace() || !due.isValid()) {
        return;
    }
    m_session.edit(
        m_undoStack,
        new FollowUpCommand(
            m_session, target.person, target.name,
            {.kind = FollowUpCommand::Edit::Kind::Schedule, .due = due, .cadenceDays = std::nullopt, .snoozeDays = 0}));
}

void FollowUpActions::snooze(int days)
{
    const Target target = m_selected();
    if (!target.person.valid() || !m_session.hasWorkspace()) {
        return;
    }
    // The command reloads the people, which refreshes the lists' follow-up columns and the queue.
    m_session.edit(
        m_undoStack,
        new FollowUpCommand(
            m_session, target.person, target.name,
            {.kind = FollowUpCommand::Edit::Kind::Snooze, .due = {}, .cadenceDays = std::nullopt, .snoozeDays = days}));
}

void FollowUpActions::markContacted()
{
    const Target target = m_selected();
    if (!target.person.valid() || !m_session.hasWorkspace()) {
        return;
    }
    m_session.edit(m_undoStack, new FollowUpCommand(m_session, target.person, target.name,
                                                    {.kind = FollowUpCommand::Edit::Kind::MarkContacted,
                                                     .due = {},
                                                     .cadenceDays = std::nullopt,
                                                     .snoozeDays = 0}));
}

void FollowUpActions::pickDate()
{
    // A small popup with a calendar: pick a day, or Escape to leave it.
    QDialog dialog(m_parent);
    dialog.setWindowTitle(tr("Follow up"));
    auto* calendar = new QCalendarWidget(&dialog);
    calendar->setMinimumDate(QDate::currentDate());
    calendar->setSelectedDate(QDate::currentDate().addDays(kWeek));
    calendar->setGridVisible(false);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(calendar, &QCalendarWidget::activated, &dialog, &QDialog::accept);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(calendar);
    layout->addWidget(buttons);
    if (dialog.exec() == QDialog::Accepted) {
        plan(calendar->selectedDate());
    }
}

}  // namespace warmpath::ui
