#include "widgets/WindowState.h"

#include <algorithm>

#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStyle>
#include <QTableView>

namespace warmpath::ui {

namespace {

QString key(const QString& group, const QString& kind, const QString& name)
{
    return group + QLatin1Char('/') + kind + QLatin1Char('/') + name;
}

bool wanted(const QObject* object, const QStringList& except)
{
    return !object->objectName().isEmpty() && !except.contains(object->objectName());
}

constexpr const char* kRememberedChoice = "warmpathRememberedChoice";

bool rememberedChoice(const QComboBox* combo, const QStringList& except)
{
    return wanted(combo, except) && combo->property(kRememberedChoice).toBool();
}

// The same view can appear twice (the map on its own tab and beside the path finder): a choice is
// keyed by the names of the widgets it sits in too, so each remembers its own.
QString choiceKey(const QString& group, const QComboBox* combo, const QWidget& root)
{
    QString name = combo->objectName();
    for (const QObject* up = combo->parent(); up != nullptr && up != &root; up = up->parent()) {
        if (!up->objectName().isEmpty()) {
            name.prepend(up->objectName() + QLatin1Char('.'));
        }
    }
    return key(group, QStringLiteral("choice"), name);
}

}  // namespace

void rememberChoice(QComboBox& combo)
{
    combo.setProperty(kRememberedChoice, true);
}

void saveWidgetStates(QSettings& settings, const QString& group, const QWidget& root, const QStringList& except)
{
    for (const QSplitter* splitter : root.findChildren<QSplitter*>()) {
        if (wanted(splitter, except)) {
            settings.setValue(key(group, QStringLiteral("splitter"), splitter->objectName()), splitter->saveState());
        }
    }
    for (const QTableView* table : root.findChildren<QTableView*>()) {
        if (wanted(table, except)) {
            settings.setValue(key(group, QStringLiteral("columns"), table->objectName()),
                              table->horizontalHeader()->saveState());
        }
    }
    for (const QComboBox* combo : root.findChildren<QComboBox*>()) {
        if (rememberedChoice(combo, except)) {
            // As text: a settings file gives numbers back as strings, which findData() would not match.
            settings.setValue(choiceKey(group, combo, root), combo->currentData().toString());
        }
    }
}

void restoreWidgetStates(const QSettings& settings, const QString& group, QWidget& root, const QStringList& except)
{
    for (QSplitter* splitter : root.findChildren<QSplitter*>()) {
        if (wanted(splitter, except)) {
            const QByteArray state =
                settings.value(key(group, QStringLiteral("splitter"), splitter->objectName())).toByteArray();
            if (!state.isEmpty()) {
                splitter->restoreState(state);
            }
        }
    }
    for (QTableView* table : root.findChildren<QTableView*>()) {
        if (wanted(table, except)) {
            const QByteArray state =
                settings.value(key(group, QStringLiteral("columns"), table->objectName())).toByteArray();
            QHeaderView* header = table->horizontalHeader();
            if (!state.isEmpty() && header->restoreState(state) && table->isSortingEnabled() &&
                header->sortIndicatorSection() >= 0) {
                // The header shows the restored sort; the model has to be told.
                table->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
            }
        }
    }
    for (QComboBox* combo : root.findChildren<QComboBox*>()) {
        if (rememberedChoice(combo, except)) {
            const QVariant choice = settings.value(choiceKey(group, combo, root));
            if (!choice.isValid()) {
                continue;
            }
            // A choice this version no longer offers keeps the default.
            for (int index = 0; index < combo->count(); ++index) {
                if (combo->itemData(index).toString() == choice.toString()) {
                    combo->setCurrentIndex(index);
                    break;
                }
            }
        }
    }
}

QRect fitInto(const QRect& frame, const QRect& available)
{
    QRect fitted(frame.topLeft(), frame.size().boundedTo(available.size()));
    fitted.moveLeft(std::clamp(fitted.left(), available.left(), available.right() - fitted.width() + 1));
    fitted.moveTop(std::clamp(fitted.top(), available.top(), available.bottom() - fitted.height() + 1));
    return fitted;
}

void keepOnScreen(QWidget& window)
{
    const QScreen* screen = window.screen() != nullptr ? window.screen() : QGuiApplication::primaryScreen();
    if (screen == nullptr) {
        return;
    }
    QMargins frame(window.geometry().left() - window.frameGeometry().left(),
                   window.geometry().top() - window.frameGeometry().top(),
                   window.frameGeometry().right() - window.geometry().right(),
                   window.frameGeometry().bottom() - window.geometry().bottom());
    if (!window.isVisible() && frame.isNull()) {
        const int border = 4;
        frame = QMargins(border, border + window.style()->pixelMetric(QStyle::PM_TitleBarHeight), border, border);
    }
    const QRect fitted = fitInto(window.geometry() + frame, screen->availableGeometry());
    const QRect inside = fitted - frame;
    if (inside != window.geometry()) {
        window.setGeometry(inside);
    }
}

}  // namespace warmpath::ui
