#include "panels/DetailsPanel.h"

#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

#include <QCalendarWidget>
#include <QComboBox>
#include <QCompleter>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDesktopServices>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStringListModel>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QUrl>
#include <QVBoxLayout>

#include "Format.h"
#include "Session.h"
#include "Workspace.h"
#include "commands/FollowUpCommand.h"
#include "commands/IntroCommand.h"
#include "commands/NoteCommand.h"
#include "commands/TagCommand.h"
#include "models/WarmPathsModel.h"
#include "widgets/EditGate.h"
#include "widgets/FlowLayout.h"
#include "widgets/NetworkBadges.h"
#include "widgets/RoundGlyph.h"

namespace warmpath::ui {

namespace {

constexpr int kAvatarSize = 56;
constexpr int kBadgeSize = 18;
constexpr int kMargin = 20;

/// "Ana Souza" -> "AS"; one letter for one word.
QString initialsOf(const QString& name)
{
    const QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QString initials;
    if (!words.isEmpty()) {
        initials += words.first().left(1);
    }
    if (words.size() > 1) {
        initials += words.last().left(1);
    }
    return initials.toUpper();
}

/// A round avatar with the person's initials on a colour derived from the name, so it stays the same
/// from one run to the next.
QPixmap avatarFor(const QString& name, int size, qreal devicePixelRatio)
{
    const auto hue = static_cast<int>(qHash(name) % 360U);
    return roundLabel(QColor::fromHsl(hue, 120, 118), initialsOf(name), size * 2 / 5, QFont::DemiBold, size,
                      devicePixelRatio);
}

/// What a profile link says, next to the network's name: the handle where the network has one
/// (`@ana.bsky.social`), the key where it is readable (a LinkedIn slug, an email address, a phone
/// number), else the URL without its scheme.
QString profileText(const Identity& identity)
{
    if (!identity.handle.empty()) {
        const QString handle = QString::fromStdString(identity.handle);
        return identity.network == "x" || identity.network == "mastodon" || identity.network == "bsky"
                   ? QLatin1Char('@') + handle
                   : handle;
    }
    if (identity.network == "linkedin" || identity.network == "email" || identity.network == "phone") {
        return QString::fromStdString(identity.key);
    }
    if (!identity.url.empty()) {
        QString url = QString::fromStdString(identity.url);
        for (const QString& prefix : {QStringLiteral("https://"), QStringLiteral("http://"), QStringLiteral("www.")}) {
            if (url.startsWith(prefix)) {
                url.remove(0, prefix.size());
            }
        }
        return url;
    }
    return QString::fromStdString(identity.key);
}

/// Where clicking the profile goes: the profile URL, or mailto:/tel: for addresses without one.
QUrl profileUrl(const Identity& identity)
{
    if (!identity.url.empty()) {
        return QUrl(QString::fromStdString(identity.url));
    }
    if (identity.network == "email") {
        return QUrl(QStringLiteral("mailto:") + QString::fromStdString(identity.key));
    }
    if (identity.network == "phone") {
        return QUrl(QStringLiteral("tel:") + QString::fromStdString(identity.key));
    }
    return {};
}

QLabel* wrappingLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

/// Secondary text on the panel's Base background.
QColor mutedOnBase(const QPalette& palette)
{
    return mutedTextColor(palette, QPalette::Base);
}

}  // namespace

namespace {

constexpr std::size_t kMutualShown = 12;
constexpr int kWeek = 7;
constexpr int kMonth = 30;

/// What the due-date field holds when nothing is planned: QDateEdit cannot be empty, so its lowest
/// date stands for "none" and shows as its special value text.
QDate noDate()
{
    return {1900, 1, 1};
}

/// The due-date field: empty (its placeholder) when nothing is planned, and stepping or opening the
/// calendar from there starts at today rather than at the date that stands for "none".
class OptionalDateEdit final : public QDateEdit {
public:
    explicit OptionalDateEdit(QWidget* parent) : QDateEdit(parent)
    {
        setCalendarPopup(true);
        setMinimumDate(noDate());
        calendarWidget()->installEventFilter(this);
    }

    [[nodiscard]] bool isEmpty() const { return date() == noDate(); }

    void stepBy(int steps) override
    {
        if (isEmpty()) {
            setDate(QDate::currentDate());
            return;
        }
        QDateEdit::stepBy(steps);
    }

protected:
    StepEnabled stepEnabled() const override
    {
        return isEmpty() ? StepEnabled(StepUpEnabled | StepDownEnabled) : QDateEdit::stepEnabled();
    }

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == calendarWidget() && event->type() == QEvent::Show && isEmpty()) {
            const QDate today = QDate::currentDate();
            calendarWidget()->setCurrentPage(today.year(), today.month());
        }
        return QDateEdit::eventFilter(watched, event);
    }
};

/// Deletes everything in `layout`: its widgets and, depth first, the layouts inside it.
void clearLayout(QLayout* layout)
{
    while (QLayoutItem* item = layout->takeAt(0)) {
        if (QLayout* child = item->layout()) {
            clearLayout(child);
        }
        delete item->widget();
        delete item;
    }
}

QDate toQDate(Date date)
{
    return parseIsoDate(formatDate(date));
}

/// "every 90 days", "every week".
QString cadenceText(int days)
{
    if (days == kWeek) {
        return QCoreApplication::translate("DetailsPanel", "every week");
    }
    return QCoreApplication::translate("DetailsPanel", "every %1")
        .arg(formatCount(days, QCoreApplication::translate("DetailsPanel", "day"),
                         QCoreApplication::translate("DetailsPanel", "days")));
}

/// An HTML span in `colour`.
QString coloured(const QString& html, const QColor& colour)
{
    return QStringLiteral("<span style=\"color:%1\">%2</span>").arg(colour.name(), html);
}

}  // namespace

/// What the worker reads for a person's page: the page itself, and every tag of the workspace for the
/// tag field's completion.
struct DetailsPanel::Page {
    PersonDetails details;
    QStringList allTags;
};

