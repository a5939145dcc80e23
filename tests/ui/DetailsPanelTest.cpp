#include <algorithm>
#include <optional>
#include <vector>

#include <QComboBox>
#include <QDateEdit>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QToolButton>
#include <QUndoStack>
#include <QtTest>

#include "Session.h"
#include "UiTestSupport.h"
#include "panels/DetailsPanel.h"

using namespace warmpath;
using namespace warmpath::ui;
using test::kLoadTimeoutMs;

/// The details panel over the demo network: what it shows for a person, and that every edit made in it
/// is undone exactly.
class DetailsPanelTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_session = std::make_unique<Session>();
        m_undoStack = std::make_unique<QUndoStack>();
        m_panel = std::make_unique<DetailsPanel>(*m_session, *m_undoStack);
        m_panel->resize(420, 900);
        QVERIFY(test::openDemo(*m_session));
        // Someone two hops from me with profiles: the person the panel is most useful for.
        for (const PersonSummary& row : m_session->people()) {
            if (m_session->degreeOf(row.person.id) == 2 && !row.networks.empty()) {
                m_person = row.person.id;
                break;
            }
        }
        QVERIFY(m_person.valid());
    }

    void cleanup()
    {
        m_panel.reset();
        m_undoStack.reset();
        m_session.reset();
    }

    void selectingAPersonFillsTheDetails()
    {
        Workspace& workspace = *m_session->workspace();
        QSignalSpy shown(m_panel.get(), &DetailsPanel::personShown);
        m_panel->showPerson(m_person);
        // The name at once; the page from the worker, which reads it with Workspace::details().
        QCOMPARE(m_panel->heading(), QString::fromStdString(workspace.person(m_person)->displayName));
        QVERIFY(m_panel->isBusy());
        QVERIFY(shown.wait(kLoadTimeoutMs));
        QVERIFY(!m_panel->isBusy());
        QCOMPARE(m_panel->findChildren<QLabel*>(QStringLiteral("profileLink")).size(),
                 static_cast<qsizetype>(workspace.identities(m_person)->size()));
        QCOMPARE(tagsShown(), tagsStored());
        QVERIFY(!m_panel->findChild<QLabel*>(QStringLiteral("followUp0"))->text().isEmpty());
        QCOMPARE(m_panel->findChild<QLabel*>(QStringLiteral("detailsRef"))->text(),
                 QStringLiteral("In warmpath-cli: %1").arg(QString::fromStdString(*workspace.refOf(m_person))));

        // Every hop of the paths says who, and how they are linked.
        const auto hops = m_panel->findChildren<QLabel*>(QStringLiteral("pathHop"));
        QVERIFY(hops.size() >= 2);  // a 2nd-degree person is two hops away on the warmest path
        QCOMPARE(m_panel->findChild<QLabel*>(QStringLiteral("pathStart"))->text(), QStringLiteral("You"));
        QVERIFY(hops.first()->text().contains(QStringLiteral("both ways")) ||
                hops.first()->text().contains(QStringLiteral("one way")));
        // Whoever the warmest path goes through is someone we share.
        QVERIFY(m_panel->findChild<QLabel*>(QStringLiteral("mutualContacts"))
                    ->text()
                    .contains(QStringLiteral("in common")));
    }

    void aWarmestWayInLongerThanTheShortestIsExplained()
    {
        QSignalSpy shown(m_panel.get(), &DetailsPanel::personShown);
        bool sawLonger = false;
        bool sawShortest = false;
        int shownPeople = 0;
        for (const PersonSummary& row : m_session->people()) {
            const int degree = m_session->degreeOf(row.person.id);
            if (degree < 2 || (sawLonger && sawShortest) || ++shownPeople > 200) {
                continue;
            }
            shown.clear();
            m_panel->showPerson(row.person.id);
            QVERIFY(shown.count() > 0 || shown.wait(kLoadTimeoutMs));
            const auto cards = m_panel->findChildren<QFrame*>(QStringLiteral("pathCard"));
            QVERIFY(!cards.isEmpty());
            const auto warmestHops = cards.first()->findChildren<QLabel*>(QStringLiteral("pathHop"));
            const bool longer = warmestHops.size() > degree;
            const QString status = m_panel->findChild<QLabel*>(QStringLiteral("connectionsStatus"))->text();
            QCOMPARE(status.contains(QStringLiteral("longer")), longer);
            (longer ? sawLonger : sawShortest) = true;
        }
        // The demo has both kinds of people; the test means nothing unless it met both.
        QVERIFY(sawLonger);
        QVERIFY(sawShortest);
    }

    void addingATagInThePanelThenUndoRestoresThePreviousTags()
    {
        QVERIFY(show(m_person));
        const QStringList before = tagsStored();
        auto* input = m_panel->findChild<QLineEdit*>(QStringLiteral("tagInput"));
        QVERIFY(input != nullptr);
        QTest::keyClicks(input, QStringLiteral("Conference 2026"));
        QTest::keyClick(input, Qt::Key_Return);
        QVERIFY(tagsStored().contains(QStringLiteral("Conference 2026")));
        QVERIFY(waitForChips(before.size() + 1));
        m_undoStack->undo();
        QCOMPARE(tagsStored(), before);
        QVERIFY(waitForChips(before.size()));
    }

    void removingATagWithItsButtonThenUndoGivesItBack()
    {
        Workspace& workspace = *m_session->workspace();
        QVERIFY(workspace.addTags(m_person, {"Mentors"}).ok());
        QVERIFY(show(m_person));
        const QStringList before = tagsStored();
        auto* remove = m_panel->findChild<QToolButton*>(QStringLiteral("removeTag"));
        QVERIFY(remove != nullptr);
        remove->click();
        QCOMPARE(tagsStored().size(), before.size() - 1);
        m_undoStack->undo();
        QCOMPARE(tagsStored(), before);
    }

    void addingAndEditingANoteThenUndoRestoresEachStep()
    {
        Workspace& workspace = *m_session->workspace();
        QVERIFY(show(m_person));
        const auto before = *workspace.notes(m_person);
        auto* editor = m_panel->findChild<QPlainTextEdit*>(QStringLiteral("noteEditor"));
        auto* save = m_panel->findChild<QPushButton*>(QStringLiteral("noteSave"));
        editor->setPlainText(QStringLiteral("Met at the Lisbon meetup"));
        save->click();
        auto notes = *workspace.notes(m_person);
        QCOMPARE(notes.size(), before.size() + 1);
        QCOMPARE(notes.back().text, std::string("Met at the Lisbon meetup"));
        QVERIFY(editor->toPlainText().isEmpty());
        // Its card (with the Edit link that calls editNote) comes with the page read after the edit.
        QVERIFY(QTest::qWaitFor([&] { return notesShown().contains(QStringLiteral("Met at the Lisbon meetup")); },
                                kLoadTimeoutMs));

        m_panel->editNote(notes.back().id, QStringLiteral("Met at the Lisbon meetup; wants a climate intro"));
        QCOMPARE(workspace.notes(m_person)->back().text,
                 std::string("Met at the Lisbon meetup; wants a climate intro"));
        m_undoStack->undo();
        QCOMPARE(workspace.notes(m_person)->back().text, std::string("Met at the Lisbon meetup"));
        m_undoStack->undo();
        QCOMPARE(*workspace.notes(m_person), before);
    }

    void followUpEditsThenUndoPutBackTheStoredFollowUp()
    {
        Workspace& workspace = *m_session->workspace();
        QVERIFY(show(m_person));
        std::vector<std::optional<FollowUpRecord>> states{*workspace.followUp(m_person)};
        const QDate due = QDate::currentDate().addDays(10);
        m_panel->scheduleFollowUp(due);
        states.push_back(*workspace.followUp(m_person));
        QCOMPARE(states.back()->dueDate, due.toString(Qt::ISODate).toStdString());
        m_panel->setOwnCadence(21);
        states.push_back(*workspace.followUp(m_person));
        QCOMPARE(states.back()->cadenceDays, std::optional<int>(21));
        m_panel->snooze(30);
        states.push_back(*workspace.followUp(m_person));
        QCOMPARE(states.back()->snoozedUntil, formatDate(addDays(today(), 30)));
        m_panel->markContacted();
        QCOMPARE(workspace.followUp(m_person)->value().lastContacted, formatDate(today()));
        QCOMPARE(workspace.followUp(m_person)->value().dueDate, formatDate(addDays(today(), 21)));
        QCOMPARE(m_undoStack->count(), 4);

        // Each undo gives back exactly what the step before left.
        while (!states.empty()) {
            m_undoStack->undo();
            QCOMPARE(*workspace.followUp(m_person), states.back());
            states.pop_back();
        }
    }

    void theDueDateEditorSchedulesWhenADateIsPicked()
    {
        Workspace& workspace = *m_session->workspace();
        QVERIFY(show(m_person));
        auto* dueEdit = m_panel->findChild<QDateEdit*>(QStringLiteral("dueEdit"));
        QVERIFY(dueEdit != nullptr);
        const QDate due = QDate::currentDate().addDays(40);
        dueEdit->setDate(due);  // as the calendar popup does: the editor does not have focus
        QCOMPARE(workspace.followUp(m_person)->value().dueDate, due.toString(Qt::ISODate).toStdString());
        QCOMPARE(m_undoStack->count(), 1);
    }

    void anInheritedCadenceNamesItsTag()
    {
        Workspace& workspace = *m_session->workspace();
        QVERIFY(workspace.setTagCadence("Panel mentors", 90).ok());
        QVERIFY(workspace.addTags(m_person, {"Panel mentors"}).ok());
        QVERIFY(workspace.replaceFollowUp(m_person, std::nullopt).ok());
        QVERIFY(show(m_person));
        QCOMPARE(m_panel->findChild<QLabel*>(QStringLiteral("followUp1"))->text(),
                 QStringLiteral("every 90 days, from tag Panel mentors"));
    }

    void anIntroStatusChangedInThePanelIsUndoable()
    {
        Workspace& workspace = *m_session->workspace();
        const auto intro = workspace.draftIntro(m_person, std::nullopt);
        QVERIFY2(intro.ok(), intro.ok() ? "" : intro.error().describe().c_str());
        QVERIFY(show(m_person));
        auto* status = m_panel->findChild<QComboBox*>(QStringLiteral("introStatus"));
        QVERIFY(status != nullptr);
        QCOMPARE(status->currentText(), QStringLiteral("Draft"));
        m_panel->setIntroStatus(intro->id, IntroStatus::Asked);
        QVERIFY(statusOf(intro->id) == IntroStatus::Asked);
        m_undoStack->undo();
        QVERIFY(statusOf(intro->id) == IntroStatus::Draft);
    }

    void undoingIntroducedRemovesTheKnowsLinksItCreated()
    {
        Workspace& workspace = *m_session->workspace();
        const auto intro = workspace.draftIntro(m_person, std::nullopt);
        QVERIFY(intro.ok());
        const std::int64_t linksBefore = workspace.stats()->links;
        QVERIFY(show(m_person));
        m_panel->setIntroStatus(intro->id, IntroStatus::Introduced);
        QCOMPARE(workspace.stats()->links, linksBefore + 2);  // knows, both ways: m_person was two hops away
        m_undoStack->undo();
        QVERIFY(statusOf(intro->id) == IntroStatus::Draft);
        QCOMPARE(workspace.stats()->links, linksBefore);
        m_undoStack->redo();
        QCOMPARE(workspace.stats()->links, linksBefore + 2);
    }

    void withNobodySelectedOnlyTheEmptyStateShows()
    {
        // A panel that has shown nobody yet, as the window opens with it.
        DetailsPanel panel(*m_session, *m_undoStack);
        panel.resize(420, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto* placeholder = panel.findChild<QWidget*>(QStringLiteral("detailsPlaceholder"));
        QVERIFY(placeholder != nullptr);
        QVERIFY(placeholder->isVisible());
        for (QWidget* widget : panel.findChildren<QWidget*>()) {
            const bool part =
                widget == placeholder || placeholder->isAncestorOf(widget) || widget->isAncestorOf(placeholder);
            QVERIFY2(
                part || !widget->isVisible(),
                qPrintable(QStringLiteral("%1 (%2) shows beside the empty state")
                               .arg(widget->objectName(), QString::fromLatin1(widget->metaObject()->className()))));
        }
        QVERIFY(!panel.findChild<QLineEdit*>(QStringLiteral("tagInput"))->isVisible());
    }

    void theDueDateFieldIsEmptyWithNothingPlannedAndSettingAndClearingAreUndoable()
    {
        Workspace& workspace = *m_session->workspace();
        // Nothing planned: no follow-up of their own and no tag that gives them a cadence.
        QVERIFY(workspace.removeTags(m_person, *workspace.tagsOf(m_person)).ok());
        QVERIFY(workspace.replaceFollowUp(m_person, std::nullopt).ok());
        QVERIFY(show(m_person));
        auto* dueEdit = m_panel->findChild<QDateEdit*>(QStringLiteral("dueEdit"));
        auto* clear = m_panel->findChild<QToolButton*>(QStringLiteral("clearDue"));
        QVERIFY(dueEdit != nullptr && clear != nullptr);
        QCOMPARE(dueEdit->text(), QStringLiteral("Not planned"));
        QVERIFY(!dueEdit->text().contains(QRegularExpression(QStringLiteral("\\d"))));
        QVERIFY(!clear->isEnabled());

        const QDate due = QDate::currentDate().addDays(12);
        dueEdit->setDate(due);  // as the calendar popup does
        QCOMPARE(workspace.followUp(m_person)->value().dueDate, due.toString(Qt::ISODate).toStdString());
        QVERIFY(QTest::qWaitFor([&] { return clear->isEnabled(); }, kLoadTimeoutMs));
        QCOMPARE(dueEdit->date(), due);

        clear->click();
        QVERIFY(workspace.followUp(m_person)->value().dueDate.empty());
        QVERIFY(QTest::qWaitFor([&] { return dueEdit->text() == QStringLiteral("Not planned"); }, kLoadTimeoutMs));
        QCOMPARE(m_undoStack->count(), 2);

        m_undoStack->undo();  // the date is back
        QCOMPARE(workspace.followUp(m_person)->value().dueDate, due.toString(Qt::ISODate).toStdString());
        QVERIFY(QTest::qWaitFor([&] { return dueEdit->date() == due; }, kLoadTimeoutMs));
        m_undoStack->undo();  // and before it, nothing at all
        QVERIFY(!workspace.followUp(m_person)->has_value());
        QVERIFY(QTest::qWaitFor([&] { return dueEdit->text() == QStringLiteral("Not planned"); }, kLoadTimeoutMs));
    }

    void aNewerPersonSupersedesAPageStillBeingRead()
    {
        QSignalSpy shown(m_panel.get(), &DetailsPanel::personShown);
        const PersonId me = *m_session->workspace()->me();
        m_panel->showPerson(m_person);
        m_panel->showPerson(me);
        QVERIFY(shown.wait(kLoadTimeoutMs));
        QTest::qWait(50);  // an answer for the first, were it delivered, would have come by now too
        QCOMPARE(shown.count(), 1);
        QCOMPARE(m_panel->person(), me);
        QCOMPARE(m_panel->findChild<QLabel*>(QStringLiteral("connectionsStatus"))->text(),
                 QStringLiteral("This is you: everyone else's paths start here."));
    }

    void warmthShowsTheSamePrecisionAsThePathsTable()
    {
        // A path too cold for two decimals (links of the lowest confidence): the paths table says "<0.01",
        // and so must the panel, never "0.00"; both in the user's locale.
        QTemporaryDir dir;
        Session session;
        QSignalSpy loaded(&session, &Session::loaded);
        session.createDatabase(dir.filePath(QStringLiteral("cold.db")));
        QVERIFY(loaded.wait(kLoadTimeoutMs));
        Workspace& workspace = *session.workspace();
        // Written as the demo network is (the one format that carries a link's confidence): me - bo - cy.
        QVERIFY(workspace
                    .loadDemoNetwork(R"({"format": "warmpath-demo", "version": 1,
                        "people": [{"name": "Ana", "me": true}, {"name": "Bo"}, {"name": "Cy"}],
                        "links": [[0, 1, "connection", 0.05], [1, 0, "connection", 0.05],
                                  [1, 2, "connection", 0.05], [2, 1, "connection", 0.05]]})",
                                     today())
                    .ok());
        const PersonId cy = *workspace.resolve("Cy");
        const auto answer = workspace.warmPaths({.from = *workspace.me(), .to = cy, .k = kDetailsPaths});
        QVERIFY(answer && answer->paths.size() == 1 && answer->paths.front().warmth < 0.005);

        QUndoStack undo;
        DetailsPanel panel(session, undo);
        QSignalSpy shown(&panel, &DetailsPanel::personShown);
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        panel.showPerson(cy);
        const bool read = shown.wait(kLoadTimeoutMs);
        QLocale::setDefault(before);
        QVERIFY(read);
        const auto cards = panel.findChildren<QFrame*>(QStringLiteral("pathCard"));
        QCOMPARE(cards.size(), 1);
        QTextDocument title;
        title.setHtml(cards.first()->findChildren<QLabel*>().first()->text());
        QVERIFY2(title.toPlainText().endsWith(QStringLiteral("warmth <0,01")), qPrintable(title.toPlainText()));
    }

