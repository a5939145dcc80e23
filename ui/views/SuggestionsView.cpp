#include "views/SuggestionsView.h"

#include <initializer_list>
#include <map>
#include <memory>
#include <utility>

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

#include "Format.h"
#include "Session.h"
#include "Workspace.h"
#include "commands/DismissCommand.h"
#include "models/SuggestionsModel.h"
#include "views/FollowUpActions.h"
#include "views/TableSelection.h"
#include "widgets/EditGate.h"
#include "widgets/FlowLayout.h"

namespace warmpath::ui {

namespace {

constexpr std::size_t kLimit = 50;

}  // namespace

SuggestionsView::SuggestionsView(Session& session, QUndoStack& undoStack, QWidget* parent)
    : QWidget(parent),
      m_session(session),
      m_undoStack(undoStack),
      m_metric(new QComboBox(this)),
      m_viaTag(new QComboBox(this)),
      m_summary(new QLabel(this)),
      m_table(new QTableView(this)),
      m_findPath(new QPushButton(tr("Find path"), this)),
      m_tag(new QPushButton(tr("Tag\u2026"), this)),
      m_followUp(new QPushButton(this)),
      m_dismiss(new QPushButton(tr("Dismiss"), this)),
      m_model(new SuggestionsModel(this)),
      m_proxy(new QSortFilterProxyModel(this)),
      m_followUpActions(new FollowUpActions(
          session, undoStack,
          [this] {
              return FollowUpActions::Target{selectedPerson(), selectedName()};
          },
          this)),
      m_edits(new EditGate(session, this))
{
    setObjectName(QStringLiteral("suggestionsView"));
    m_metric->setObjectName(QStringLiteral("suggestionMetric"));
    m_metric->addItem(tr("Resource allocation"), static_cast<int>(SuggestionMetric::ResourceAllocation));
    m_metric->addItem(tr("Adamic\u2013Adar"), static_cast<int>(SuggestionMetric::AdamicAdar));
    m_metric->addItem(tr("Common contacts"), static_cast<int>(SuggestionMetric::CommonNeighbours));
    m_metric->addItem(tr("Jaccard"), static_cast<int>(SuggestionMetric::Jaccard));
    m_metric->addItem(tr("Personalised PageRank"), static_cast<int>(SuggestionMetric::PersonalisedPageRank));
    m_metric->setToolTip(tr("How suggestions are scored"));
    connect(m_metric, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setPerThousand(static_cast<SuggestionMetric>(m_metric->currentData().toInt()) ==
                                SuggestionMetric::PersonalisedPageRank);
        refresh();
    });
    m_viaTag->setToolTip(tr("Count only the contacts with this tag"));
    m_viaTag->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_viaTag, &QComboBox::currentIndexChanged, this, &SuggestionsView::refresh);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SuggestionsModel::RawValueRole);
    m_table->setObjectName(QStringLiteral("suggestionsTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SuggestionsModel::Rank, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    QHeaderView* header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->resizeSection(SuggestionsModel::Rank, 40);
    header->resizeSection(SuggestionsModel::Name, 190);
    header->resizeSection(SuggestionsModel::Organisation, 180);
    header->resizeSection(SuggestionsModel::Score, 70);

    const auto updateButtons = [this] {
        const bool one = selectedPerson().valid();
        m_findPath->setEnabled(one);
        m_edits->setEnabled(m_tag, one);
        m_edits->setEnabled(m_followUp, one);
        m_edits->setEnabled(m_dismiss, one);
    };
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this, updateButtons] {
        updateButtons();
        if (const PersonId person = selectedPerson(); person.valid()) {
            m_wanted = person;
            if (!m_selectingQuietly) {
                emit personSelected(person);
            }
        }
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, updateButtons);
    updateButtons();
    connect(m_findPath, &QPushButton::clicked, this, [this] { emit findPathRequested(selectedPerson()); });
    connect(m_tag, &QPushButton::clicked, this, [this] { emit tagRequested(selectedPerson()); });
    m_followUp->setObjectName(QStringLiteral("followUpButton"));
    m_followUp->setText(tr("Follow up"));
    m_followUp->setToolTip(tr("Plan to get in touch with this person"));
    m_followUp->setMenu(m_followUpActions->planMenu());
    m_followUpActions->attachContextMenu(m_table, FollowUpActions::Plan, [this](QMenu& menu) {
        menu.addAction(tr("Find path"), this, [this] { emit findPathRequested(selectedPerson()); });
        menu.addAction(tr("Tag\u2026"), this, [this] { emit tagRequested(selectedPerson()); })
            ->setEnabled(m_session.canEdit());
        menu.addAction(tr("Dismiss"), this, &SuggestionsView::dismissSelected)->setEnabled(m_session.canEdit());
    });
    m_findPath->setObjectName(QStringLiteral("suggestionFindPath"));
    m_tag->setObjectName(QStringLiteral("suggestionTag"));
    m_dismiss->setObjectName(QStringLiteral("dismissButton"));
    m_dismiss->setToolTip(tr("Do not suggest this person again (Edit \u25b8 Undo brings them back)"));
    connect(m_dismiss, &QPushButton::clicked, this, &SuggestionsView::dismissSelected);

    // Flowing, in two groups: on a narrow window the buttons wrap onto a line of their own instead of
    // squeezing the choices.
    auto* choices = new QWidget(this);
    auto* choicesLayout = new QHBoxLayout(choices);
    choicesLayout->setContentsMargins(0, 0, 0, 0);
    choicesLayout->addWidget(new QLabel(tr("Ranked by"), choices));
    choicesLayout->addWidget(m_metric);
    choicesLayout->addWidget(new QLabel(tr("through"), choices));
    choicesLayout->addWidget(m_viaTag);
    auto* actions = new QWidget(this);
    auto* actionsLayout = new QHBoxLayout(actions);
    actionsLayout->setContentsMargins(0, 0, 0, 0);
    for (QWidget* button : std::initializer_list<QWidget*>{m_findPath, m_tag, m_followUp, m_dismiss}) {
        actionsLayout->addWidget(button);
    }
    auto* toolbar = new FlowLayout(nullptr, 16, 6);
    toolbar->addWidget(choices);
    toolbar->addWidget(actions);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 10, 12);
    layout->setSpacing(10);
    layout->addLayout(toolbar);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    setMutedText(m_summary);
    m_summary->setWordWrap(true);  // a narrow window gets two lines, never a cut sentence

    // An undone dismissal (or tag, for "through" a tag) changes what would be suggested: computed
    // again the next time the panel shows.
    connect(&m_undoStack, &QUndoStack::indexChanged, this, [this] { m_stale = true; });
    connect(&m_session, &Session::loaded, this, &SuggestionsView::onLoaded);
    if (m_session.hasWorkspace()) {
        onLoaded();
    }
}