DetailsPanel::DetailsPanel(Session& session, QUndoStack& undoStack, QWidget* parent)
    : QWidget(parent),
      m_session(session),
      m_undoStack(undoStack),
      m_edits(new EditGate(session, this)),
      m_pages(new QStackedWidget(this)),
      m_scroll(new QScrollArea(m_pages)),
      m_placeholderTitle(new QLabel(this)),
      m_placeholderText(new QLabel(this)),
      m_avatar(new QLabel(this)),
      m_name(new QLabel(this)),
      m_meBadge(new QLabel(tr("You"), this)),
      m_subtitle(wrappingLabel(this)),
      m_profiles(new QVBoxLayout),
      m_tagsBox(new QWidget(this)),
      m_tags(new FlowLayout(m_tagsBox)),
      m_tagInput(new QLineEdit(m_tagsBox)),
      m_followUp(new QGridLayout),
      m_dueEdit(new OptionalDateEdit(this)),
      m_clearDue(new QToolButton(this)),
      m_cadenceEdit(new QSpinBox(this)),
      m_snoozeButton(new QPushButton(this)),
      m_contactedButton(new QPushButton(tr("Mark contacted"), this)),
      m_connectionsStatus(wrappingLabel(this)),
      m_paths(new QVBoxLayout),
      m_mutual(wrappingLabel(this)),
      m_introsSection(nullptr),
      m_intros(new QVBoxLayout),
      m_notes(new QVBoxLayout),
      m_noteEditor(new QPlainTextEdit(this)),
      m_noteSave(new QPushButton(tr("Add note"), this)),
      m_noteCancel(new QPushButton(tr("Cancel"), this)),
      m_ref(wrappingLabel(this))
{
    setObjectName(QStringLiteral("detailsPanel"));
    setMinimumWidth(300);
    // A sheet of its own beside the table, as inspectors are, in whatever palette the system has.
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);

    // --- placeholder page ------------------------------------------------------------------
    auto* placeholder = new QWidget(m_pages);
    placeholder->setObjectName(QStringLiteral("detailsPlaceholder"));
    auto* placeholderLayout = new QVBoxLayout(placeholder);
    placeholderLayout->setContentsMargins(kMargin, kMargin, kMargin, kMargin);
    placeholderLayout->addStretch();
    QFont placeholderFont = m_placeholderTitle->font();
    placeholderFont.setPointSizeF(placeholderFont.pointSizeF() * 1.15);
    placeholderFont.setWeight(QFont::DemiBold);
    m_placeholderTitle->setFont(placeholderFont);
    m_placeholderTitle->setAlignment(Qt::AlignCenter);
    m_placeholderTitle->setWordWrap(true);
    m_placeholderText->setAlignment(Qt::AlignCenter);
    m_placeholderText->setWordWrap(true);
    m_mutedLabels.append(m_placeholderText);
    placeholderLayout->addWidget(m_placeholderTitle);
    placeholderLayout->addWidget(m_placeholderText);
    placeholderLayout->addStretch();
    m_pages->addWidget(placeholder);

    // --- person page -----------------------------------------------------------------------
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* content = new QWidget(m_scroll);
    content->setAutoFillBackground(false);
    m_scroll->viewport()->setAutoFillBackground(false);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(kMargin, kMargin, kMargin, kMargin);
    layout->setSpacing(6);

    m_avatar->setFixedSize(kAvatarSize, kAvatarSize);
    m_name->setObjectName(QStringLiteral("detailsName"));
    m_name->setWordWrap(true);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.55);
    nameFont.setWeight(QFont::DemiBold);
    m_name->setFont(nameFont);
    m_meBadge->setAlignment(Qt::AlignCenter);
    QFont badgeFont = m_meBadge->font();
    badgeFont.setPointSizeF(badgeFont.pointSizeF() * 0.85);
    badgeFont.setWeight(QFont::DemiBold);
    m_meBadge->setFont(badgeFont);
    m_subtitle->setObjectName(QStringLiteral("detailsSubtitle"));
    m_mutedLabels.append(m_subtitle);

    auto* headingText = new QVBoxLayout;
    headingText->setSpacing(3);
    headingText->addWidget(m_name);
    headingText->addWidget(m_meBadge, 0, Qt::AlignLeft);
    headingText->addWidget(m_subtitle);
    auto* heading = new QHBoxLayout;
    heading->setSpacing(14);
    heading->addWidget(m_avatar, 0, Qt::AlignTop);
    heading->addLayout(headingText, 1);
    heading->setAlignment(headingText, Qt::AlignVCenter);
    layout->addLayout(heading);
    layout->addWidget(editsPausedNote(m_session, this));
    layout->addSpacing(8);

    addSection(layout, tr("Profiles"));
    m_profiles->setSpacing(6);
    layout->addLayout(m_profiles);

    // Tags: chips with a remove button, then a field that adds one (completing existing tags).
    addSection(layout, tr("Tags"));
    layout->addWidget(m_tagsBox);
    m_tagInput->setObjectName(QStringLiteral("tagInput"));
    m_tagInput->setPlaceholderText(tr("Add a tag\u2026"));
    m_tagInput->setToolTip(tr("Type a tag and press Enter"));
    m_tagInput->setFixedWidth(fontMetrics().horizontalAdvance(QStringLiteral("Add a tag\u2026")) + 36);
    auto* completer = new QCompleter(this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_tagInput->setCompleter(completer);
    connect(m_tagInput, &QLineEdit::returnPressed, this, [this] {
        const QString tag = m_tagInput->text().trimmed();
        if (!tag.isEmpty() && addTag(tag)) {
            m_tagInput->clear();
        }
    });
    // In its place from the start: a child of the panel itself would sit at its top-left corner, over
    // the placeholder, until the first person is shown.
    m_tags->addWidget(m_tagInput);
    m_edits->setEnabled(m_tagInput);

    // Follow-up: what stands, then the controls that change it.
    addSection(layout, tr("Follow-up"));
    m_followUp->setHorizontalSpacing(16);
    m_followUp->setVerticalSpacing(6);
    m_followUp->setColumnStretch(1, 1);
    layout->addLayout(m_followUp);
    m_dueEdit->setObjectName(QStringLiteral("dueEdit"));
    m_dueEdit->setDisplayFormat(displayLocale().dateFormat(QLocale::ShortFormat).contains(QLatin1String("yyyy"))
                                    ? displayLocale().dateFormat(QLocale::ShortFormat)
                                    : QStringLiteral("d MMM yyyy"));
    m_dueEdit->setToolTip(tr("When to get in touch next"));
    // Nothing planned shows as this placeholder, never as a date that looks set.
    m_dueEdit->setSpecialValueText(tr("Not planned"));
    connect(m_dueEdit, &QDateEdit::editingFinished, this, &DetailsPanel::commitDueDate);
    connect(m_dueEdit, &QDateEdit::dateChanged, this, [this] {
        // A date picked in the calendar is a decision; typing one is finished with Enter or Tab.
        if (!m_filling && !m_dueEdit->hasFocus()) {
            commitDueDate();
        }
    });
    m_cadenceEdit->setObjectName(QStringLiteral("cadenceEdit"));
    m_cadenceEdit->setRange(0, 3650);
    m_cadenceEdit->setPrefix(tr("every "));
    m_cadenceEdit->setSuffix(tr(" days"));
    m_cadenceEdit->setSpecialValueText(tr("no own cadence"));
    m_cadenceEdit->setToolTip(tr("Keep in touch this often; 0 leaves it to the person's tags"));
    connect(m_cadenceEdit, &QSpinBox::editingFinished, this, &DetailsPanel::commitCadence);
    m_snoozeButton->setObjectName(QStringLiteral("snoozeButton"));
    m_snoozeButton->setText(tr("Snooze"));
    auto* snoozeMenu = new QMenu(m_snoozeButton);
    snoozeMenu->addAction(tr("For a week"), this, [this] { snooze(kWeek); });
    snoozeMenu->addAction(tr("For a month"), this, [this] { snooze(kMonth); });
    m_snoozeButton->setMenu(snoozeMenu);
    m_contactedButton->setObjectName(QStringLiteral("contactedButton"));
    m_contactedButton->setToolTip(tr("Record that you were in touch today; with a cadence, plan the next time"));
    connect(m_contactedButton, &QPushButton::clicked, this, &DetailsPanel::markContacted);
    // The editors, labelled as the rows above are: changing one plans the follow-up.
    m_clearDue->setObjectName(QStringLiteral("clearDue"));
    m_clearDue->setText(QStringLiteral("\u00D7"));
    m_clearDue->setAutoRaise(true);
    m_clearDue->setToolTip(tr("Clear the follow-up date"));
    connect(m_clearDue, &QToolButton::clicked, this, &DetailsPanel::clearDueDate);
    auto* dueRow = new QHBoxLayout;
    dueRow->setSpacing(4);
    dueRow->addWidget(m_dueEdit, 1);
    dueRow->addWidget(m_clearDue);
    auto* editors = new QGridLayout;
    editors->setHorizontalSpacing(16);
    editors->setVerticalSpacing(6);
    editors->setColumnStretch(1, 1);
    auto* nextLabel = new QLabel(tr("Next contact"), this);
    auto* everyLabel = new QLabel(tr("Own cadence"), this);
    m_mutedLabels.append(nextLabel);
    m_mutedLabels.append(everyLabel);
    editors->addWidget(nextLabel, 0, 0);
    editors->addLayout(dueRow, 0, 1);
    editors->addWidget(everyLabel, 1, 0);
    editors->addWidget(m_cadenceEdit, 1, 1);
    auto* actionRow = new QHBoxLayout;
    actionRow->setSpacing(8);
    actionRow->addStretch();
    actionRow->addWidget(m_snoozeButton);
    actionRow->addWidget(m_contactedButton);
    layout->addSpacing(8);
    layout->addLayout(editors);
    layout->addSpacing(2);
    layout->addLayout(actionRow);

    // Introductions asked for: like the follow-up, something waiting on the user.
    m_introsSection = addSection(layout, tr("Introductions"));
    m_intros->setSpacing(8);
    layout->addLayout(m_intros);

    // How you're connected: filled by a worker.
    addSection(layout, tr("How you're connected"));
    m_connectionsStatus->setObjectName(QStringLiteral("connectionsStatus"));
    m_mutedLabels.append(m_connectionsStatus);
    layout->addWidget(m_connectionsStatus);
    // The contacts we share first: asking one of them is the shortest way in when there are any.
    m_mutual->setObjectName(QStringLiteral("mutualContacts"));
    m_mutual->setTextFormat(Qt::RichText);
    m_mutual->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_mutual, &QLabel::linkActivated, this,
            [this](const QString& href) { emit personActivated(PersonId(href.mid(1).toLongLong())); });
    layout->addWidget(m_mutual);
    layout->addSpacing(4);
    m_paths->setSpacing(8);
    layout->addLayout(m_paths);

    addSection(layout, tr("Notes"));
    m_notes->setSpacing(10);
    layout->addLayout(m_notes);
    m_noteEditor->setObjectName(QStringLiteral("noteEditor"));
    m_noteEditor->setPlaceholderText(tr("Write a note\u2026"));
    m_noteEditor->setTabChangesFocus(true);
    m_noteEditor->setFixedHeight(fontMetrics().lineSpacing() * 3 + 14);
    m_noteSave->setObjectName(QStringLiteral("noteSave"));
    m_edits->setEnabled(m_noteSave, false);
    m_noteCancel->setObjectName(QStringLiteral("noteCancel"));
    m_noteCancel->setVisible(false);
    // Writing goes on while edits are paused; saving waits for the long write to end.
    connect(m_noteEditor, &QPlainTextEdit::textChanged, this,
            [this] { m_edits->setEnabled(m_noteSave, !m_noteEditor->toPlainText().trimmed().isEmpty()); });
    connect(m_noteSave, &QPushButton::clicked, this, [this] {
        const QString text = m_noteEditor->toPlainText().trimmed();
        if (text.isEmpty()) {
            return;
        }
        if (m_editingNoteId != 0 ? editNote(m_editingNoteId, text) : addNote(text)) {
            finishEditingNote();
        }
    });
    connect(m_noteCancel, &QPushButton::clicked, this, &DetailsPanel::finishEditingNote);
    auto* noteButtons = new QHBoxLayout;
    noteButtons->addStretch();
    noteButtons->addWidget(m_noteCancel);
    noteButtons->addWidget(m_noteSave);
    layout->addSpacing(4);
    layout->addWidget(m_noteEditor);
    layout->addLayout(noteButtons);

    m_ref->setObjectName(QStringLiteral("detailsRef"));
    m_ref->setToolTip(tr("How to name this person in warmpath-cli commands"));
    m_mutedLabels.append(m_ref);
    layout->addSpacing(18);
    layout->addWidget(m_ref);
    layout->addStretch();

    m_scroll->setWidget(content);
    m_pages->addWidget(m_scroll);

    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_pages);

    // An edit (or its undo) reloads the people; show what the database now says about this person.
    connect(&m_session, &Session::peopleChanged, this, [this] {
        if (m_person.valid()) {
            showPerson(m_person);
        }
    });
    connect(&m_session, &Session::loadingStarted, this, [this] { showSelectionCount(0); });

    applyColours();
    showSelectionCount(0);
}