private:
    /// Shows `person` and waits for their page.
    bool show(PersonId person)
    {
        QSignalSpy shown(m_panel.get(), &DetailsPanel::personShown);
        m_panel->showPerson(person);
        return shown.wait(kLoadTimeoutMs);
    }

    QStringList notesShown() const
    {
        QStringList notes;
        for (QLabel* label : m_panel->findChildren<QLabel*>(QStringLiteral("noteText"))) {
            notes.append(label->text());
        }
        return notes;
    }

    QStringList tagsStored() const
    {
        QStringList tags;
        for (const std::string& tag : *m_session->workspace()->tagsOf(m_person)) {
            tags.append(QString::fromStdString(tag));
        }
        return tags;
    }

    QStringList tagsShown() const
    {
        QStringList tags;
        for (QLabel* label : m_panel->findChildren<QLabel*>(QStringLiteral("tagName"))) {
            tags.append(label->text());
        }
        return tags;
    }

    /// The panel rebuilds after the session reloads the people (asynchronously).
    bool waitForChips(qsizetype count) const
    {
        return QTest::qWaitFor([&] { return tagsShown().size() == count; }, kLoadTimeoutMs);
    }

    IntroStatus statusOf(std::int64_t id) const
    {
        for (const IntroRequest& intro : *m_session->workspace()->introRequests()) {
            if (intro.id == id) {
                return intro.status;
            }
        }
        return IntroStatus::Declined;
    }

    std::unique_ptr<Session> m_session;
    std::unique_ptr<QUndoStack> m_undoStack;
    std::unique_ptr<DetailsPanel> m_panel;
    PersonId m_person;
};

QTEST_MAIN(DetailsPanelTest)
#include "DetailsPanelTest.moc"
