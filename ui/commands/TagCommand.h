#pragma once

#include <vector>

#include <QString>
#include <QStringList>
#include <QUndoCommand>

#include "Workspace.h"
#include "model/PersonId.h"

namespace warmpath::ui {

class Session;

/// Gives tags to people, or takes them away, as one undoable step and one core call (one transaction,
/// however many people are selected). Undo reverses exactly what the step changed: a tag someone
/// already had is not taken from them by undoing its addition.
class TagCommand final : public QUndoCommand {
public:
    enum class Action { Add, Remove };

    TagCommand(Session& session, std::vector<PersonId> people, QStringList tags, Action action);
    ~TagCommand() override;
    TagCommand(const TagCommand&) = delete;
    TagCommand& operator=(const TagCommand&) = delete;
    TagCommand(TagCommand&&) = delete;
    TagCommand& operator=(TagCommand&&) = delete;

    void redo() override;
    void undo() override;

    /// Why the last redo or undo failed, or empty.
    [[nodiscard]] QString error() const { return m_error; }

private:
    /// Applies `action` to each person's own tags in one transaction; returns what actually changed.
    std::vector<PersonTags> apply(Action action, const std::vector<PersonTags>& edits);

    Session& m_session;
    std::vector<PersonId> m_people;
    std::vector<std::string> m_tags;
    Action m_action;
    /// The tags redo changed, per person (what undo must reverse).
    std::vector<PersonTags> m_changed;
    QString m_error;
};

}  // namespace warmpath::ui