DetailsPanel::~DetailsPanel() = default;

QSize DetailsPanel::sizeHint() const
{
    return {400, 600};
}

QLabel* DetailsPanel::addSection(QVBoxLayout* layout, const QString& title)
{
    auto* label = new QLabel(title.toUpper(), this);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.8);
    font.setWeight(QFont::Bold);
    font.setLetterSpacing(QFont::PercentageSpacing, 108);
    label->setFont(font);
    m_mutedLabels.append(label);
    layout->addSpacing(14);
    layout->addWidget(label);
    layout->addSpacing(2);
    return label;
}

QString DetailsPanel::heading() const
{
    return m_pages->currentIndex() == 0 ? m_placeholderTitle->text() : m_name->text();
}

QString DetailsPanel::personLink(PersonId id, const QString& name) const
{
    // No underline: a list of names reads as names, and the pointer says they can be clicked.
    return QStringLiteral("<a href=\"#%1\" style=\"text-decoration:none; color:%2\">%3</a>")
        .arg(id.value())
        .arg(palette().color(QPalette::Link).name(), name.toHtmlEscaped());
}

void DetailsPanel::showPlaceholder(const QString& title, const QString& text)
{
    m_person = PersonId();
    m_details.reset();
    m_loading.abandon();  // a page still being read is for nobody now
    m_placeholderTitle->setText(title);
    m_placeholderText->setText(text);
    m_pages->setCurrentIndex(0);
}

