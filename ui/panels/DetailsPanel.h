#pragma once

#include <QWidget>

#include "model/PersonId.h"

class QGridLayout;
class QLabel;
class QStackedWidget;
class QVBoxLayout;

namespace warmpath::ui {

class FlowLayout;
class Session;

/// The right-hand panel: everything known about the selected person — name, organisation, title and
/// location, profiles as links, tags, follow-up and notes. Reads from the session's workspace when a
/// person is shown; holds nothing that could go stale except what is on screen.
class DetailsPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailsPanel)

public:
    explicit DetailsPanel(Session& session, QWidget* parent = nullptr);
    ~DetailsPanel() override;

    /// Shows `id`; shows the placeholder when the workspace does not know them.
    void showPerson(PersonId id);
    /// Shows "N people selected" (N > 1) or, for 0, the "select someone" placeholder.
    void showSelectionCount(int count);
    /// The person shown, or an invalid id when the placeholder is.
    [[nodiscard]] PersonId person() const { return m_person; }
    /// The heading: the person's name, or the placeholder's title.
    [[nodiscard]] QString heading() const;

    [[nodiscard]] QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void showPlaceholder(const QString& title, const QString& text);
    void clearDynamicRows();
    QLabel* addSection(QVBoxLayout* layout, const QString& title);
    void addFollowUpRow(int row, const QString& label, const QString& value, const QString& detail, bool alert = false);
    void applyColours();

    Session& m_session;
    PersonId m_person;

    QStackedWidget* m_pages;
    // Placeholder page.
    QLabel* m_placeholderTitle;
    QLabel* m_placeholderText;
    // Person page.
    QLabel* m_avatar;
    QLabel* m_name;
    QLabel* m_meBadge;
    QLabel* m_subtitle;
    QVBoxLayout* m_profiles;
    QLabel* m_tagsSection;
    QWidget* m_tagsBox;
    FlowLayout* m_tags;
    QGridLayout* m_followUp;
    QLabel* m_notes;
    QLabel* m_ref;
    QList<QLabel*> m_mutedLabels;
};

}  // namespace warmpath::ui
