#include "panels/DetailsPanel.h"

#include <QDesktopServices>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QScrollArea>
#include <QStackedWidget>
#include <QUrl>
#include <QVBoxLayout>

#include "Format.h"
#include "Session.h"
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

DetailsPanel::DetailsPanel(Session& session, QWidget* parent)
    : QWidget(parent),
      m_session(session),
      m_pages(new QStackedWidget(this)),
      m_placeholderTitle(new QLabel(this)),
      m_placeholderText(new QLabel(this)),
      m_avatar(new QLabel(this)),
      m_name(new QLabel(this)),
      m_meBadge(new QLabel(tr("You"), this)),
      m_subtitle(wrappingLabel(this)),
      m_profiles(new QVBoxLayout),
      m_tagsSection(nullptr),
      m_tagsBox(new QWidget(this)),
      m_tags(new FlowLayout(m_tagsBox)),
      m_followUp(new QGridLayout),
      m_notes(wrappingLabel(this)),
      m_ref(wrappingLabel(this))
{
    setObjectName(QStringLiteral("detailsPanel"));
    setMinimumWidth(280);
    // A sheet of its own beside the table, as inspectors are, in whatever palette the system has.
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);

    // --- placeholder page ------------------------------------------------------------------
    auto* placeholder = new QWidget(m_pages);
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
    auto* scroll = new QScrollArea(m_pages);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* content = new QWidget(scroll);
    content->setAutoFillBackground(false);
    scroll->viewport()->setAutoFillBackground(false);
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
    layout->addSpacing(8);

    addSection(layout, tr("Profiles"));
    m_profiles->setSpacing(6);
    layout->addLayout(m_profiles);

    m_tagsSection = addSection(layout, tr("Tags"));
    layout->addWidget(m_tagsBox);

    addSection(layout, tr("Follow-up"));
    m_followUp->setHorizontalSpacing(16);
    m_followUp->setVerticalSpacing(6);
    m_followUp->setColumnStretch(1, 1);
    layout->addLayout(m_followUp);

    addSection(layout, tr("Notes"));
    m_notes->setObjectName(QStringLiteral("detailsNotes"));
    layout->addWidget(m_notes);

    m_ref->setObjectName(QStringLiteral("detailsRef"));
    m_ref->setToolTip(tr("How to name this person in warmpath-cli commands"));
    m_mutedLabels.append(m_ref);
    layout->addSpacing(18);
    layout->addWidget(m_ref);
    layout->addStretch();

    scroll->setWidget(content);
    m_pages->addWidget(scroll);

    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_pages);

    applyColours();
    showSelectionCount(0);
}

DetailsPanel::~DetailsPanel() = default;

QSize DetailsPanel::sizeHint() const
{
    return {380, 600};
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
    layout->addSpacing(12);
    layout->addWidget(label);
    layout->addSpacing(2);
    return label;
}

QString DetailsPanel::heading() const
{
    return m_pages->currentIndex() == 0 ? m_placeholderTitle->text() : m_name->text();
}

void DetailsPanel::showPlaceholder(const QString& title, const QString& text)
{
    m_person = PersonId();
    m_placeholderTitle->setText(title);
    m_placeholderText->setText(text);
    m_pages->setCurrentIndex(0);
}

void DetailsPanel::showSelectionCount(int count)
{
    if (count > 1) {
        showPlaceholder(tr("%1 people selected").arg(formatCount(count)),
                        tr("Select one person to see their profiles, tags and follow-up."));
    } else {
        showPlaceholder(tr("No one selected"), tr("Select a person in the list to see their details here."));
    }
}