void DetailsPanel::showSelectionCount(int count)
{
    if (count > 1) {
        showPlaceholder(tr("%1 people selected").arg(formatCount(count)),
                        tr("Tag them all at once with Edit \u203a Tag selected people. Select one person to see "
                           "their profiles, tags and follow-up."));
    } else {
        showPlaceholder(tr("No one selected"), tr("Select a person in the list to see their details here."));
    }
}

void DetailsPanel::showPerson(PersonId id)
{
    std::shared_ptr<Workspace> workspace = m_session.sharedWorkspace();
    if (!workspace) {
        showSelectionCount(0);
        return;
    }
    if (id != m_person || m_pages->currentIndex() != 1) {
        // Someone else: the heading at once, from what the session already holds; the sections empty
        // until their page arrives, rather than showing the person before.
        finishEditingNote();
        m_person = id;
        m_details.reset();
        if (const PersonSummary* row = m_session.summaryOf(id)) {
            showHeading(row->person);
        } else {
            showHeading(Person{});
        }
        for (QLayout* section : std::initializer_list<QLayout*>{m_profiles, m_followUp, m_intros, m_notes, m_paths}) {
            clearLayout(section);
        }
        fillTags(PersonDetails{}, {});
        // The editors act on the person shown: until their page is read, there is nothing to edit.
        m_filling = true;
        m_shownDue = noDate();
        m_dueEdit->setDate(noDate());
        m_shownOwnCadence.reset();
        m_cadenceEdit->setValue(0);
        m_filling = false;
        for (QWidget* editor :
             std::initializer_list<QWidget*>{m_dueEdit, m_clearDue, m_cadenceEdit, m_snoozeButton, m_contactedButton}) {
            m_edits->setEnabled(editor, false);
        }
        m_introsSection->setVisible(false);
        m_mutual->clear();
        m_mutual->setVisible(false);
        m_connectionsStatus->setText(tr("Reading\u2026"));
        m_connectionsStatus->setVisible(true);
        m_ref->clear();
        m_pages->setCurrentIndex(1);
        m_scroll->verticalScrollBar()->setValue(0);
    }
    // The same person again (an edit, an undo) keeps the page as it is until the new one replaces it.
    auto work = [workspace, id]() -> Result<Page> {
        auto details = workspace->details(id, warmpath::today());
        if (!details) {
            return details.error();
        }
        Page page{.details = std::move(details).value(), .allTags = {}};
        if (auto tags = workspace->tags()) {
            for (const TagInfo& info : *tags) {
                page.allTags.append(toQString(info.name));
            }
        }
        return page;
    };
    m_loading.run(std::move(work), [this](Result<Page> page) {
        if (!page) {
            showPlaceholder(tr("No one selected"), toQString(page.error().describe()));
            return;
        }
        showPage(*page);
        emit personShown();
    });
}

void DetailsPanel::showHeading(const Person& person)
{
    m_displayName = personName(person.displayName);
    m_avatar->setPixmap(avatarFor(m_displayName, kAvatarSize, devicePixelRatioF()));
    m_name->setText(m_displayName);
    m_meBadge->setVisible(person.isMe);
    QStringList facts;
    for (const std::string* fact : {&person.title, &person.organisation, &person.location}) {
        if (!fact->empty()) {
            facts.append(toQString(*fact));
        }
    }
    m_subtitle->setText(facts.join(QStringLiteral(" \u00B7 ")));
    m_subtitle->setVisible(!facts.isEmpty());
}

void DetailsPanel::showPage(const Page& page)
{
    const PersonDetails& details = page.details;
    const int scrolled = m_scroll->verticalScrollBar()->value();
    const bool tagInputHadFocus = m_tagInput->hasFocus();
    m_details = std::make_unique<PersonDetails>(details);
    showHeading(details.person);
    fillProfiles(details);
    fillTags(details, page.allTags);
    fillFollowUp(details);
    fillIntros(details);
    fillNotes(details);
    showConnections(details);
    m_ref->setText(tr("In warmpath-cli: %1").arg(toQString(details.ref)));
    // Rebuilt after an edit: stay where the user was, and let them type the next tag.
    QTimer::singleShot(0, this, [this, scrolled] { m_scroll->verticalScrollBar()->setValue(scrolled); });
    if (tagInputHadFocus) {
        m_tagInput->setFocus();
    }
}

