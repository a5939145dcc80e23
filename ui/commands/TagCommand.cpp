#include "commands/TagCommand.h"

#include <utility>

#include <QCoreApplication>

#include "Format.h"
#include "Session.h"
#include "Workspace.h"

namespace warmpath::ui {

TagCommand::TagCommand(Session& session, std::vector<PersonId> people, QStringList tags, Action action)
    : m_session(session), m_people(std::move(people)), m_action(action)
{
    for (const QString& tag : tags) {
        m_tags.push_back(tag.trimmed().toStdString());
    }
    const QString names = tags.join(QStringLiteral(", "));
    const int count = static_cast<int>(m_people.size());
    if (action == Action::Add) {
        setText(count == 1 ? QCoreApplication::translate("TagCommand", "Tag %1").arg(names)
                           : QCoreApplication::translate("TagCommand", "Tag %1 people %2").arg(count).arg(names));
    } else {
        setText(count == 1
                    ? QCoreApplication::translate("TagCommand", "Remove tag %1").arg(names)
                    : QCoreApplication::translate("TagCommand", "Remove tag %1 from %2 people").arg(names).arg(count));
    }
}

TagCommand::~TagCommand() = default;

std::vector<PersonTags> TagCommand::apply(Action action, const std::vector<PersonTags>& edits)
{
    m_error.clear();
    Workspace* workspace = m_session.workspace();
    if (workspace == nullptr || edits.empty()) {
        return {};
    }
    auto result = action == Action::Add ? workspace->addTags(edits) : workspace->removeTags(edits);
    if (!result) {
        m_error = toQString(result.error().describe());
        return {};  // nothing changed: the edit is one transaction
    }
    m_session.reloadPeople();
    return std::move(result).value();
}

void TagCommand::redo()
{
    std::vector<PersonTags> edits;
    edits.reserve(m_people.size());
    for (const PersonId person : m_people) {
        edits.push_back(PersonTags{.person = person, .tags = m_tags});
    }
    m_changed = apply(m_action, edits);
}

void TagCommand::undo()
{
    apply(m_action == Action::Add ? Action::Remove : Action::Add, m_changed);
}

}  // namespace warmpath::ui
