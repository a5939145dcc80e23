#include "views/IntroDraftDialog.h"

#include <algorithm>
#include <utility>

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include "Format.h"
#include "Session.h"
#include "commands/IntroCommand.h"
#include "widgets/EditGate.h"

namespace warmpath::ui {

IntroDraftDialog::IntroDraftDialog(Session& session, QUndoStack& undoStack, IntroDraft draft, Names names,
                                   QWidget* parent)
    : QDialog(parent),
      m_session(session),
      m_undoStack(undoStack),
      m_draft(std::move(draft)),
      m_names(std::move(names)),
      m_note(new QLabel(this)),
      m_message(new QPlainTextEdit(this)),
      m_save(new QPushButton(tr("&Save request"), this)),
      m_copy(new QPushButton(tr("&Copy message"), this)),
      m_edits(new EditGate(session, this))
{
    setObjectName(QStringLiteral("introDraftDialog"));
    setWindowTitle(tr("Ask %1 for an introduction").arg(m_names.introducer));

    auto* ask = new QLabel(this);
    ask->setObjectName(QStringLiteral("introSummary"));
    ask->setWordWrap(true);
    ask->setTextFormat(Qt::RichText);
    const QString introducer = m_names.introducer.toHtmlEscaped();
    const QString next = m_names.next.toHtmlEscaped();
    ask->setText(m_draft.next == m_draft.target
                     ? tr("Ask <b>%1</b> to introduce you to <b>%2</b>.").arg(introducer, next)
                     : tr("Ask <b>%1</b> to introduce you to <b>%2</b>, who can lead you to <b>%3</b>. %1 knows "
                          "%2, not %3: the message asks only for the introduction they can make.")
                           .arg(introducer, next, m_names.target.toHtmlEscaped()));

    m_message->setObjectName(QStringLiteral("introMessage"));
    m_message->setPlainText(toQString(m_draft.message));
    m_message->setTabChangesFocus(true);

    m_note->setObjectName(QStringLiteral("introNote"));
    m_note->setWordWrap(true);
    setMutedText(m_note);
    m_note->setText(tr("Nothing is saved yet. Save the request, or copy the message to send it the way you "
                       "usually talk to %1: either keeps it as a draft request in Follow-ups.")
                        .arg(m_names.introducer));

    m_save->setObjectName(QStringLiteral("saveIntroButton"));
    m_save->setToolTip(tr("Keep this request in Follow-ups and in the details of the people it names"));
    m_copy->setObjectName(QStringLiteral("copyIntroButton"));
    m_copy->setToolTip(tr("Copy the message to the clipboard, and keep the request"));
    connect(m_save, &QPushButton::clicked, this, [this] { recordOnce(); });
    connect(m_message, &QPlainTextEdit::textChanged, this, &IntroDraftDialog::updateSaveButton);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_message->toPlainText());
        recordOnce();
    });

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_copy, QDialogButtonBox::ActionRole);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    // Enter in the message is a new line; the window closes only by its buttons or Escape.
    m_save->setAutoDefault(false);
    m_copy->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(ask);
    layout->addWidget(m_message, 1);
    layout->addWidget(m_note);
    layout->addWidget(editsPausedNote(m_session, this));
    layout->addWidget(buttons);
    m_edits->setEnabled(m_save);
    m_edits->setEnabled(m_copy);
    const QFontMetrics metrics = fontMetrics();
    resize(std::max(560, metrics.averageCharWidth() * 76), std::max(380, metrics.height() * 22));
}

IntroDraftDialog::~IntroDraftDialog() = default;

std::int64_t IntroDraftDialog::recordedId() const
{
    return m_recordedId;
}

bool IntroDraftDialog::recordOnce()
{
    Workspace* workspace = m_session.workspace();
    if (workspace == nullptr || !m_session.canEdit()) {
        return false;  // the buttons say why: a long write holds the writer
    }
    if (m_recordedId != 0) {
        // Still there: recorded already. Gone (the user undid the save): this click records it anew.
        const auto intros = workspace->introRequests();
        if (intros && std::any_of(intros->begin(), intros->end(),
                                  [this](const IntroRequest& intro) { return intro.id == m_recordedId; })) {
            const QString message = m_message->toPlainText();
            if (message != m_recordedMessage) {
                m_session.edit(m_undoStack, new EditIntroMessageCommand(m_session, m_recordedId, m_recordedMessage,
                                                                        message, m_names.target));
                m_recordedMessage = message;
            }
            showRecorded();
            return true;
        }
        m_recordedId = 0;
    }
    IntroDraft draft = m_draft;
    draft.message = m_message->toPlainText().toStdString();
    auto recorded = workspace->recordIntro(draft);
    if (!recorded) {
        m_note->setText(tr("Could not save the request: %1").arg(toQString(recorded.error().describe())));
        return false;
    }
    m_recordedId = recorded->id;
    m_recordedMessage = toQString(recorded->message);
    // Recorded just now, in this same turn of the event loop: its first redo writes nothing.
    m_undoStack.push(new RecordIntroCommand(m_session, std::move(*recorded), m_names.target));
    showRecorded();
    return true;
}

void IntroDraftDialog::updateSaveButton()
{
    if (m_recordedId == 0) {
        return;
    }
    const bool edited = m_message->toPlainText() != m_recordedMessage;
    m_edits->setEnabled(m_save, edited);
    m_save->setText(edited ? tr("&Save changes") : tr("Saved"));
}

void IntroDraftDialog::showRecorded()
{
    updateSaveButton();
    m_note->setText(tr("Saved as a draft request: it is listed in Follow-ups and in the details of %1 and %2. "
                       "Edit \u25b8 Undo takes it back.")
                        .arg(m_names.introducer, m_names.target));
}

}  // namespace warmpath::ui
