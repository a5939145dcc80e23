#include "widgets/EmptyState.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "Format.h"
#include "widgets/ButtonAction.h"

namespace warmpath::ui {

namespace {

constexpr int kIconSize = 72;

}  // namespace

EmptyState::EmptyState(QWidget* parent)
    : QWidget(parent),
      m_icon(new QLabel(this)),
      m_title(new QLabel(this)),
      m_text(new QLabel(this)),
      m_buttons(new QHBoxLayout)
{
    m_icon->setAlignment(Qt::AlignCenter);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    m_title->setObjectName(QStringLiteral("emptyStateTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_buttons->setSpacing(8);

    // A column of readable width, centred: the labels inside wrap to it (a word-wrapped label given an
    // alignment in a layout would not get the height it needs for its lines).
    auto* column = new QWidget(this);
    column->setMaximumWidth(480);
    auto* columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->setSpacing(10);
    columnLayout->addWidget(m_icon);
    columnLayout->addSpacing(6);
    columnLayout->addWidget(m_title);
    columnLayout->addWidget(m_text);
    columnLayout->addSpacing(8);
    auto* buttonRow = new QHBoxLayout;
    buttonRow->addStretch();
    buttonRow->addLayout(m_buttons);
    buttonRow->addStretch();
    columnLayout->addLayout(buttonRow);

    auto* centre = new QHBoxLayout;
    centre->addStretch(1);
    centre->addWidget(column, 4);
    centre->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 32, 32, 32);
    layout->addStretch(3);
    layout->addLayout(centre);
    layout->addStretch(4);

    applyColours();
}

EmptyState::~EmptyState() = default;

void EmptyState::setIcon(const QIcon& icon)
{
    m_icon->setPixmap(icon.pixmap(QSize(kIconSize, kIconSize), devicePixelRatioF()));
    m_icon->setVisible(!icon.isNull());
}

void EmptyState::setContent(const QString& title, const QString& text)
{
    m_title->setText(title);
    m_text->setText(text);
    m_text->setVisible(!text.isEmpty());
}

void EmptyState::setActions(const QList<QAction*>& actions)
{
    while (QLayoutItem* item = m_buttons->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (QAction* action : actions) {
        if (!action) {
            continue;
        }
        auto* button = new QPushButton(action->text(), this);
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        setMenuActionOf(button, action);  // the window puts these actions in its menus
        m_buttons->addWidget(button);
        if (m_buttons->count() == 1) {
            button->setDefault(true);
        }
    }
}

QString EmptyState::title() const
{
    return m_title->text();
}

void EmptyState::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyColours();
    }
}

void EmptyState::applyColours()
{
    setMutedText(m_text);
}

}  // namespace warmpath::ui
