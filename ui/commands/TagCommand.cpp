#include "commands/TagCommand.h"

#include <algorithm>
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

std::vector<std::vector<std::string>> TagCommand::apply(Action action,
                                                        const std::vector<std::vector<std::string>>& tags)
{
    std::vector<std::vector<std::string>> changed(m_people.size());
    m_error.clear();
    Workspace* workspace = m_session.workspace();
    if (workspace == nullptr) {
        return changed;
    }
    for (std::size_t i = 0; i < m_people.size(); ++i) {
        const PersonId person = m_people[i];
        std::vector<std::string> wanted = tags[i];
        if (action == Action::Remove) {
            // Only the tags they have: removing an unknown tag is an error in core.
            auto has = workspace->tagsOf(person);
            if (!has) {
                m_error = toQString(has.error().describe());
                continue;
            }
            std::erase_if(wanted, [&](const std::string& tag) {
                return std::none_of(has->begin(), has->end(), [&](const std::string& own) {
                    return QString::compare(toQString(own), toQString(tag), Qt::CaseInsensitive) == 0;
                });
            });
            if (wanted.empty()) {
                continue;
            }
        }
        auto result =
            action == Action::Add ? workspace->addTags(person, wanted) : workspace->removeTags(person, wanted);
        if (!result) {
            m_error = toQString(result.error().describe());
            continue;
        }
        changed[i] = std::move(result).value();
    }
    m_session.reloadPeople();
    return changed;
}

void TagCommand::redo()
{
    m_changed = apply(m_action, std::vector<std::vector<std::string>>(m_people.size(), m_tags));
}

void TagCommand::undo()
{
    apply(m_action == Action::Add ? Action::Remove : Action::Add, m_changed);
}

}  // namespace warmpath::ui
