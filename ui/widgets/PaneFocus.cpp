#include "widgets/PaneFocus.h"

#include <QWidget>

namespace warmpath::ui {

namespace {

bool takesTab(const QWidget* widget)
{
    return (widget->focusPolicy() & Qt::TabFocus) != 0 && widget->isVisible() && widget->isEnabled() &&
           widget->focusProxy() == nullptr;
}

bool inside(const QWidget* area, const QWidget* widget)
{
    return widget == area || area->isAncestorOf(widget);
}

/// The innermost pane holding `widget` (the map beside the path finder is inside the path finder's
/// view), or -1.
qsizetype paneOf(const QList<Pane>& panes, const QWidget* widget)
{
    qsizetype found = -1;
    for (qsizetype i = 0; i < panes.size(); ++i) {
        if (inside(panes[i].area, widget) && (found < 0 || panes[found].area->isAncestorOf(panes[i].area))) {
            found = i;
        }
    }
    return found;
}

/// The next (or previous) widget in Qt's focus chain that Tab could give the focus to.
QWidget* chained(QWidget* from, bool next)
{
    for (QWidget* w = next ? from->nextInFocusChain() : from->previousInFocusChain(); w != nullptr && w != from;
         w = next ? w->nextInFocusChain() : w->previousInFocusChain()) {
        if (takesTab(w)) {
            return w;
        }
    }
    return nullptr;
}

/// What Tab lands on in `pane`: its list or map, else its first control.
QWidget* entry(const QList<Pane>& panes, qsizetype index)
{
    const Pane& pane = panes[index];
    if (pane.primary != nullptr && takesTab(pane.primary)) {
        return pane.primary;
    }
    for (QWidget* w = pane.area->nextInFocusChain(); w != nullptr && w != pane.area; w = w->nextInFocusChain()) {
        if (takesTab(w) && paneOf(panes, w) == index) {
            return w;
        }
    }
    return nullptr;
}

}  // namespace

QWidget* paneFocusTarget(const QList<Pane>& panes, QWidget* focus, bool next)
{
    if (focus == nullptr) {
        return nullptr;
    }
    const qsizetype current = paneOf(panes, focus);
    if (current < 0) {
        return nullptr;
    }
    if (focus != panes[current].primary) {
        QWidget* candidate = chained(focus, next);
        if (candidate != nullptr && paneOf(panes, candidate) == current && candidate != panes[current].primary) {
            return candidate;
        }
        if (candidate == panes[current].primary && next) {
            return candidate;  // the controls above a list lead into it
        }
    }
    const qsizetype count = panes.size();
    for (qsizetype step = 1; step <= count; ++step) {
        const qsizetype index = next ? (current + step) % count : (current - step + count) % count;
        if (QWidget* target = entry(panes, index); target != nullptr && panes[index].area->isVisible()) {
            return target;
        }
    }
    return nullptr;
}

}  // namespace warmpath::ui
