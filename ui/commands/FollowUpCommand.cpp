#include "commands/FollowUpCommand.h"

#include <QCoreApplication>

#include "Format.h"
#include "Session.h"
#include "Workspace.h"

namespace warmpath::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("FollowUpCommand", text);
}

Date toDate(QDate date)
{
    return Date(std::chrono::year_month_day(std::chrono::year(date.year()),
                                            std::chrono::month(static_cast<unsigned>(date.month())),
                                            std::chrono::day(static_cast<unsigned>(date.day()))));
}

}  // namespace

FollowUpCommand::FollowUpCommand(Session& session, PersonId person, const QString& name, Edit edit)
    : m_session(session), m_person(person), m_edit(edit)
{
    switch (edit.kind) {
    case Edit::Kind::Schedule:
        setText(tr("Follow up with %1 on %2").arg(name, mediumDate(edit.due)));
        break;
    case Edit::Kind::SetCadence:
        setText(edit.cadenceDays ? tr("Follow up with %1 every %2 days").arg(name).arg(*edit.cadenceDays)
                                 : tr("Clear %1's own cadence").arg(name));
        break;
    case Edit::Kind::Snooze:
        setText(tr("Snooze %1 for %2 days").arg(name).arg(edit.snoozeDays));
        break;
    case Edit::Kind::MarkContacted:
        setText(tr("Mark %1 contacted").arg(name));
        break;
    case Edit::Kind::ClearDue:
        setText(tr("Clear the follow-up date for %1").arg(name));
        break;
    }
}

FollowUpCommand::~FollowUpCommand() = default;

bool FollowUpCommand::applyFirstTime()
{
    Workspace* workspace = m_session.workspace();
    if (workspace == nullptr) {
        m_error = tr("Nothing is open");
        return false;
    }
    auto before = workspace->followUp(m_person);
    if (!before) {
        m_error = toQString(before.error().describe());
        return false;
    }
    m_before = *before;
    const Date today = warmpath::today();
    Status done;
    switch (m_edit.kind) {
    case Edit::Kind::Schedule:
        if (!m_edit.due.isValid()) {
            m_error = tr("Choose a due date");
            return false;
        }
        if (auto set = workspace->setFollowUp(m_person, toDate(m_edit.due), m_edit.cadenceDays); !set) {
            done = set.error();
        }
        break;
    case Edit::Kind::SetCadence: {
        FollowUpRecord record = m_before.value_or(FollowUpRecord{});
        record.cadenceDays = m_edit.cadenceDays;
        done = workspace->replaceFollowUp(m_person, record);
        break;
    }
    case Edit::Kind::Snooze:
        if (auto snoozed = workspace->snoozeFollowUp(m_person, m_edit.snoozeDays, today); !snoozed) {
            done = snoozed.error();
        }
        break;
    case Edit::Kind::MarkContacted:
        if (auto contacted = workspace->markContacted(m_person, today); !contacted) {
            done = contacted.error();
        }
        break;
    case Edit::Kind::ClearDue: {
        if (!m_before || m_before->dueDate.empty()) {
            m_error = tr("No follow-up date is planned");
            return false;
        }
        // The planned date goes, with a snooze of it; a cadence stays and plans from the last contact.
        FollowUpRecord record = *m_before;
        record.dueDate.clear();
        record.snoozedUntil.clear();
        done = workspace->replaceFollowUp(m_person, record);
        break;
    }
    }
    if (!done) {
        m_error = toQString(done.error().describe());
        return false;
    }
    auto after = workspace->followUp(m_person);
    if (!after) {
        m_error = toQString(after.error().describe());
        return false;
    }
    m_after = *after;
    return true;
}

void FollowUpCommand::redo()
{
    if (!m_applied) {
        m_applied = true;
        if (!applyFirstTime()) {
            setObsolete(true);  // nothing changed: nothing to undo
            return;
        }
    } else if (Workspace* workspace = m_session.workspace()) {
        (void)workspace->replaceFollowUp(m_person, m_after);
    }
    m_session.reloadPeople();
}

void FollowUpCommand::undo()
{
    if (Workspace* workspace = m_session.workspace()) {
        (void)workspace->replaceFollowUp(m_person, m_before);
        m_session.reloadPeople();
    }
}

}  // namespace warmpath::ui
