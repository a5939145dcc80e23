#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include <QDate>
#include <QWidget>

#include "Background.h"
#include "commands/FollowUpCommand.h"
#include "model/PersonId.h"
#include "model/Workflow.h"

class QDateEdit;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QSpinBox;
class QStackedWidget;
class QToolButton;
class QUndoStack;
class QVBoxLayout;

namespace warmpath {
struct Person;
struct PersonDetails;
}  // namespace warmpath

namespace warmpath::ui {

class EditGate;
class FlowLayout;
class Session;

/// The right-hand panel: everything known about the selected person, and the place to act on it —
/// profiles as links, organisation and title, tags (add with completion, remove with a click), the
/// follow-up (due date, own or inherited cadence, snooze, mark contacted), how you are connected (the
/// warmest paths from me with every hop explained, and the contacts we share), introduction requests
/// with their status, and notes (add and edit). Every edit is a command on the window's undo stack.
///
/// A person's page is one Workspace::details() call (what `warmpath-cli person` prints), made off the
/// UI thread when a person is shown and again whenever the session's people change, so that an undo
/// shows at once; the name heads the page at once, from the session's list. Nothing the panel does
/// on the UI thread waits for the database.
class DetailsPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailsPanel)

public:
    DetailsPanel(Session& session, QUndoStack& undoStack, QWidget* parent = nullptr);
    ~DetailsPanel() override;

    /// Shows `id`: the heading at once, the rest when it has been read (personShown()). Shows the
    /// placeholder when the workspace does not know them.
    void showPerson(PersonId id);
    /// Shows "N people selected" (N > 1) or, for 0, the "select someone" placeholder.
    void showSelectionCount(int count);
    /// The person shown, or an invalid id when the placeholder is.
    [[nodiscard]] PersonId person() const { return m_person; }
    /// The heading: the person's name, or the placeholder's title.
    [[nodiscard]] QString heading() const;
    /// True while the page of person() is being read.
    [[nodiscard]] bool isBusy() const { return m_loading.isBusy(); }

    // The panel's edits, each pushed onto the undo stack as one command (what its controls call). While
    // a long write holds the writer the controls are disabled and these refuse (Session::edit()); the
    // ones that return bool say whether the edit was made, so that what was typed is not lost.
    bool addTag(const QString& tag);
    void removeTag(const QString& tag);
    bool addNote(const QString& text);
    bool editNote(std::int64_t noteId, const QString& text);
    void scheduleFollowUp(QDate due);
    /// Clears the planned follow-up date (a cadence stays).
    void clearDueDate();
    /// Sets the person's own cadence; nullopt clears it (they inherit their tags' cadence again).
    void setOwnCadence(std::optional<int> days);
    void snooze(int days);
    void markContacted();
    void setIntroStatus(std::int64_t introId, IntroStatus status);

    [[nodiscard]] QSize sizeHint() const override;

signals:
    /// The whole page of person() is shown, "How you're connected" included.
    void personShown();
    /// The user clicked a person named in the panel (a hop of a path, a mutual contact).
    void personActivated(warmpath::PersonId person);

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Page;

    void showPlaceholder(const QString& title, const QString& text);
    QLabel* addSection(QVBoxLayout* layout, const QString& title);
    void showHeading(const Person& person);
    void showPage(const Page& page);
    void fillProfiles(const PersonDetails& details);
    void fillTags(const PersonDetails& details, const QStringList& allTags);
    void fillFollowUp(const PersonDetails& details);
    void fillIntros(const PersonDetails& details);
    void fillNotes(const PersonDetails& details);
    void addFollowUpRow(int row, const QString& label, const QString& value, const QString& detail, bool alert = false);
    void showConnections(const PersonDetails& details);
    void startEditingNote(std::int64_t noteId, const QString& text);
    void finishEditingNote();
    /// Makes `edit` to the shown person's follow-up; a refused one leaves the section as stored.
    void editFollowUp(const FollowUpCommand::Edit& edit);
    void commitDueDate();
    void commitCadence();
    void applyColours();
    [[nodiscard]] QString personLink(PersonId id, const QString& name) const;

    Session& m_session;
    QUndoStack& m_undoStack;
    /// Every control that edits (fields, buttons, a tag's remove button, an intro's status): disabled
    /// while a long write holds the writer.
    EditGate* m_edits;
    PersonId m_person;
    QString m_displayName;
    Background m_loading{this};  ///< the page being read; a newer showPerson() supersedes it
    /// The page shown, as read: what an edit compares against (a note's text, an intro's status).
    std::unique_ptr<PersonDetails> m_details;
    bool m_filling = false;  ///< true while controls are set from the database: their signals are not edits
    QDate m_shownDue;
    std::optional<int> m_shownOwnCadence;
    std::int64_t m_editingNoteId = 0;

    QStackedWidget* m_pages;
    QScrollArea* m_scroll;
    // Placeholder page.
    QLabel* m_placeholderTitle;
    QLabel* m_placeholderText;
    // Person page.
    QLabel* m_avatar;
    QLabel* m_name;
    QLabel* m_meBadge;
    QLabel* m_subtitle;
    QVBoxLayout* m_profiles;
    QWidget* m_tagsBox;
    FlowLayout* m_tags;
    QLineEdit* m_tagInput;
    QGridLayout* m_followUp;
    QDateEdit* m_dueEdit;
    QToolButton* m_clearDue;
    QSpinBox* m_cadenceEdit;
    QPushButton* m_snoozeButton;
    QPushButton* m_contactedButton;
    QLabel* m_connectionsStatus;
    QVBoxLayout* m_paths;
    QLabel* m_mutual;
    QLabel* m_introsSection;
    QVBoxLayout* m_intros;
    QVBoxLayout* m_notes;
    QPlainTextEdit* m_noteEditor;
    QPushButton* m_noteSave;
    QPushButton* m_noteCancel;
    QLabel* m_ref;
    QList<QLabel*> m_mutedLabels;
};

}  // namespace warmpath::ui
