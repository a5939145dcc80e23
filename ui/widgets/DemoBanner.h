#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace warmpath::ui {

/// The strip across the top of the window while the demo network is shown: says that nothing is saved
/// and offers to start a real database. Amber in light and dark palettes alike, with text colours
/// chosen for each so it reads in both.
class DemoBanner final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoBanner)

public:
    explicit DemoBanner(QWidget* parent = nullptr);
    ~DemoBanner() override;

signals:
    void startOwnDatabaseRequested();

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void applyColours();

    QLabel* m_icon;
    QLabel* m_text;
    QPushButton* m_button;
};

}  // namespace warmpath::ui