void DetailsPanel::fillProfiles(const PersonDetails& details)
{
    clearLayout(m_profiles);
    const QColor muted = mutedOnBase(palette());
    if (details.identities.empty()) {
        auto* none = new QLabel(tr("No profiles recorded"), this);
        setTextColour(none, muted);
        m_profiles->addWidget(none);
        return;
    }
    for (const Identity& identity : details.identities) {
        auto* row = new QHBoxLayout;
        row->setSpacing(8);
        auto* badge = new QLabel(this);
        badge->setPixmap(networkBadge(identity.network, kBadgeSize, devicePixelRatioF()));
        badge->setFixedSize(kBadgeSize, kBadgeSize);
        badge->setToolTip(networkName(identity.network));
        auto* network = new QLabel(networkName(identity.network), this);
        network->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("Mastodon")) + 4);
        setTextColour(network, muted);
        auto* link = new QLabel(this);
        link->setObjectName(QStringLiteral("profileLink"));
        const QUrl url = profileUrl(identity);
        const QString text = profileText(identity).toHtmlEscaped();
        if (url.isValid() && !url.isEmpty()) {
            link->setText(QStringLiteral("<a href=\"%1\">%2</a>").arg(url.toString(QUrl::FullyEncoded), text));
            link->setToolTip(url.toString());
            link->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
            link->setCursor(Qt::PointingHandCursor);
            connect(link, &QLabel::linkActivated, this,
                    [](const QString& href) { QDesktopServices::openUrl(QUrl(href)); });
        } else {
            link->setText(text);
            link->setTextInteractionFlags(Qt::TextSelectableByMouse);
        }
        link->setTextFormat(Qt::RichText);
        link->setWordWrap(true);  // QLabel wraps anywhere when a word is too long: no clipped addresses
        row->addWidget(badge, 0, Qt::AlignVCenter);
        row->addWidget(network, 0, Qt::AlignVCenter);
        row->addWidget(link, 1, Qt::AlignVCenter);
        m_profiles->addLayout(row);
    }
}

void DetailsPanel::fillTags(const PersonDetails& details, const QStringList& allTags)
{
    // The field is moved out before the chips are deleted, then put back at the end of the flow.
    for (int i = m_tags->count() - 1; i >= 0; --i) {
        if (m_tags->itemAt(i)->widget() == m_tagInput) {
            delete m_tags->takeAt(i);
        }
    }
    m_tags->clear();
    const QPalette& pal = palette();
    QColor chip = pal.color(QPalette::Highlight);
    chip.setAlphaF(isDark(pal) ? 0.32F : 0.14F);
    const QColor border = pal.color(QPalette::Highlight);
    const QString frameStyle =
        QStringLiteral("QFrame#tagChip { background-color: %1; border: 1px solid %2; border-radius: 11px; }"
                       "QLabel { color: %3; background: transparent; }"
                       "QToolButton { border: none; background: transparent; color: %4; padding: 0px; }"
                       "QToolButton:hover { color: %3; }")
            .arg(chip.name(QColor::HexArgb),
                 QColor(border.red(), border.green(), border.blue(), 90).name(QColor::HexArgb),
                 pal.color(QPalette::Text).name(), mutedOnBase(pal).name());
    const std::vector<std::string>& tags = details.tags;
    for (const std::string& tag : tags) {
        const QString name = toQString(tag);
        auto* frame = new QFrame(m_tagsBox);
        frame->setObjectName(QStringLiteral("tagChip"));
        frame->setStyleSheet(frameStyle);
        auto* row = new QHBoxLayout(frame);
        row->setContentsMargins(10, 2, 5, 2);
        row->setSpacing(3);
        auto* label = new QLabel(name, frame);
        label->setObjectName(QStringLiteral("tagName"));
        auto* remove = new QToolButton(frame);
        remove->setObjectName(QStringLiteral("removeTag"));
        remove->setText(QStringLiteral("\u00D7"));
        remove->setToolTip(tr("Remove the tag %1").arg(name));
        remove->setCursor(Qt::PointingHandCursor);
        remove->setAutoRaise(true);
        connect(remove, &QToolButton::clicked, this, [this, name] { removeTag(name); });
        m_edits->setEnabled(remove);
        row->addWidget(label);
        row->addWidget(remove);
        m_tags->addWidget(frame);
    }
    m_tagInput->setStyleSheet(
        QStringLiteral("QLineEdit#tagInput { border: 1px dashed %1; border-radius: 11px; padding: 1px 9px; "
                       "background: transparent; }")
            .arg(pal.color(QPalette::Mid).name()));
    m_tags->addWidget(m_tagInput);
    // Completion offers every tag in the workspace the person does not have yet.
    QStringList known;
    for (const QString& name : allTags) {
        if (std::none_of(tags.begin(), tags.end(), [&](const std::string& own) {
                return QString::compare(toQString(own), name, Qt::CaseInsensitive) == 0;
            })) {
            known.append(name);
        }
    }
    // The completer deletes the list it had when it was its parent.
    m_tagInput->completer()->setModel(new QStringListModel(known, m_tagInput->completer()));
}

