// MainWindow's Person menu: what can be done with the person the details panel shows, whichever view
// chose them (paths, the map, follow-ups, an introduction), and the views' own buttons as menu entries
// with shortcuts, so that every command is in a menu.

#include "MainWindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>

#include "Format.h"
#include "Session.h"
#include "panels/DetailsPanel.h"
#include "views/FollowUpActions.h"
#include "views/FollowUpsView.h"
#include "views/MapView.h"
#include "views/PathFinderView.h"
#include "views/SuggestionsView.h"
#include "widgets/ButtonAction.h"
#include "widgets/EditGate.h"

namespace warmpath::ui {

namespace {

template <typename Button = QAbstractButton>
Button* button(const QWidget* view, const char* name)
{
    auto* found = view->findChild<Button*>(QString::fromLatin1(name));
    if (found == nullptr) {
        // A renamed button is a programming error that every test constructing the window catches;
        // in a release build it must stop with its name rather than dereference null later.
        qFatal("MainWindow: %s has no button named %s", view->metaObject()->className(), name);
    }
    return found;
}

}  // namespace

PersonId MainWindow::currentPerson() const
{
    return m_details->person();
}

void MainWindow::createPersonMenu()
{
    QMenu* person = menuBar()->addMenu(tr("&Person"));
    person->setObjectName(QStringLiteral("personMenu"));

    m_findPathsAction = person->addAction(tr("Find &warm paths"), this, [this] {
        const PersonId current = currentPerson();
        showView(View::Paths);
        m_pathFinder->findPathsTo(current);
    });
    m_findPathsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_findPathsAction->setStatusTip(tr("The warmest ways to be introduced to this person"));
    m_showOnMapAction = person->addAction(tr("Show on the &map"), this, [this] {
        const PersonId current = currentPerson();
        showView(View::Map);
        m_mapView->setCentre(current);
    });
    m_showOnMapAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_showOnMapAction->setStatusTip(tr("Their network on the map, centred on them"));

    person->addSeparator();
    m_personFollowUps = new FollowUpActions(
        m_session, *m_undoStack,
        [this] {
            FollowUpActions::Target target{currentPerson(), {}};
            for (const PersonSummary& row : m_session.people()) {
                if (row.person.id == target.person) {
                    target.name = personName(row.person.displayName);
                }
            }
            return target;
        },
        this);
    m_planMenuAction = person->addMenu(m_personFollowUps->planMenu());
    m_planMenuAction->setText(tr("&Plan a follow-up"));
    m_snoozeMenuAction = person->addMenu(m_personFollowUps->snoozeMenu());
    m_snoozeMenuAction->setText(tr("S&nooze the follow-up"));
    m_contactedAction = person->addAction(tr("Mark &contacted"), m_personFollowUps, &FollowUpActions::markContacted);
    m_contactedAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    m_contactedAction->setStatusTip(tr("Record that you were in touch today"));
    // The details panel's buttons act on the person it shows, as these entries do.
    setMenuActionOf(button(m_details, "contactedButton"), m_contactedAction);
    setMenuActionOf(button(m_details, "snoozeButton"), m_snoozeMenuAction);
    QAction* clearDue = menuActionFor(button(m_details, "clearDue"), tr("C&lear the planned date"), this);
    person->addAction(clearDue);

    // The path finder's buttons: they act on the path chosen there.
    person->addSeparator();
    QAction* draft =
        menuActionFor(button(m_pathFinder, "draftIntroButton"), tr("&Draft introduction request\u2026"), this);
    draft->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    person->addAction(draft);
    person->addAction(menuActionFor(button(m_pathFinder, "avoidButton"), tr("&Avoid on the paths"), this));
    person->addAction(menuActionFor(button(m_pathFinder, "clearAvoidButton"), tr("Stop a&voiding"), this));
    setMenuActionOf(button(m_pathFinder, "findPathsButton"), m_findPathsAction);

    // The suggestions' and the follow-ups' buttons.
    person->addSeparator();
    QAction* dismiss = menuActionFor(button(m_suggestions, "dismissButton"), tr("D&ismiss suggestion"), this);
    person->addAction(dismiss);
    setMenuActionOf(button(m_suggestions, "suggestionFindPath"), m_findPathsAction);
    setMenuActionOf(button(m_suggestions, "suggestionTag"), m_tagAction);
    setMenuActionOf(button(m_suggestions, "followUpButton"), m_planMenuAction);
    setMenuActionOf(button(m_followUps, "snoozeButton"), m_snoozeMenuAction);
    setMenuActionOf(button(m_followUps, "markContactedButton"), m_contactedAction);
    setMenuActionOf(button(m_followUps, "exportIcsButton"), m_exportActions.last());
    auto* statusButton = button<QPushButton>(m_followUps, "introStatusButton");
    QAction* status = person->addMenu(statusButton->menu());
    status->setText(tr("Introduction request &status"));
    setMenuActionOf(statusButton, status);
    QAction* deleteIntro =
        menuActionFor(button(m_followUps, "deleteIntroButton"), tr("D&elete introduction request"), this);
    person->addAction(deleteIntro);

    for (QAction* edit :
         {m_planMenuAction, m_snoozeMenuAction, m_contactedAction, clearDue, draft, dismiss, status, deleteIntro}) {
        m_edits->add(edit);
    }
    updatePersonActions();
}

void MainWindow::addMapMenuActions(QMenu* view)
{
    QMenu* map = view->addMenu(tr("Ma&p"));
    QAction* home = menuActionFor(button(m_mapView, "mapCentreOnMe"), tr("&Centre on me"), this);
    home->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    map->addAction(home);
    QAction* fit = menuActionFor(button(m_mapView, "mapFit"), tr("&Fit the whole map"), this);
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    map->addAction(fit);
    setMenuActionOf(button(m_mapView, "mapExportButton"), m_exportMenu->menuAction());
    map->addAction(menuActionFor(button(m_mapView, "mapCancelMetrics"), tr("&Stop measuring"), this));
    // The map beside the path finder has the same buttons: the same entries, for the map shown.
    MapView* beside = m_pathFinder->mapView();
    setMenuActionOf(button(beside, "mapCentreOnMe"), home);
    setMenuActionOf(button(beside, "mapFit"), fit);
    setMenuActionOf(button(beside, "mapExportButton"), m_exportMenu->menuAction());
    map->addAction(
        menuActionFor(button(beside, "mapCancelMetrics"), tr("S&top measuring (the map beside the paths)"), this));
    connect(home, &QAction::triggered, this, [this, beside] {
        if (m_view == View::Paths) {
            beside->setCentre(PersonId());
        }
    });
    connect(fit, &QAction::triggered, this, [this, beside] {
        if (m_view == View::Paths) {
            button(beside, "mapFit")->click();
        }
    });
}

void MainWindow::updatePersonActions()
{
    const bool someone = currentPerson().valid();
    for (QAction* action :
         {m_findPathsAction, m_showOnMapAction, m_planMenuAction, m_snoozeMenuAction, m_contactedAction}) {
        action->setEnabled(someone);
    }
}

}  // namespace warmpath::ui
