#include "widgets/ButtonAction.h"

#include <QAbstractButton>
#include <QAction>
#include <QEvent>
#include <QPointer>

namespace warmpath::ui {

namespace {

constexpr const char* kMenuAction = "warmpathMenuAction";

/// Keeps the entry's enabled state with the button's: the views enable and show their buttons as the
/// selection changes, and know nothing of the menus.
class FollowButton final : public QObject {
public:
    FollowButton(QAbstractButton* button, QAction* action) : QObject(action), m_button(button), m_action(action)
    {
        button->installEventFilter(this);
        update();
    }

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == m_button && (event->type() == QEvent::EnabledChange || event->type() == QEvent::ShowToParent ||
                                    event->type() == QEvent::HideToParent)) {
            update();
        }
        return false;
    }

private:
    void update()
    {
        if (m_button != nullptr) {
            m_action->setEnabled(m_button->isEnabled() && !m_button->isHidden());
        }
    }

    QPointer<QAbstractButton> m_button;
    QAction* m_action;
};

}  // namespace

QAction* menuActionFor(QAbstractButton* button, const QString& text, QObject* parent)
{
    auto* action = new QAction(text, parent);
    action->setToolTip(button->toolTip());
    action->setStatusTip(button->toolTip());
    QObject::connect(action, &QAction::triggered, button, [button] {
        if (button->isEnabled()) {
            button->click();
        }
    });
    new FollowButton(button, action);
    button->setProperty(kMenuAction, QVariant::fromValue(action));
    return action;
}

void setMenuActionOf(QAbstractButton* button, QAction* action)
{
    button->setProperty(kMenuAction, QVariant::fromValue(action));
}

QAction* menuActionOf(const QAbstractButton* button)
{
    return button->property(kMenuAction).value<QAction*>();
}

}  // namespace warmpath::ui