void DetailsPanel::fillFollowUp(const PersonDetails& details)
{
    clearLayout(m_followUp);
    const QDate today = QDate::currentDate();
    const std::optional<FollowUpRecord>& record = details.followUp;
    const std::optional<InheritedCadence>& fromTag = details.inheritedCadence;

    int row = 0;
    const QDate due = details.due ? toQDate(details.due->due) : QDate();
    if (due.isValid()) {
        const QDate snoozed = record ? parseIsoDate(record->snoozedUntil) : QDate();
        const bool isSnoozed = snoozed.isValid() && snoozed == due && snoozed > today;
        const int daysLeft = static_cast<int>(today.daysTo(due));
        QString value = isSnoozed ? tr("snoozed until %1").arg(relativeDue(due, today)) : relativeDue(due, today);
        addFollowUpRow(row++, tr("Due"), value, mediumDate(due), daysLeft <= 0 && !isSnoozed);
    } else if (record && record->done) {
        addFollowUpRow(row++, tr("Due"), tr("nothing planned \u2014 done"), {});
    } else {
        addFollowUpRow(row++, tr("Due"), tr("nothing planned"), {});
    }
    QString cadence = tr("none");
    if (record && record->cadenceDays) {
        cadence = cadenceText(*record->cadenceDays);
    } else if (fromTag) {
        cadence = tr("%1, from tag %2").arg(cadenceText(fromTag->days), toQString(fromTag->tag));
    }
    addFollowUpRow(row++, tr("Cadence"), cadence, {});
    const QDate last = record ? parseIsoDate(record->lastContacted) : QDate();
    addFollowUpRow(row++, tr("Last contact"), last.isValid() ? relativePast(last, today) : tr("never"),
                   last.isValid() ? mediumDate(last) : QString());

    // The controls show what is planned; a change to them is an edit (see commitDueDate, commitCadence).
    m_filling = true;
    m_shownDue = due.isValid() ? due : noDate();
    m_dueEdit->setDate(m_shownDue);
    m_dueEdit->setToolTip(due.isValid() ? tr("Due date; change it to plan another day")
                                        : tr("Pick a date to plan a follow-up"));
    // Only a date of their own can be cleared: one a cadence plans comes back from the cadence.
    m_edits->setEnabled(m_clearDue, record && !record->done && !record->dueDate.empty());
    m_shownOwnCadence = record ? record->cadenceDays : std::nullopt;
    m_cadenceEdit->setValue(m_shownOwnCadence.value_or(0));
    m_cadenceEdit->setSpecialValueText(fromTag ? tr("tag: every %1 days").arg(fromTag->days) : tr("no cadence"));
    m_filling = false;
    m_edits->setEnabled(m_dueEdit);
    m_edits->setEnabled(m_cadenceEdit);
    m_edits->setEnabled(m_snoozeButton, due.isValid());
    m_edits->setEnabled(m_contactedButton);
}

void DetailsPanel::fillIntros(const PersonDetails& details)
{
    clearLayout(m_intros);
    const PersonId id = details.person.id;
    int shown = 0;
    for (const IntroRequest& intro : details.introRequests) {
        const bool isTarget = intro.target == id;
        if (!isTarget && intro.introducer != id) {
            continue;
        }
        ++shown;
        const auto nameOf = [&details](PersonId person) {
            for (const NamedPerson& named : details.introPeople) {
                if (named.id == person) {
                    return toQString(named.name);
                }
            }
            return QString();
        };
        QString text;
        if (!isTarget) {
            text = tr("Asked to introduce you to %1").arg(personLink(intro.target, nameOf(intro.target)));
        } else if (intro.introducer) {
            text = tr("Via %1").arg(personLink(*intro.introducer, nameOf(*intro.introducer)));
        } else {
            text = tr("Introduction");
        }
        const QDate updated = parseIsoDate(intro.updatedAt.substr(0, 10));
        if (updated.isValid()) {
            text += coloured(QStringLiteral(" \u00B7 %1").arg(mediumDate(updated)), mutedOnBase(palette()));
        }
        auto* row = new QHBoxLayout;
        row->setSpacing(8);
        auto* label = new QLabel(text, this);
        label->setObjectName(QStringLiteral("introLabel"));
        label->setTextFormat(Qt::RichText);
        label->setWordWrap(true);
        label->setToolTip(toQString(intro.message));
        connect(label, &QLabel::linkActivated, this,
                [this](const QString& href) { emit personActivated(PersonId(href.mid(1).toLongLong())); });
        auto* status = new QComboBox(this);
        status->setObjectName(QStringLiteral("introStatus"));
        for (IntroStatus s : {IntroStatus::Draft, IntroStatus::Asked, IntroStatus::Introduced, IntroStatus::Declined}) {
            status->addItem(IntroCommand::statusName(s), static_cast<int>(s));
        }
        status->setCurrentIndex(status->findData(static_cast<int>(intro.status)));
        const std::int64_t introId = intro.id;
        connect(status, &QComboBox::activated, this, [this, status, introId] {
            setIntroStatus(introId, static_cast<IntroStatus>(status->currentData().toInt()));
        });
        m_edits->setEnabled(status);
        row->addWidget(label, 1);
        row->addWidget(status, 0, Qt::AlignTop);
        m_intros->addLayout(row);
    }
    m_introsSection->setVisible(shown > 0);
}

void DetailsPanel::fillNotes(const PersonDetails& details)
{
    clearLayout(m_notes);
    const std::vector<Note>& notes = details.notes;
    const QColor muted = mutedOnBase(palette());
    if (notes.empty()) {
        auto* none = new QLabel(tr("No notes yet"), this);
        none->setObjectName(QStringLiteral("noNotes"));
        setTextColour(none, muted);
        m_notes->addWidget(none);
        return;
    }
    // Newest first: the last conversation is what one wants to remember before the next.
    for (auto it = notes.rbegin(); it != notes.rend(); ++it) {
        const Note& note = *it;
        auto* card = new QFrame(this);
        card->setObjectName(QStringLiteral("noteCard"));
        QColor fill = palette().color(QPalette::AlternateBase);
        card->setStyleSheet(
            QStringLiteral("QFrame#noteCard { background-color: %1; border-radius: 6px; }").arg(fill.name()));
        auto* cardLayout = new QVBoxLayout(card);
        cardLayout->setContentsMargins(10, 8, 10, 8);
        cardLayout->setSpacing(4);
        auto* text = new QLabel(toQString(note.text), card);
        text->setObjectName(QStringLiteral("noteText"));
        text->setWordWrap(true);
        text->setTextFormat(Qt::PlainText);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        const QDate created = parseIsoDate(note.createdAt.substr(0, 10));
        auto* footer = new QLabel(card);
        footer->setTextFormat(Qt::RichText);
        footer->setText(coloured(created.isValid() ? mediumDate(created) : QString(), muted) +
                        QStringLiteral(" \u00B7 <a href=\"edit\" style=\"text-decoration:none; color:%1\">%2</a>")
                            .arg(palette().color(QPalette::Link).name(), tr("Edit")));
        footer->setObjectName(QStringLiteral("noteFooter"));
        const std::int64_t noteId = note.id;
        const QString noteText = toQString(note.text);
        connect(footer, &QLabel::linkActivated, this, [this, noteId, noteText] { startEditingNote(noteId, noteText); });
        cardLayout->addWidget(text);
        cardLayout->addWidget(footer);
        m_notes->addWidget(card);
    }
}

