#pragma once

#include <cstdint>

#include <QDialog>

#include "Workspace.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QUndoStack;

namespace warmpath::ui {

class EditGate;
class Session;

/// The drafted introduction request, to edit, copy and send. Opening it records nothing: the request
/// is recorded (one undoable step) when the user saves it or copies the message, and only once — a
/// second click does not record it again. Editing the message afterwards and saving or copying again
/// stores the edited message in the same request (another undoable step), so what Follow-ups keeps is
/// what was sent.
class IntroDraftDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IntroDraftDialog)

public:
    /// `draft` as Workspace::composeIntro() gave it; `names` the people it names, as the GUI says
    /// them.
    struct Names {
        QString introducer;
        QString target;  ///< whom the path leads to
        QString next;    ///< whom the introducer is asked to introduce; equals `target` on two hops
    };

    IntroDraftDialog(Session& session, QUndoStack& undoStack, IntroDraft draft, Names names, QWidget* parent = nullptr);
    ~IntroDraftDialog() override;

    /// The id of the request recorded from this window, or 0 while none is.
    [[nodiscard]] std::int64_t recordedId() const;

    [[nodiscard]] QPlainTextEdit* messageEdit() const { return m_message; }
    [[nodiscard]] QPushButton* saveButton() const { return m_save; }
    [[nodiscard]] QPushButton* copyButton() const { return m_copy; }

private:
    /// Records the request with the message as it reads now, unless this window recorded it already
    /// (and it was not undone since); then stores the message if it was edited since. True when the
    /// request is recorded with the message as it reads now.
    bool recordOnce();
    void updateSaveButton();
    void showRecorded();

    Session& m_session;
    QUndoStack& m_undoStack;
    IntroDraft m_draft;
    Names m_names;
    std::int64_t m_recordedId = 0;
    QString m_recordedMessage;  ///< the message as the recorded request holds it

    QLabel* m_note;
    QPlainTextEdit* m_message;
    QPushButton* m_save;
    QPushButton* m_copy;
    EditGate* m_edits;  ///< save and copy: each records the request
};

}  // namespace warmpath::ui
