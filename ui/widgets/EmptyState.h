#pragma once

#include <QList>
#include <QWidget>

class QAction;
class QHBoxLayout;
class QLabel;

namespace warmpath::ui {

/// What a view shows when it has nothing to show: an icon, a heading, a line of explanation and buttons
/// for the actions that would fill it.
class EmptyState final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyState)

public:
    explicit EmptyState(QWidget* parent = nullptr);
    ~EmptyState() override;

    void setIcon(const QIcon& icon);
    /// `text` may hold simple rich text (<b>, <code>).
    void setContent(const QString& title, const QString& text);
    /// One button per action, triggering it; replaces the previous buttons.
    void setActions(const QList<QAction*>& actions);
    [[nodiscard]] QString title() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyColours();

    QLabel* m_icon;
    QLabel* m_title;
    QLabel* m_text;
    QHBoxLayout* m_buttons;
};

}  // namespace warmpath::ui