void DetailsPanel::addFollowUpRow(int row, const QString& label, const QString& value, const QString& detail,
                                  bool alert)
{
    auto* name = new QLabel(label, this);
    setTextColour(name, mutedOnBase(palette()));
    QString text = value.toHtmlEscaped();
    if (alert) {
        text = QStringLiteral("<span style=\"color:%1; font-weight:600\">%2</span>")
                   .arg(overdueColor(palette()).name(), text);
    }
    if (!detail.isEmpty()) {
        text += coloured(QStringLiteral(" \u00B7 %1").arg(detail.toHtmlEscaped()), mutedOnBase(palette()));
    }
    auto* content = new QLabel(text, this);
    content->setObjectName(QStringLiteral("followUp%1").arg(row));
    content->setTextFormat(Qt::RichText);
    content->setWordWrap(true);
    m_followUp->addWidget(name, row, 0, Qt::AlignTop);
    m_followUp->addWidget(content, row, 1, Qt::AlignTop);
}

// --- How you're connected ----------------------------------------------------------------------

void DetailsPanel::showConnections(const PersonDetails& details)
{
    clearLayout(m_paths);
    const QColor muted = mutedOnBase(palette());
    m_mutual->clear();
    m_mutual->setVisible(false);
    if (details.person.isMe) {
        m_connectionsStatus->setText(tr("This is you: everyone else's paths start here."));
        m_connectionsStatus->setVisible(true);
        return;
    }
    const std::optional<WarmPathsAnswer>& paths = details.paths;
    const std::vector<NamedPerson>& mutual = details.mutualContacts;
    const bool hasPaths = paths && !paths->paths.empty();
    if (!hasPaths) {
        m_connectionsStatus->setText(tr("No path from you to %1 in your network yet.").arg(m_displayName));
        m_connectionsStatus->setVisible(true);
    } else {
        const int degree = paths->degree.value_or(0);
        const bool warmestIsLonger = paths->paths.front().hops > degree;
        const QString hops = formatCount(degree, tr("hop"), tr("hops"));
        m_connectionsStatus->setText(degree <= 1 && !warmestIsLonger ? tr("You are directly connected.")
                                     : warmestIsLonger
                                         ? tr("%1 from you at the shortest. The warmest ways in are longer, but "
                                              "through warmer links:")
                                               .arg(hops)
                                         : tr("%1 from you. The warmest ways in:").arg(hops));
        m_connectionsStatus->setVisible(true);
        int number = 0;
        for (const WarmPathView& path : paths->paths) {
            ++number;
            auto* card = new QFrame(this);
            card->setObjectName(QStringLiteral("pathCard"));
            card->setStyleSheet(QStringLiteral("QFrame#pathCard { border: 1px solid %1; border-radius: 6px; }")
                                    .arg(palette().color(QPalette::Mid).name()));
            auto* cardLayout = new QVBoxLayout(card);
            cardLayout->setContentsMargins(10, 8, 10, 8);
            cardLayout->setSpacing(5);
            auto* title = new QLabel(card);
            title->setTextFormat(Qt::RichText);
            title->setText(QStringLiteral("<b>%1</b> %2")
                               .arg(number == 1 ? tr("Warmest path") : tr("Path %1").arg(number),
                                    coloured(tr("\u00B7 %1 \u00B7 warmth %2")
                                                 .arg(formatCount(path.hops, tr("hop"), tr("hops")))
                                                 .arg(formatScore(path.warmth))
                                                 .toHtmlEscaped(),  // "<0.01"
                                             muted)));
            cardLayout->addWidget(title);
            // One line per person along the way, each saying how they are linked to the one before:
            // "→ Bo Chen · connected, both ways". Where the link came from is in the line's tooltip.
            auto* start = new QLabel(tr("You"), card);
            start->setObjectName(QStringLiteral("pathStart"));
            cardLayout->addWidget(start);
            for (const PathLinkView& link : path.links) {
                QStringList files;
                for (const std::string& source : link.sources) {
                    files.append(toQString(source));
                }
                const QString how = PathHopsModel::kindText(link.kind) + QStringLiteral(", ") +
                                    (link.mutual ? tr("both ways") : tr("one way"));
                auto* hop = new QLabel(card);
                hop->setObjectName(QStringLiteral("pathHop"));
                hop->setTextFormat(Qt::RichText);
                hop->setWordWrap(true);
                hop->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
                hop->setText(QStringLiteral("%1 %2 %3")
                                 .arg(coloured(QStringLiteral("\u2192"), muted),
                                      personLink(link.to.id, personName(link.to.name)),
                                      coloured(QStringLiteral("\u00B7 ") + how.toHtmlEscaped(), muted)));
                hop->setToolTip(files.isEmpty() ? how : tr("%1\nfrom %2").arg(how, files.join(QStringLiteral(", "))));
                connect(hop, &QLabel::linkActivated, this,
                        [this](const QString& href) { emit personActivated(PersonId(href.mid(1).toLongLong())); });
                cardLayout->addWidget(hop);
            }
            if (!path.links.empty() && !path.links.front().sources.empty()) {
                QStringList files;
                for (const std::string& source : path.links.front().sources) {
                    files.append(toQString(source));
                }
                auto* from = new QLabel(card);
                from->setWordWrap(true);
                from->setTextFormat(Qt::RichText);
                from->setText(
                    coloured(tr("Your link from %1").arg(files.join(QStringLiteral(", "))).toHtmlEscaped(), muted));
                cardLayout->addWidget(from);
            }
            m_paths->addWidget(card);
        }
    }
    if (!mutual.empty()) {
        QStringList names;
        for (std::size_t i = 0; i < mutual.size() && i < kMutualShown; ++i) {
            names.append(personLink(mutual[i].id, personName(mutual[i].name)));
        }
        QString text =
            QStringLiteral("<b>%1</b><br>%2")
                .arg(tr("%1 in common")
                         .arg(formatCount(static_cast<std::int64_t>(mutual.size()), tr("contact"), tr("contacts"))),
                     names.join(QStringLiteral(", ")));
        if (mutual.size() > kMutualShown) {
            text += coloured(
                tr(" and %1 more").arg(formatCount(static_cast<std::int64_t>(mutual.size() - kMutualShown))), muted);
        }
        m_mutual->setText(text);
        m_mutual->setVisible(true);
    } else if (hasPaths) {
        m_mutual->setText(coloured(tr("No contacts in common."), muted));
        m_mutual->setVisible(true);
    }
}

