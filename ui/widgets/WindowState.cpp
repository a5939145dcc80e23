#include "widgets/WindowState.h"

#include <QHeaderView>
#include <QSettings>
#include <QSplitter>
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

}  // namespace

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
}

}  // namespace warmpath::ui
