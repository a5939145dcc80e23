#include <map>

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

#include "Session.h"
#include "UiTestSupport.h"
#include "commands/NoteCommand.h"
#include "commands/TagCommand.h"

using namespace warmpath;
using namespace warmpath::ui;
using test::kLoadTimeoutMs;

class TagUndoTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_session = std::make_unique<Session>();
        QVERIFY(test::openDemo(*m_session));
        m_person = *m_session->workspace()->resolve("Maximilian Becker");
        m_before = *m_session->workspace()->tagsOf(m_person);
    }

    void cleanup() { m_session.reset(); }

    void taggingThenUndoRestoresThePreviousTags()
    {
        QUndoStack stack;
        stack.push(new TagCommand(*m_session, {m_person}, {QStringLiteral("Warm leads")}, TagCommand::Action::Add));
        auto tags = *m_session->workspace()->tagsOf(m_person);
        QVERIFY(std::find(tags.begin(), tags.end(), "Warm leads") != tags.end());
        stack.undo();
        QCOMPARE(*m_session->workspace()->tagsOf(m_person), m_before);
        stack.redo();
        QCOMPARE(m_session->workspace()->tagsOf(m_person)->size(), m_before.size() + 1);
    }

    void undoingATagSomeoneAlreadyHadKeepsIt()
    {
        QVERIFY(!m_before.empty());
        QUndoStack stack;
        const QString own = QString::fromStdString(m_before.front());
        stack.push(new TagCommand(*m_session, {m_person}, {own}, TagCommand::Action::Add));
        stack.undo();
        QCOMPARE(*m_session->workspace()->tagsOf(m_person), m_before);
    }

    void removingATagThenUndoGivesItBack()
    {
        QVERIFY(!m_before.empty());
        QUndoStack stack;
        const QString own = QString::fromStdString(m_before.front());
        stack.push(new TagCommand(*m_session, {m_person}, {own}, TagCommand::Action::Remove));
        QCOMPARE(m_session->workspace()->tagsOf(m_person)->size(), m_before.size() - 1);
        stack.undo();
        QCOMPARE(*m_session->workspace()->tagsOf(m_person), m_before);
    }

    void bulkTaggingIsOneStep()
    {
        const PersonId other = *m_session->workspace()->me();
        QUndoStack stack;
        stack.push(new TagCommand(*m_session, {m_person, other}, {QStringLiteral("Batch")}, TagCommand::Action::Add));
        QCOMPARE(stack.count(), 1);
        stack.undo();
        QCOMPARE(*m_session->workspace()->tagsOf(m_person), m_before);
        const auto mine = *m_session->workspace()->tagsOf(other);
        QVERIFY(std::find(mine.begin(), mine.end(), "Batch") == mine.end());
    }

    void bulkTaggingWithAPersonWhoIsGoneChangesNobody()
    {
        QUndoStack stack;
        auto* command = new TagCommand(*m_session, {m_person, PersonId(987654321)}, {QStringLiteral("Batch")},
                                       TagCommand::Action::Add);
        stack.push(command);
        QVERIFY(!command->error().isEmpty());
        QCOMPARE(*m_session->workspace()->tagsOf(m_person), m_before);  // one transaction: all or nothing
    }

    void taggingEveryoneIsOneStepAndUndoRestoresEveryone()
    {
        Workspace& workspace = *m_session->workspace();
        std::vector<PersonId> everyone;
        std::map<qint64, std::vector<std::string>> before;
        for (const PersonSummary& row : m_session->people()) {
            everyone.push_back(row.person.id);
            before[row.person.id.value()] = *workspace.tagsOf(row.person.id);
        }
        QVERIFY(everyone.size() > 100);
        QUndoStack stack;
        QElapsedTimer timer;
        timer.start();
        stack.push(new TagCommand(*m_session, everyone, {QStringLiteral("Conference 2027")}, TagCommand::Action::Add));
        qInfo("tagged %zu people in %lld ms", everyone.size(), static_cast<long long>(timer.elapsed()));
        QCOMPARE(stack.count(), 1);
        QCOMPARE(workspace.people(PeopleQuery{.tag = "Conference 2027", .degree = {}, .search = {}})->size(),
                 everyone.size());
        stack.undo();
        for (const PersonId person : everyone) {
            QCOMPARE(*workspace.tagsOf(person), before[person.value()]);
        }
    }

    void addingANoteThenUndoRemovesIt()
    {
        const auto before = m_session->workspace()->notes(m_person)->size();
        QUndoStack stack;
        stack.push(new NoteCommand(*m_session, m_person, QStringLiteral("Ask about the climate fund")));
        QCOMPARE(m_session->workspace()->notes(m_person)->size(), before + 1);
        stack.undo();
        QCOMPARE(m_session->workspace()->notes(m_person)->size(), before);
        stack.redo();
        QCOMPARE(m_session->workspace()->notes(m_person)->back().text, std::string("Ask about the climate fund"));
    }

private:
    std::unique_ptr<Session> m_session;
    PersonId m_person;
    std::vector<std::string> m_before;
};

QTEST_MAIN(TagUndoTest)
#include "TagUndoTest.moc"