void DetailsPanel::clearDynamicRows()
{
    while (QLayoutItem* item = m_profiles->takeAt(0)) {
        if (QLayout* row = item->layout()) {
            while (QLayoutItem* child = row->takeAt(0)) {
                delete child->widget();
                delete child;
            }
        }
        delete item->widget();
        delete item;
    }
    while (QLayoutItem* item = m_followUp->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_tags->clear();
}

void DetailsPanel::showPerson(PersonId id)
{
    Workspace* workspace = m_session.workspace();
    if (!workspace) {
        showSelectionCount(0);
        return;
    }
    auto person = workspace->person(id);
    if (!person) {
        showSelectionCount(0);
        return;
    }
    m_person = id;
    clearDynamicRows();
    const QPalette& pal = palette();
    const QColor muted = mutedOnBase(pal);

    // Heading.
    const QString name = toQString(person->displayName);
    m_avatar->setPixmap(avatarFor(name, kAvatarSize, devicePixelRatioF()));
    m_name->setText(name);
    m_meBadge->setVisible(person->isMe);
    QStringList facts;
    for (const std::string* fact : {&person->organisation, &person->title, &person->location}) {
        if (!fact->empty()) {
            facts.append(toQString(*fact));
        }
    }
    m_subtitle->setText(facts.join(QStringLiteral(" \u00B7 ")));
    m_subtitle->setVisible(!facts.isEmpty());

    // Profiles.
    const auto identities = workspace->identities(id);
    if (identities && !identities->empty()) {
        for (const Identity& identity : *identities) {
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
    } else {
        auto* none = new QLabel(tr("No profiles recorded"), this);
        setTextColour(none, muted);
        m_profiles->addWidget(none);
    }

    // Tags.
    const auto tags = workspace->tagsOf(id);
    const bool hasTags = tags && !tags->empty();
    if (hasTags) {
        QColor chip = pal.color(QPalette::Highlight);
        chip.setAlphaF(isDark(pal) ? 0.32F : 0.14F);
        const QColor border = pal.color(QPalette::Highlight);
        const QString style =
            QStringLiteral("QLabel { background-color: %1; color: %2; border: 1px solid %3; border-radius: 10px; "
                           "padding: 2px 10px; }")
                .arg(chip.name(QColor::HexArgb), pal.color(QPalette::Text).name(),
                     QColor(border.red(), border.green(), border.blue(), 90).name(QColor::HexArgb));
        for (const std::string& tag : *tags) {
            auto* label = new QLabel(toQString(tag), m_tagsBox);
            label->setObjectName(QStringLiteral("tagChip"));
            label->setStyleSheet(style);
            m_tags->addWidget(label);
        }
    }
    m_tagsSection->setVisible(hasTags);
    m_tagsBox->setVisible(hasTags);

    // Follow-up.
    const QDate today = QDate::currentDate();
    const auto followUp = workspace->followUp(id);
    int row = 0;
    if (followUp && followUp->has_value()) {
        const FollowUpRecord& record = **followUp;
        const QDate due = parseIsoDate(record.dueDate);
        const QDate snoozed = parseIsoDate(record.snoozedUntil);
        if (record.done) {
            addFollowUpRow(row++, tr("Due"), tr("Done"), {});
        } else if (snoozed.isValid() && (!due.isValid() || snoozed > due)) {
            addFollowUpRow(row++, tr("Due"), tr("snoozed until %1").arg(relativeDue(snoozed, today)),
                           mediumDate(snoozed));
        } else if (due.isValid()) {
            addFollowUpRow(row++, tr("Due"), relativeDue(due, today), mediumDate(due), due < today);
        } else {
            addFollowUpRow(row++, tr("Due"), tr("not scheduled"), {});
        }
        addFollowUpRow(row++, tr("Cadence"),
                       record.cadenceDays ? tr("every %1").arg(formatCount(*record.cadenceDays, tr("day"), tr("days")))
                                          : tr("none"),
                       {});
        const QDate last = parseIsoDate(record.lastContacted);
        addFollowUpRow(row++, tr("Last contacted"), last.isValid() ? relativePast(last, today) : tr("never"),
                       last.isValid() ? mediumDate(last) : QString());
    } else {
        auto* none = new QLabel(tr("No follow-up planned"), this);
        setTextColour(none, muted);
        m_followUp->addWidget(none, 0, 0, 1, 2);
    }

    // Notes.
    m_notes->setText(person->notesCount == 0 ? tr("No notes yet")
                                             : formatCount(person->notesCount, tr("note"), tr("notes")));
    setTextColour(m_notes, person->notesCount == 0 ? muted : pal.color(QPalette::Text));

    const auto ref = workspace->refOf(id);
    m_ref->setText(ref ? tr("In warmpath-cli: %1").arg(toQString(*ref)) : QString());

    m_pages->setCurrentIndex(1);
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
        text += QStringLiteral(" <span style=\"color:%1\">\u00B7 %2</span>")
                    .arg(mutedOnBase(palette()).name(), detail.toHtmlEscaped());
    }
    auto* content = new QLabel(text, this);
    content->setTextFormat(Qt::RichText);
    content->setWordWrap(true);
    m_followUp->addWidget(name, row, 0, Qt::AlignTop);
    m_followUp->addWidget(content, row, 1, Qt::AlignTop);
}

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