SuggestionsView::~SuggestionsView() = default;

void SuggestionsView::onLoaded()
{
    std::map<QString, int> tags;
    for (const PersonSummary& row : m_session.people()) {
        for (const std::string& tag : row.tags) {
            ++tags[toQString(tag)];
        }
    }
    {
        const QSignalBlocker blocker(m_viaTag);
        m_viaTag->clear();
        m_viaTag->addItem(tr("all your contacts"), QString());
        for (const auto& [tag, count] : tags) {
            m_viaTag->addItem(tr("contacts tagged %1").arg(tag), tag);
        }
    }
    m_stale = true;
    if (isVisible()) {
        refresh();
    }
}

void SuggestionsView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale) {
        refresh();
    }
}

void SuggestionsView::refresh()
{
    if (!m_session.hasWorkspace()) {
        return;
    }
    if (!isVisible()) {
        m_stale = true;  // computed when the panel shows
        return;
    }
    m_stale = false;
    const PersonId me = m_session.me();
    if (!me.valid()) {
        m_summary->setText(tr("This database has no \u201cme\u201d to suggest people to."));
        return;
    }
    m_busy = true;
    m_summary->setText(tr("Scoring the people around your network\u2026"));
    const SuggestionRequest request{.forPerson = me,
                                    .limit = kLimit,
                                    .metric = static_cast<SuggestionMetric>(m_metric->currentData().toInt()),
                                    .viaTag = m_viaTag->currentData().toString().toStdString()};
    std::shared_ptr<Workspace> workspace = m_session.sharedWorkspace();
    auto work = [workspace, request]() -> Result<std::vector<SuggestionRow>> {
        auto answer = workspace->suggestions(request);
        if (!answer) {
            return answer.error();
        }
        std::vector<SuggestionRow> rows;
        for (const SuggestionView& view : answer->suggestions) {
            SuggestionRow row;
            row.person = view.person.id;
            row.name = personName(view.person.name);
            row.score = view.score;
            row.commonContacts = view.commonContacts;
            if (auto person = workspace->person(view.person.id)) {
                row.organisation = toQString(person->organisation);
            }
            for (const std::string& ref : view.via) {
                auto id = workspace->resolve(ref);
                auto named = id ? workspace->named(*id) : Result<NamedPerson>(Error("unknown"));
                row.via.append(named ? toQString(named->name) : toQString(ref));
            }
            rows.push_back(std::move(row));
        }
        return rows;
    };
    m_background.run(std::move(work), [this](Result<std::vector<SuggestionRow>> rows) {
        m_busy = false;
        if (!rows) {
            m_summary->setText(toQString(rows.error().describe()));
            m_model->setRows({});
        } else {
            m_summary->setText(
                rows->empty() ? tr("No suggestions: nobody outside your contacts is linked from them.")
                              : tr("People you are not linked to yet, most promising first. Select one to see them; "
                                   "dismissed suggestions stay away."));
            m_model->setRows(std::move(rows).value());
            selectPerson(m_wanted);  // the same person stays selected across a refresh
        }
        emit refreshed();
    });
}

PersonId SuggestionsView::selectedPerson() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        return PersonId();
    }
    return PersonId(rows.first().data(SuggestionsModel::PersonIdRole).toLongLong());
}

void SuggestionsView::dismissSelected()
{
    const PersonId person = selectedPerson();
    const PersonId me = m_session.me();
    if (!person.valid() || !me.valid()) {
        return;
    }
    if (m_session.edit(m_undoStack, new DismissCommand(m_session, me, person, selectedName()))) {
        m_model->removePerson(person);
    }
}

void SuggestionsView::followUpSelected(QDate due)
{
    m_followUpActions->plan(due);
}

bool SuggestionsView::selectPerson(PersonId person)
{
    m_wanted = person;
    const bool quietly = std::exchange(m_selectingQuietly, true);
    const bool listed = selectPersonRow(*m_table, SuggestionsModel::PersonIdRole, person);
    m_selectingQuietly = quietly;
    return listed;
}

QString SuggestionsView::selectedName() const
{
    const PersonId person = selectedPerson();
    for (const SuggestionRow& row : m_model->rows()) {
        if (row.person == person) {
            return row.name;
        }
    }
    return {};
}

}  // namespace warmpath::ui