// --- edits -------------------------------------------------------------------------------------

bool DetailsPanel::addTag(const QString& tag)
{
    return m_person.valid() && !tag.trimmed().isEmpty() &&
           m_session.edit(m_undoStack, new TagCommand(m_session, {m_person}, {tag.trimmed()}, TagCommand::Action::Add));
}

void DetailsPanel::removeTag(const QString& tag)
{
    if (m_person.valid()) {
        m_session.edit(m_undoStack, new TagCommand(m_session, {m_person}, {tag}, TagCommand::Action::Remove));
    }
}

bool DetailsPanel::addNote(const QString& text)
{
    return m_person.valid() && !text.trimmed().isEmpty() &&
           m_session.edit(m_undoStack, new NoteCommand(m_session, m_person, text.trimmed()));
}

bool DetailsPanel::editNote(std::int64_t noteId, const QString& text)
{
    if (!m_person.valid() || !m_details || text.trimmed().isEmpty()) {
        return false;
    }
    QString previous;
    for (const Note& note : m_details->notes) {
        if (note.id == noteId) {
            previous = toQString(note.text);
        }
    }
    if (previous.isNull() || previous == text.trimmed()) {
        return previous == text.trimmed();  // nothing changed: done; not this person's note: not done
    }
    return m_session.edit(m_undoStack, new EditNoteCommand(m_session, noteId, previous, text.trimmed()));
}

void DetailsPanel::scheduleFollowUp(QDate due)
{
    if (due.isValid()) {
        m_shownDue = due;
        editFollowUp(
            {.kind = FollowUpCommand::Edit::Kind::Schedule, .due = due, .cadenceDays = std::nullopt, .snoozeDays = 0});
    }
}

void DetailsPanel::clearDueDate()
{
    m_shownDue = noDate();
    editFollowUp(
        {.kind = FollowUpCommand::Edit::Kind::ClearDue, .due = {}, .cadenceDays = std::nullopt, .snoozeDays = 0});
}

void DetailsPanel::setOwnCadence(std::optional<int> days)
{
    m_shownOwnCadence = days;
    editFollowUp({.kind = FollowUpCommand::Edit::Kind::SetCadence, .due = {}, .cadenceDays = days, .snoozeDays = 0});
}

void DetailsPanel::snooze(int days)
{
    editFollowUp(
        {.kind = FollowUpCommand::Edit::Kind::Snooze, .due = {}, .cadenceDays = std::nullopt, .snoozeDays = days});
}

void DetailsPanel::markContacted()
{
    editFollowUp(
        {.kind = FollowUpCommand::Edit::Kind::MarkContacted, .due = {}, .cadenceDays = std::nullopt, .snoozeDays = 0});
}

void DetailsPanel::editFollowUp(const FollowUpCommand::Edit& edit)
{
    if (!m_person.valid()) {
        return;
    }
    if (!m_session.edit(m_undoStack, new FollowUpCommand(m_session, m_person, m_displayName, edit)) && m_details) {
        // Refused (a long write holds the writer): the section and its editors say what is stored again,
        // not a change that was never saved.
        fillFollowUp(*m_details);
    }
}

void DetailsPanel::setIntroStatus(std::int64_t introId, IntroStatus status)
{
    if (!m_details) {
        return;
    }
    for (const IntroRequest& intro : m_details->introRequests) {
        if (intro.id == introId && intro.status != status) {
            QString target;
            for (const NamedPerson& named : m_details->introPeople) {
                if (named.id == intro.target) {
                    target = personName(named.name);
                }
            }
            m_session.edit(m_undoStack, new IntroCommand(m_session, introId, intro.status, status, target));
        }
    }
}

void DetailsPanel::commitDueDate()
{
    if (m_filling || !m_person.valid()) {
        return;
    }
    const QDate date = m_dueEdit->date();
    if (date.isValid() && date != noDate() && date != m_shownDue) {
        scheduleFollowUp(date);
    }
}

void DetailsPanel::commitCadence()
{
    if (m_filling || !m_person.valid()) {
        return;
    }
    const int value = m_cadenceEdit->value();
    const std::optional<int> wanted = value > 0 ? std::optional<int>(value) : std::nullopt;
    if (wanted != m_shownOwnCadence) {
        setOwnCadence(wanted);
    }
}

void DetailsPanel::startEditingNote(std::int64_t noteId, const QString& text)
{
    m_editingNoteId = noteId;
    m_noteEditor->setPlainText(text);
    m_noteSave->setText(tr("Save note"));
    m_noteCancel->setVisible(true);
    m_noteEditor->setFocus();
    m_scroll->ensureWidgetVisible(m_noteSave);
}

void DetailsPanel::finishEditingNote()
{
    m_editingNoteId = 0;
    m_noteEditor->clear();
    m_noteSave->setText(tr("Add note"));
    m_noteCancel->setVisible(false);
}

// --- painting ----------------------------------------------------------------------------------

void DetailsPanel::paintEvent(QPaintEvent* event)
{
    QWidget::paintEvent(event);
    QPainter painter(this);
    painter.fillRect(QRect(0, 0, 1, height()), palette().color(QPalette::Mid));
}

void DetailsPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyColours();
        if (m_person.valid()) {
            showPerson(m_person);
        }
    }
}

void DetailsPanel::applyColours()
{
    const QColor muted = mutedOnBase(palette());
    for (QLabel* label : std::as_const(m_mutedLabels)) {
        setTextColour(label, muted);
    }
    const QColor accent = palette().color(QPalette::Highlight);
    m_meBadge->setStyleSheet(
        QStringLiteral("QLabel { background-color: %1; color: %2; border-radius: 8px; padding: 1px 8px; }")
            .arg(accent.name(), palette().color(QPalette::HighlightedText).name()));
}

}  // namespace warmpath::ui
