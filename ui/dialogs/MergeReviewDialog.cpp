#include "dialogs/MergeReviewDialog.h"

#include <utility>

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QUndoStack>
#include <QVBoxLayout>

#include "Format.h"
#include "Session.h"
#include "commands/MergeCommand.h"
#include "widgets/EditGate.h"

namespace warmpath::ui {

namespace {

QString joinedOrDash(const QStringList& items, const QString& separator)
{
    return items.isEmpty() ? QStringLiteral("\u2014") : items.join(separator);
}

QLabel* valueLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setTextFormat(Qt::PlainText);
    return label;
}

}  // namespace

MergeReviewDialog::MergeReviewDialog(Session& session, QUndoStack& undoStack, QWidget* parent)
    : QDialog(parent), m_session(session), m_undoStack(undoStack)
{
    setWindowTitle(tr("Review possible duplicates"));
    setSizeGripEnabled(true);
    m_edits = new EditGate(m_session, this);

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("duplicateCount"));
    m_countLabel->setWordWrap(true);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("duplicateList"));
    m_list->setMinimumWidth(220);
    m_list->setUniformItemSizes(true);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        m_swapped = false;
        showCandidate(row);
    });

    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("duplicateReason"));
    m_reason->setWordWrap(true);
    m_keptBox = new QGroupBox(this);
    m_absorbedBox = new QGroupBox(this);
    for (QGroupBox* box : {m_keptBox, m_absorbedBox}) {
        auto* form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->setRowWrapPolicy(QFormLayout::WrapLongRows);
        for (const QString& field : {tr("Name:"), tr("Organisation:"), tr("Title:"), tr("Location:"), tr("Identities:"),
                                     tr("Tags:"), tr("Degree:")}) {
            form->addRow(field, valueLabel(box));
        }
    }
    auto* sides = new QHBoxLayout;
    sides->addWidget(m_keptBox, 1);
    sides->addWidget(m_absorbedBox, 1);

    m_mergeButton = new QPushButton(tr("&Merge"), this);
    m_mergeButton->setObjectName(QStringLiteral("mergeButton"));
    m_mergeButton->setToolTip(tr("They are one person: fold the right-hand record into the left-hand one. Undo "
                                 "(Ctrl+Z) splits them again."));
    m_rejectButton = new QPushButton(tr("&Not the same"), this);
    m_rejectButton->setToolTip(tr("They are two people: take the pair off the list"));
    m_skipButton = new QPushButton(tr("&Skip"), this);
    m_skipButton->setToolTip(tr("Decide later: the pair stays on the list"));
    m_swapButton = new QPushButton(tr("S&wap sides"), this);
    m_swapButton->setToolTip(tr("Keep the right-hand record instead (its name and details win)"));
    connect(m_mergeButton, &QPushButton::clicked, this, &MergeReviewDialog::mergeCurrent);
    connect(m_rejectButton, &QPushButton::clicked, this, &MergeReviewDialog::rejectCurrent);
    connect(m_skipButton, &QPushButton::clicked, this, &MergeReviewDialog::skipCurrent);
    connect(m_swapButton, &QPushButton::clicked, this, &MergeReviewDialog::swapSides);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_swapButton);
    actions->addStretch(1);
    actions->addWidget(m_skipButton);
    actions->addWidget(m_rejectButton);
    actions->addWidget(m_mergeButton);

    auto* pairPane = new QWidget(this);
    auto* pairLayout = new QVBoxLayout(pairPane);
    pairLayout->setContentsMargins(0, 0, 0, 0);
    pairLayout->addWidget(m_reason);
    pairLayout->addLayout(sides, 1);
    pairLayout->addLayout(actions);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_list);
    splitter->addWidget(pairPane);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({240, 620});

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_countLabel);
    layout->addWidget(splitter, 1);
    layout->addWidget(editsPausedNote(m_session, this));
    layout->addWidget(m_buttons);

    // An undo or redo from the main window (or here) changes the queue.
    connect(&m_undoStack, &QUndoStack::indexChanged, this, &MergeReviewDialog::reload);
    connect(&m_session, &Session::loaded, this, &MergeReviewDialog::reload);

    resize(880, 480);
    reload();
}

MergeReviewDialog::~MergeReviewDialog() = default;

void MergeReviewDialog::reload()
{
    const std::optional<MergeCandidate> shown = currentCandidate();
    m_candidates.clear();
    if (Workspace* workspace = m_session.workspace()) {
        if (auto queue = workspace->mergeCandidates()) {
            m_candidates = std::move(queue).value();
        } else {
            m_lastError = toQString(queue.error().describe());
        }
    }
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    int current = 0;
    for (std::size_t i = 0; i < m_candidates.size(); ++i) {
        const MergeCandidate& candidate = m_candidates[i];
        auto* item = new QListWidgetItem(
            tr("%1 \u2194 %2").arg(toQString(candidate.firstName), toQString(candidate.secondName)), m_list);
        item->setToolTip(toQString(candidate.reason));
        if (shown && (shown->first == candidate.first || shown->id == candidate.id)) {
            current = static_cast<int>(i);
        }
    }
    m_countLabel->setText(
        m_candidates.empty()
            ? tr("No probable duplicates are waiting for review.")
            : tr("Imports found %1 that may be the same person. Merge the ones that are; the others stay "
                 "apart.")
                  .arg(formatCount(static_cast<std::int64_t>(m_candidates.size()), tr("pair"), tr("pairs"))));
    m_list->setCurrentRow(m_candidates.empty() ? -1 : current);
    showCandidate(m_list->currentRow());
}

