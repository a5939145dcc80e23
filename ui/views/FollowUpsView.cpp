#include "views/FollowUpsView.h"

#include <exception>
#include <memory>

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "Format.h"
#include "Session.h"
#include "Workspace.h"
#include "models/FollowUpsModel.h"

namespace warmpath::ui {

namespace {

struct Queue {
    std::vector<FollowUpItem> items;
    QString error;
};

}  // namespace

FollowUpsView::FollowUpsView(Session& session, QWidget* parent)
    : QWidget(parent),
      m_session(session),
      m_summary(new QLabel(this)),
      m_table(new QTableView(this)),
      m_snooze(new QPushButton(tr("Snooze a week"), this)),
      m_contacted(new QPushButton(tr("Mark contacted"), this)),
      m_export(new QPushButton(tr("Export .ics\u2026"), this)),
      m_model(new FollowUpsModel(this)),
      m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("followUpsView"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(FollowUpsModel::RawValueRole);
    m_table->setObjectName(QStringLiteral("followUpsTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(FollowUpsModel::When, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->resizeSection(FollowUpsModel::When, 110);
    m_table->horizontalHeader()->resizeSection(FollowUpsModel::Name, 220);
    m_table->horizontalHeader()->resizeSection(FollowUpsModel::Due, 260);
    setTextColour(m_summary, mutedTextColor(palette()));

    const auto updateButtons = [this] {
        const bool one = selectedPerson().valid();
        m_snooze->setEnabled(one);
        m_contacted->setEnabled(one);
    };
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this, updateButtons] {
        updateButtons();
        if (const PersonId person = selectedPerson(); person.valid()) {
            emit personSelected(person);
        }
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, updateButtons);
    updateButtons();
    connect(m_snooze, &QPushButton::clicked, this, [this] { snoozeSelected(7); });
    connect(m_contacted, &QPushButton::clicked, this, &FollowUpsView::markSelectedContacted);
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export follow-ups"),
                                         QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                             .filePath(QStringLiteral("follow-ups.ics")),
                                         tr("iCalendar files (*.ics)"));
        if (!path.isEmpty()) {
            const QString error = exportIcs(path);
            m_summary->setText(error.isEmpty() ? tr("Exported to %1").arg(QDir::toNativeSeparators(path)) : error);
        }
    });

    auto* toolbar = new QHBoxLayout;
    toolbar->addWidget(m_summary, 1);
    toolbar->addWidget(m_snooze);
    toolbar->addWidget(m_contacted);
    toolbar->addWidget(m_export);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 10, 12);
    layout->setSpacing(10);
    layout->addLayout(toolbar);
    layout->addWidget(m_table, 1);

    connect(&m_session, &Session::peopleChanged, this, &FollowUpsView::refresh);
    if (m_session.hasWorkspace()) {
        refresh();
    }
}

FollowUpsView::~FollowUpsView() = default;

void FollowUpsView::refresh()
{
    if (!m_session.hasWorkspace()) {
        return;
    }
    m_busy = true;
    const std::uint64_t generation = ++m_generation;
    std::shared_ptr<Workspace> workspace = m_session.sharedWorkspace();
    auto* watcher = new QFutureWatcher<Queue>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation) {
            return;
        }
        m_busy = false;
        Queue queue = watcher->result();
        if (!queue.error.isEmpty()) {
            m_summary->setText(queue.error);
            m_model->setItems({});
        } else {
            int overdue = 0;
            int week = 0;
            for (const FollowUpItem& item : queue.items) {
                const auto urgency = FollowUpsModel::urgencyOf(item);
                overdue += urgency == FollowUpsModel::Urgency::Overdue ? 1 : 0;
                week += urgency == FollowUpsModel::Urgency::ThisWeek ? 1 : 0;
            }
            m_summary->setText(
                queue.items.empty()
                    ? tr("Nothing planned. Set a follow-up in a person's details, or a cadence on a tag.")
                    : tr("%1 overdue \u00b7 %2 this week \u00b7 %3 in all")
                          .arg(overdue)
                          .arg(week)
                          .arg(queue.items.size()));
            m_model->setItems(std::move(queue.items));
        }
        emit refreshed();
    });
    watcher->setFuture(QtConcurrent::run([workspace] {
        Queue queue;
        try {
            auto items = workspace->followUpQueue(today());
            if (items) {
                queue.items = std::move(items).value();
            } else {
                queue.error = toQString(items.error().describe());
            }
        } catch (const std::exception& e) {
            queue.error = QString::fromLocal8Bit(e.what());
        }
        return queue;
    }));
}

PersonId FollowUpsView::selectedPerson() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? PersonId() : PersonId(rows.first().data(FollowUpsModel::PersonIdRole).toLongLong());
}

void FollowUpsView::afterEdit(const QString& error)
{
    if (!error.isEmpty()) {
        m_summary->setText(error);
    }
    m_session.reloadPeople();  // the list's follow-up column, and this queue through peopleChanged
}

void FollowUpsView::snoozeSelected(int days)
{
    const PersonId person = selectedPerson();
    if (!person.valid() || !m_session.hasWorkspace()) {
        return;
    }
    auto done = m_session.workspace()->snoozeFollowUp(person, days, today());
    afterEdit(done ? QString() : toQString(done.error().describe()));
}

void FollowUpsView::markSelectedContacted()
{
    const PersonId person = selectedPerson();
    if (!person.valid() || !m_session.hasWorkspace()) {
        return;
    }
    auto done = m_session.workspace()->markContacted(person, today());
    afterEdit(done ? QString() : toQString(done.error().describe()));
}

QString FollowUpsView::exportIcs(const QString& path)
{
    if (!m_session.hasWorkspace()) {
        return tr("Nothing is open");
    }
    const Status written = m_session.workspace()->exportTo(
        exporting::ExportFormat::ICalendar, std::filesystem::path(QFile::encodeName(path).toStdString()), today());
    return written ? QString() : toQString(written.error().describe());
}

}  // namespace warmpath::ui
