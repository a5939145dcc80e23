#include "widgets/EditGate.h"

#include <QAction>
#include <QActionGroup>
#include <QLabel>
#include <QVariant>
#include <QWidget>

#include "Format.h"
#include "Session.h"

namespace warmpath::ui {

namespace {

/// Where a gated widget keeps whether its owner wants it enabled.
constexpr const char* kWanted = "warmpathEditWanted";

}  // namespace

EditGate::EditGate(Session& session, QObject* parent)
    : QObject(parent), m_session(session), m_actions(new QActionGroup(this))
{
    m_actions->setExclusionPolicy(QActionGroup::ExclusionPolicy::None);
    connect(&m_session, &Session::editingChanged, this, &EditGate::update);
    update();
}

EditGate::~EditGate() = default;

bool EditGate::isOpen() const
{
    // Without a workspace the controls' own rules disable them; the gate closes only for a long write.
    return !m_session.isWriterHeld();
}

void EditGate::add(QAction* action)
{
    m_actions->addAction(action);
}

void EditGate::setEnabled(QWidget* widget, bool wanted)
{
    if (!widget->property(kWanted).isValid()) {
        // The details panel gates the buttons of each page it fills: forget those of pages gone.
        std::erase_if(m_widgets, [](const QPointer<QWidget>& gated) { return gated.isNull(); });
        m_widgets.emplace_back(widget);
    }
    widget->setProperty(kWanted, wanted);
    apply(widget);
}

void EditGate::apply(QWidget* widget) const
{
    widget->setEnabled(widget->property(kWanted).toBool() && isOpen());
}

void EditGate::update()
{
    m_actions->setEnabled(isOpen());
    std::erase_if(m_widgets, [](const QPointer<QWidget>& widget) { return widget.isNull(); });
    for (const QPointer<QWidget>& widget : m_widgets) {
        apply(widget);
    }
}

QLabel* editsPausedNote(Session& session, QWidget* parent)
{
    auto* note = new QLabel(parent);
    note->setObjectName(QStringLiteral("editsPausedNote"));
    note->setWordWrap(true);
    setTextColour(note, overdueColor(parent->palette()));
    const auto update = [note, &session] {
        const QString reason = session.editsPausedReason();
        note->setText(reason);
        note->setVisible(!reason.isEmpty());
    };
    QObject::connect(&session, &Session::editingChanged, note, update);
    update();
    return note;
}

}  // namespace warmpath::ui