std::optional<MergeCandidate> MergeReviewDialog::currentCandidate() const
{
    const int row = m_list != nullptr ? m_list->currentRow() : -1;
    if (row < 0 || static_cast<std::size_t>(row) >= m_candidates.size()) {
        return std::nullopt;
    }
    MergeCandidate candidate = m_candidates[static_cast<std::size_t>(row)];
    if (m_swapped) {
        std::swap(candidate.first, candidate.second);
        std::swap(candidate.firstName, candidate.secondName);
    }
    return candidate;
}

void MergeReviewDialog::showCandidate(int /*row*/)
{
    const std::optional<MergeCandidate> candidate = currentCandidate();
    if (!candidate) {
        m_reason->setText(QString());
        m_keptBox->setVisible(false);
        m_absorbedBox->setVisible(false);
        updateButtons();
        return;
    }
    m_keptBox->setVisible(true);
    m_absorbedBox->setVisible(true);
    m_reason->setText(tr("Flagged because: %1").arg(toQString(candidate->reason)));
    fillSide(m_keptBox, candidate->first, tr("Keep"));
    fillSide(m_absorbedBox, candidate->second, tr("Merge into it"));
    updateButtons();
}

void MergeReviewDialog::fillSide(QGroupBox* box, PersonId person, const QString& title)
{
    box->setTitle(title);
    auto* form = qobject_cast<QFormLayout*>(box->layout());
    Workspace* workspace = m_session.workspace();
    if (form == nullptr || workspace == nullptr) {
        return;
    }
    const auto field = [form](int row) {
        return qobject_cast<QLabel*>(form->itemAt(row, QFormLayout::FieldRole)->widget());
    };
    const auto details = workspace->person(person);
    const QString dash = QStringLiteral("\u2014");
    const auto orDash = [&dash](const std::string& text) { return text.empty() ? dash : toQString(text); };
    field(0)->setText(details ? orDash(details->displayName) : toQString(details.error().describe()));
    field(1)->setText(details ? orDash(details->organisation) : dash);
    field(2)->setText(details ? orDash(details->title) : dash);
    field(3)->setText(details ? orDash(details->location) : dash);
    QStringList identities;
    if (auto own = workspace->identities(person)) {
        for (const Identity& identity : *own) {
            QString line = toQString(identity.network + ":" + identity.key);
            if (!identity.handle.empty() && identity.handle != identity.key) {
                line += tr(" (%1)").arg(toQString(identity.handle));
            }
            identities.append(line);
        }
    }
    field(4)->setText(joinedOrDash(identities, QStringLiteral("\n")));
    QStringList tags;
    if (auto own = workspace->tagsOf(person)) {
        for (const std::string& tag : *own) {
            tags.append(toQString(tag));
        }
    }
    field(5)->setText(joinedOrDash(tags, QStringLiteral(", ")));
    const int hops = m_session.degreeOf(person);
    field(6)->setText(hops < 0 ? tr("not connected to you") : degreeBadge(hops));
}

void MergeReviewDialog::updateButtons()
{
    const bool any = currentCandidate().has_value();
    for (QPushButton* button : {m_skipButton, m_swapButton}) {
        button->setEnabled(any);
    }
    m_edits->setEnabled(m_mergeButton, any);
    m_edits->setEnabled(m_rejectButton, any);
    m_skipButton->setEnabled(any && m_candidates.size() > 1);
    m_mergeButton->setDefault(any);
}

void MergeReviewDialog::mergeCurrent()
{
    const std::optional<MergeCandidate> candidate = currentCandidate();
    if (!candidate) {
        return;
    }
    auto* command = new MergeCommand(m_session, *candidate);
    if (!m_session.edit(m_undoStack, command)) {  // runs redo(), which reloads the list through indexChanged
        return;
    }
    m_lastError = command->error();
    m_swapped = false;
    reload();
}

void MergeReviewDialog::rejectCurrent()
{
    const std::optional<MergeCandidate> candidate = currentCandidate();
    if (!candidate) {
        return;
    }
    auto* command = new MergeRejectCommand(m_session, *candidate);
    if (!m_session.edit(m_undoStack, command)) {
        return;
    }
    m_lastError = command->error();
    m_swapped = false;
    reload();
}

void MergeReviewDialog::skipCurrent()
{
    if (m_candidates.empty()) {
        return;
    }
    m_swapped = false;
    m_list->setCurrentRow((m_list->currentRow() + 1) % static_cast<int>(m_candidates.size()));
}

void MergeReviewDialog::swapSides()
{
    m_swapped = !m_swapped;
    showCandidate(m_list->currentRow());
}

}  // namespace warmpath::ui
