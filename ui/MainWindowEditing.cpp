// MainWindow's edits of the people selected in the list: tags and notes (each one undoable step), and
// the list's context menu that offers them.

#include "MainWindow.h"

#include <cstdint>
#include <unordered_set>

#include <QAction>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QMenu>
#include <QStatusBar>
#include <QTableView>
#include <QUndoStack>

#include "Format.h"
#include "Session.h"
#include "commands/NoteCommand.h"
#include "commands/TagCommand.h"
#include "views/MapView.h"
#include "views/PathFinderView.h"
#include "views/PeopleView.h"

namespace warmpath::ui {

void MainWindow::attachPeopleContextMenu()
{
    QTableView* table = peopleTable();
    table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(table, &QWidget::customContextMenuRequested, this, [this, table](const QPoint& at) {
        const QModelIndex index = table->indexAt(at);
        if (!index.isValid()) {
            return;
        }
        // A right-click outside the selection acts on that row, as in a file manager.
        if (!table->selectionModel()->isRowSelected(index.row(), index.parent())) {
            table->selectionModel()->setCurrentIndex(index,
                                                     QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        }
        const QList<PersonId> people = m_peopleView->selectedPeople();
        QMenu menu(table);
        if (people.size() == 1) {
            const PersonId person = people.first();
            menu.addAction(tr("Find warm paths"), this, [this, person] {
                showView(View::Paths);
                m_pathFinder->findPathsTo(person);
            });
            menu.addAction(tr("Show their network on the map"), this, [this, person] {
                showView(View::Map);
                m_mapView->setCentre(person);
            });
            menu.addSeparator();
        }
        menu.addAction(m_tagAction);
        menu.addAction(m_untagAction);
        if (people.size() == 1) {
            menu.addAction(m_noteAction);
        }
        menu.exec(table->viewport()->mapToGlobal(at));
    });
}

void MainWindow::tagSelection()
{
    tagPeople(m_peopleView->selectedPeople());
}

void MainWindow::tagPeople(const QList<PersonId>& people)
{
    if (people.isEmpty() || !m_session.hasWorkspace()) {
        statusBar()->showMessage(tr("Select people in the list to tag them"), 4000);
        return;
    }
    // Every tag already in use is offered (typing a new one is fine): "Mentors" and "mentors" stay one tag.
    QStringList known;
    for (const PersonSummary& row : m_session.people()) {
        for (const std::string& name : row.tags) {
            known.append(toQString(name));
        }
    }
    known.sort(Qt::CaseInsensitive);
    known.removeDuplicates();
    known.prepend(QString());
    bool ok = false;
    const QString tag =
        QInputDialog::getItem(this, tr("Tag people"),
                              tr("Tag for %1:").arg(formatCount(people.size(), tr("person"), tr("people"))), known, 0,
                              true, &ok)
            .trimmed();
    if (ok && !tag.isEmpty()) {
        m_session.edit(*m_undoStack,
                       new TagCommand(m_session, {people.begin(), people.end()}, {tag}, TagCommand::Action::Add));
    }
}

void MainWindow::addNoteToSelection()
{
    const QList<PersonId> people = m_peopleView->selectedPeople();
    if (people.size() != 1 || !m_session.hasWorkspace()) {
        statusBar()->showMessage(tr("Select one person to write a note about"), 4000);
        return;
    }
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(this, tr("Add note"), tr("Note:"), {}, &ok).trimmed();
    if (ok && !text.isEmpty()) {
        m_session.edit(*m_undoStack, new NoteCommand(m_session, people.first(), text));
    }
}

void MainWindow::untagSelection()
{
    const QList<PersonId> people = m_peopleView->selectedPeople();
    if (people.isEmpty() || !m_session.hasWorkspace()) {
        return;
    }
    // From the list as loaded: one pass, however many people are selected.
    std::unordered_set<std::int64_t> selected;
    for (const PersonId person : people) {
        selected.insert(person.value());
    }
    QStringList tags;
    for (const PersonSummary& row : m_session.people()) {
        if (selected.contains(row.person.id.value())) {
            for (const std::string& tag : row.tags) {
                tags.append(toQString(tag));
            }
        }
    }
    tags.removeDuplicates();
    if (tags.isEmpty()) {
        statusBar()->showMessage(tr("The selected people have no tags"), 4000);
        return;
    }
    tags.sort(Qt::CaseInsensitive);
    bool ok = false;
    const QString tag = QInputDialog::getItem(this, tr("Remove tag"), tr("Tag to remove:"), tags, 0, false, &ok);
    if (ok && !tag.isEmpty()) {
        m_session.edit(*m_undoStack,
                       new TagCommand(m_session, {people.begin(), people.end()}, {tag}, TagCommand::Action::Remove));
    }
}

}  // namespace warmpath::ui
