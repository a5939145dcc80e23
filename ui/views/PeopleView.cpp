#include "views/PeopleView.h"

#include <algorithm>
#include <cstddef>
#include <map>
#include <utility>
#include <vector>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QWidgetAction>

#include "Background.h"
#include "Format.h"
#include "Resources.h"
#include "Session.h"
#include "models/PeopleFilterProxy.h"
#include "models/PeopleModel.h"
#include "widgets/EmptyState.h"
#include "widgets/FlowLayout.h"
#include "widgets/NetworkBadges.h"

namespace warmpath::ui {

namespace {

/// A magnifying glass for the search field, drawn so that it needs no icon theme.
QIcon searchIcon(const QColor& colour)
{
    constexpr int size = 16;
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colour, 1.6, Qt::SolidLine, Qt::RoundCap));
    painter.drawEllipse(QRectF(2.5, 2.5, 8.0, 8.0));
    painter.drawLine(QPointF(9.6, 9.6), QPointF(13.5, 13.5));
    return QIcon(pixmap);
}

}  // namespace

PeopleView::PeopleView(Session& session, Actions actions, QWidget* parent)
    : QWidget(parent),
      m_session(session),
      m_actions(actions),
      m_model(new PeopleModel(this)),
      m_proxy(new PeopleFilterProxy(this)),
      m_search(new QLineEdit(this)),
      m_tagFilter(new QComboBox(this)),
      m_degreeFilter(new QComboBox(this)),
      m_networkFilter(new QComboBox(this)),
      m_followUpFilter(new QComboBox(this)),
      m_followsMeNotBack(new QAction(tr("They follow me, I don\u2019t follow back"), this)),
      m_notFollowingBack(new QAction(tr("I follow them, they don\u2019t follow back"), this)),
      m_followedByMyFollows(new QCheckBox(tr("Followed by at least"))),
      m_followedByCount(new QSpinBox),
      m_followFilterButton(createFollowFilterButton()),
      m_countLabel(new QLabel(this)),
      m_stack(new QStackedWidget(this)),
      m_table(new QTableView(this)),
      m_emptyState(new EmptyState(this)),
      m_clearFiltersAction(new QAction(tr("&Clear search and filters"), this))
{
    setObjectName(QStringLiteral("peopleView"));
    m_proxy->setSourceModel(m_model);

    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setPlaceholderText(tr("Search names, titles and tags"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(searchIcon(mutedTextColor(palette())), QLineEdit::LeadingPosition);
    m_search->setToolTip(
        tr("Search people (%1)").arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    // A fixed width: in a flowing toolbar a line edit's size hint would squeeze it to a few letters.
    m_search->setFixedWidth(std::max(260, fontMetrics().averageCharWidth() * 34));
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setSearchText(text);
        updateEmptyState();
    });
    auto* clearSearch = new QShortcut(QKeySequence(Qt::Key_Escape), m_search, m_search, &QLineEdit::clear);
    clearSearch->setContext(Qt::WidgetShortcut);
    // Enter or Down takes the keyboard to the results (eventFilter), as in a file manager's search.
    connect(m_search, &QLineEdit::returnPressed, this, &PeopleView::focusResults);
    m_search->installEventFilter(this);

    m_tagFilter->setObjectName(QStringLiteral("tagFilter"));
    m_tagFilter->setToolTip(tr("Show only people with this tag"));
    m_tagFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_tagFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setTagFilter(m_tagFilter->currentData().toString());
        updateEmptyState();
    });

    m_degreeFilter->setObjectName(QStringLiteral("degreeFilter"));
    m_degreeFilter->setToolTip(tr("Show only people this many hops from you"));
    m_degreeFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    using DegreeFilter = PeopleFilterProxy::DegreeFilter;
    m_degreeFilter->addItem(tr("Any degree"), QVariant::fromValue(static_cast<int>(DegreeFilter::Any)));
    m_degreeFilter->addItem(tr("1st degree"), QVariant::fromValue(static_cast<int>(DegreeFilter::First)));
    m_degreeFilter->addItem(tr("2nd degree"), QVariant::fromValue(static_cast<int>(DegreeFilter::Second)));
    m_degreeFilter->addItem(tr("3rd degree"), QVariant::fromValue(static_cast<int>(DegreeFilter::Third)));
    m_degreeFilter->addItem(tr("Further"), QVariant::fromValue(static_cast<int>(DegreeFilter::Further)));
    m_degreeFilter->addItem(tr("Not connected"), QVariant::fromValue(static_cast<int>(DegreeFilter::NotConnected)));
    for (int hops = 1; hops <= 3; ++hops) {
        m_degreeFilter->setItemData(hops, degreeColor(hops), Qt::DecorationRole);
    }
    connect(m_degreeFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setDegreeFilter(static_cast<PeopleFilterProxy::DegreeFilter>(m_degreeFilter->currentData().toInt()));
        updateEmptyState();
    });

    m_networkFilter->setObjectName(QStringLiteral("networkFilter"));
    m_networkFilter->setToolTip(tr("Show only people with a profile on this network"));
    m_networkFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_networkFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setNetworkFilter(m_networkFilter->currentData().toString());
        updateEmptyState();
    });

    m_followUpFilter->setObjectName(QStringLiteral("followUpFilter"));
    m_followUpFilter->setToolTip(tr("Show only people whose follow-up stands so"));
    m_followUpFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    using FollowUpFilter = PeopleFilterProxy::FollowUpFilter;
    m_followUpFilter->addItem(tr("Any follow-up"), static_cast<int>(FollowUpFilter::Any));
    m_followUpFilter->addItem(tr("Overdue"), static_cast<int>(FollowUpFilter::Overdue));
    m_followUpFilter->addItem(tr("Due this week"), static_cast<int>(FollowUpFilter::ThisWeek));
    m_followUpFilter->addItem(tr("Scheduled later"), static_cast<int>(FollowUpFilter::Scheduled));
    m_followUpFilter->addItem(tr("No follow-up"), static_cast<int>(FollowUpFilter::None));
    m_followUpFilter->setItemData(1, overdueColor(palette()), Qt::DecorationRole);
    connect(m_followUpFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setFollowUpFilter(
            static_cast<PeopleFilterProxy::FollowUpFilter>(m_followUpFilter->currentData().toInt()));
        updateEmptyState();
    });

    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    setMutedText(m_countLabel);

    connect(m_clearFiltersAction, &QAction::triggered, this, &PeopleView::clearFilters);

    createTable();

    m_emptyState->setObjectName(QStringLiteral("emptyState"));
    m_emptyState->setIcon(appIcon());
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_emptyState);

    // A flowing toolbar: on a narrow window the filters wrap onto a second line instead of squeezing
    // each other to "…".
    auto* toolbar = new FlowLayout(nullptr, 8, 6);
    toolbar->addWidget(m_search);
    toolbar->addWidget(m_tagFilter);
    toolbar->addWidget(m_degreeFilter);
    toolbar->addWidget(m_networkFilter);
    toolbar->addWidget(m_followUpFilter);
    toolbar->addWidget(m_followFilterButton);
    toolbar->addWidget(m_countLabel);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 10, 12);
    layout->setSpacing(10);
    layout->addLayout(toolbar);
    layout->addWidget(m_stack, 1);

    connect(&m_session, &Session::loadingStarted, this, &PeopleView::onLoadingStarted);
    connect(&m_session, &Session::peopleChanged, this, &PeopleView::onPeopleChanged);
    connect(&m_session, &Session::failed, this, &PeopleView::updateEmptyState);

    if (m_session.hasWorkspace()) {
        onPeopleChanged();
    } else if (m_session.isLoading()) {
        updateTagFilter();
        updateNetworkFilter();
        onLoadingStarted();
    } else {
        updateTagFilter();
        updateNetworkFilter();
        updateEmptyState();
    }
}

PeopleView::~PeopleView() = default;

void PeopleView::createTable()
{
    m_table->setObjectName(QStringLiteral("peopleTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(PeopleModel::Name, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);

    QHeaderView* header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionsMovable(true);
    header->setStretchLastSection(true);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setMinimumSectionSize(48);
    // Each column would like room for a typical value (the samples below) and the sort indicator;
    // Networks for three badges. fitColumns() shares out the width there is until the user sizes a
    // column themselves.
    const auto fit = [this](const QString& sample) { return fontMetrics().horizontalAdvance(sample) + 24; };
    const auto ideal = [this](PeopleModel::Column column) -> int& {
        return m_idealWidths[static_cast<std::size_t>(column)];
    };
    ideal(PeopleModel::Name) = fit(QStringLiteral("Maximilian Zimmermann"));
    ideal(PeopleModel::Degree) = fit(tr("Degree")) + 14;
    ideal(PeopleModel::Networks) = std::max(64, fit(tr("Networks")));
    ideal(PeopleModel::Organisation) = fit(QStringLiteral("Foundry Lane Ventures"));
    ideal(PeopleModel::Title) = fit(QStringLiteral("Senior Software Engineer"));
    ideal(PeopleModel::Location) = fit(QStringLiteral("London, United Kingdom"));
    ideal(PeopleModel::Tags) = fit(QStringLiteral("Investors, Mentors"));
    ideal(PeopleModel::FollowUpDue) = fit(QStringLiteral("overdue 13 days"));
    ideal(PeopleModel::LastContacted) = fit(tr("Last contacted"));
    connect(header, &QHeaderView::sectionResized, this, [this] {
        if (!m_fittingColumns) {
            m_columnsSizedByUser = true;
        }
    });
    m_table->installEventFilter(this);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PeopleView::selectionChanged);
}

bool PeopleView::selectPerson(PersonId id)
{
    const int sourceRow = m_model->rowOf(id);
    if (sourceRow < 0) {
        return false;
    }
    const QModelIndex source = m_model->index(sourceRow, PeopleModel::Name);
    QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid()) {
        clearFilters();
        index = m_proxy->mapFromSource(source);
    }
    if (!index.isValid()) {
        return false;
    }
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index, QAbstractItemView::PositionAtCenter);
    return true;
}

QList<PersonId> PeopleView::selectedPeople() const
{
    QList<PersonId> people;
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    for (const QModelIndex& row : std::as_const(rows)) {
        people.append(PersonId(row.data(PeopleModel::PersonIdRole).toLongLong()));
    }
    return people;
}

void PeopleView::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

QByteArray PeopleView::saveHeaderState() const
{
    return m_table->horizontalHeader()->saveState();
}

void PeopleView::restoreHeaderState(const QByteArray& state)
{
    if (!state.isEmpty() && m_table->horizontalHeader()->restoreState(state)) {
        m_columnsSizedByUser = true;
    }
}

bool PeopleView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table && event->type() == QEvent::Resize) {
        fitColumns();
    }
    if (watched == m_search && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Down && static_cast<QKeyEvent*>(event)->modifiers() == 0) {
        focusResults();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void PeopleView::focusResults()
{
    if (m_proxy->rowCount() == 0) {
        return;
    }
    // The first result becomes current (and selected) unless one already is: the arrows go on from it.
    if (!m_table->selectionModel()->hasSelection()) {
        const QModelIndex first = m_proxy->index(0, PeopleModel::Name);
        m_table->selectionModel()->setCurrentIndex(first,
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    m_table->scrollTo(m_table->currentIndex());
    m_table->setFocus(Qt::OtherFocusReason);
}

void PeopleView::fitColumns()
{
    if (m_columnsSizedByUser) {
        return;
    }
    // Name gets the room its names need (up to half the list), Degree and Networks their badges; the
    // other columns share what is left in proportion to what they would like, so that none falls off
    // the right edge. The last one stretches over the rest. Room inside the frame, less a vertical
    // scroll bar whether or not it shows yet: sizing for the bar's absence would push the last column
    // out of view the moment the rows arrive.
    const int available = m_table->maximumViewportSize().width() - m_table->verticalScrollBar()->sizeHint().width();
    const int name = std::min(m_idealWidths[PeopleModel::Name], std::max(available / 2, 120));
    const int fixed = name + m_idealWidths[PeopleModel::Networks] + m_idealWidths[PeopleModel::Degree];
    int flexible = 0;
    for (int column = 0; column < PeopleModel::ColumnCount; ++column) {
        if (column != PeopleModel::Name && column != PeopleModel::Networks && column != PeopleModel::Degree) {
            flexible += m_idealWidths[static_cast<std::size_t>(column)];
        }
    }
    const double scale = std::min(1.0, static_cast<double>(available - fixed) / std::max(flexible, 1));
    QHeaderView* header = m_table->horizontalHeader();
    m_fittingColumns = true;
    for (int column = 0; column < PeopleModel::LastContacted; ++column) {
        const int ideal = m_idealWidths[static_cast<std::size_t>(column)];
        // Never narrower than the column's heading: on a small screen the list scrolls sideways
        // rather than show "Organisa".
        header->resizeSection(column, column == PeopleModel::Name ? name
                                      : column == PeopleModel::Networks || column == PeopleModel::Degree
                                          ? ideal
                                          : std::max(static_cast<int>(ideal * scale), header->sectionSizeHint(column)));
    }
    m_fittingColumns = false;
}

QPushButton* PeopleView::createFollowFilterButton()
{
    // One button with a menu rather than three more controls: the toolbar has to fit a small screen.
    auto* button = new QPushButton(this);
    button->setObjectName(QStringLiteral("followFilter"));
    button->setText(tr("Follows"));
    button->setToolTip(tr("Show only people by who follows whom: a follow, or a connection either way"));
    auto* menu = new QMenu(button);
    for (QAction* action : {m_followsMeNotBack, m_notFollowingBack}) {
        action->setCheckable(true);
        menu->addAction(action);
        connect(action, &QAction::toggled, this, &PeopleView::updateFollowFilter);
    }
    m_followsMeNotBack->setObjectName(QStringLiteral("followsMeNotBack"));
    m_notFollowingBack->setObjectName(QStringLiteral("notFollowingBack"));

    auto* row = new QWidget(menu);
    auto* rowLayout = new QHBoxLayout(row);
    rowLayout->setContentsMargins(8, 2, 8, 2);
    m_followedByMyFollows->setObjectName(QStringLiteral("followedByMyFollows"));
    m_followedByCount->setObjectName(QStringLiteral("followedByCount"));
    m_followedByCount->setRange(1, 99'999);
    m_followedByCount->setValue(2);
    m_followedByCount->setAccessibleName(tr("How many of the people you follow"));
    rowLayout->addWidget(m_followedByMyFollows);
    rowLayout->addWidget(m_followedByCount);
    rowLayout->addWidget(new QLabel(tr("of those I follow"), row));
    auto* rowAction = new QWidgetAction(menu);
    rowAction->setDefaultWidget(row);
    menu->addAction(rowAction);
    connect(m_followedByMyFollows, &QCheckBox::toggled, this, &PeopleView::updateFollowFilter);
    connect(m_followedByCount, &QSpinBox::valueChanged, this, [this] {
        if (m_followedByMyFollows->isChecked()) {
            updateFollowFilter();
        }
    });
    button->setMenu(menu);
    return button;
}

FollowCriteria PeopleView::followCriteria() const
{
    return {.followsMeNotBack = m_followsMeNotBack->isChecked(),
            .notFollowingBack = m_notFollowingBack->isChecked(),
            .followedByMyFollows =
                m_followedByMyFollows->isChecked() ? std::optional<int>(m_followedByCount->value()) : std::nullopt};
}

void PeopleView::updateFollowFilter()
{
    const FollowCriteria criteria = followCriteria();
    const int active = (criteria.followsMeNotBack ? 1 : 0) + (criteria.notFollowingBack ? 1 : 0) +
                       (criteria.followedByMyFollows ? 1 : 0);
    m_followFilterButton->setText(active == 0 ? tr("Follows") : tr("Follows (%1)").arg(active));
    const std::shared_ptr<Workspace> workspace = m_session.sharedWorkspace();
    if (!criteria.any() || !workspace) {
        m_followBackground.abandon();
        m_followError.clear();
        m_proxy->setOnlyPeople(std::nullopt);
        updateEmptyState();
        return;
    }
    // The core answers from the graph snapshot, which may have to be built: never on the UI thread.
    // A newer question (the filters changed, or the workspace did) supersedes this one.
    m_followBackground.run(
        [workspace, criteria]() -> Result<QSet<qint64>> {
            const auto people = workspace->followFiltered(criteria);
            if (!people) {
                return people.error();
            }
            QSet<qint64> ids;
            ids.reserve(static_cast<qsizetype>(people->size()));
            for (const PersonId id : *people) {
                ids.insert(id.value());
            }
            return ids;
        },
        [this](const Result<QSet<qint64>>& answer) {
            m_followError = answer ? QString() : QString::fromStdString(answer.error().message);
            m_proxy->setOnlyPeople(answer ? *answer : QSet<qint64>());
            updateEmptyState();
        });
}

void PeopleView::measureNames()
{
    // The longest names by length stand for all of them: measuring a million names would take a
    // second, and the widest name is nearly always among the longest.
    constexpr std::size_t kMeasured = 64;
    std::vector<const std::string*> longest;
    for (const PersonSummary& row : m_session.people()) {
        longest.push_back(&row.person.displayName);
    }
    const std::size_t measured = std::min(kMeasured, longest.size());
    std::partial_sort(longest.begin(), longest.begin() + static_cast<std::ptrdiff_t>(measured), longest.end(),
                      [](const std::string* a, const std::string* b) { return a->size() > b->size(); });
    int widest = fontMetrics().horizontalAdvance(tr("Name"));
    for (std::size_t i = 0; i < measured; ++i) {
        widest = std::max(widest, fontMetrics().horizontalAdvance(personName(*longest[i])));
    }
    // The cell's margins and the sort indicator.
    m_idealWidths[PeopleModel::Name] = widest + 28;
    fitColumns();
}

void PeopleView::onLoadingStarted()
{
    if (!m_session.hasWorkspace()) {
        m_emptyState->setContent(tr("Opening\u2026"), {});
        m_emptyState->setActions({});
        m_stack->setCurrentWidget(m_emptyState);
    }
}

void PeopleView::onPeopleChanged()
{
    // A reload replaces every row; the people who were selected stay selected if they still exist.
    const QList<PersonId> selected = selectedPeople();
    m_model->setPeople(m_session.people(), m_session.degrees());
    measureNames();
    updateTagFilter();
    updateNetworkFilter();
    updateFollowFilter();  // the graph may have changed with the people, or be another database's
    updateEmptyState();
    if (selected.size() != 1 || !selectPerson(selected.first())) {
        emit selectionChanged();  // a model reset clears the selection without saying so
    }
}

void PeopleView::clearFilters()
{
    m_search->clear();
    m_tagFilter->setCurrentIndex(0);
    m_degreeFilter->setCurrentIndex(0);
    m_networkFilter->setCurrentIndex(0);
    m_followUpFilter->setCurrentIndex(0);
    const QSignalBlocker blockMeNotBack(m_followsMeNotBack);
    const QSignalBlocker blockNotBack(m_notFollowingBack);
    const QSignalBlocker blockFollowedBy(m_followedByMyFollows);
    m_followsMeNotBack->setChecked(false);
    m_notFollowingBack->setChecked(false);
    m_followedByMyFollows->setChecked(false);
    updateFollowFilter();
}

void PeopleView::updateNetworkFilter()
{
    const QString current = m_networkFilter->currentData().toString();
    std::map<std::string, int> counts;
    for (const PersonSummary& row : m_session.people()) {
        for (const std::string& network : row.networks) {
            ++counts[network];
        }
    }
    std::vector<std::pair<std::string, int>> networks(counts.begin(), counts.end());
    // Most people first: the networks a user mostly lives on lead the list.
    std::stable_sort(networks.begin(), networks.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });

    const QSignalBlocker blocker(m_networkFilter);
    m_networkFilter->clear();
    m_networkFilter->addItem(tr("All networks"), QString());
    const int badge = fontMetrics().height();
    for (const auto& [network, count] : networks) {
        m_networkFilter->addItem(QIcon(networkBadge(network, badge, devicePixelRatioF())),
                                 tr("%1 (%2)").arg(networkName(network), formatCount(count)), toQString(network));
    }
    m_networkFilter->setCurrentIndex(std::max(m_networkFilter->findData(current), 0));
    m_proxy->setNetworkFilter(m_networkFilter->currentData().toString());
}

void PeopleView::updateTagFilter()
{
    const QString current = m_tagFilter->currentData().toString();
    std::map<QString, int> counts;
    for (const PersonSummary& row : m_session.people()) {
        for (const std::string& tag : row.tags) {
            ++counts[toQString(tag)];
        }
    }
    std::vector<std::pair<QString, int>> tags(counts.begin(), counts.end());
    std::sort(tags.begin(), tags.end(),
              [](const auto& a, const auto& b) { return QString::compare(a.first, b.first, Qt::CaseInsensitive) < 0; });

    const QSignalBlocker blocker(m_tagFilter);
    m_tagFilter->clear();
    m_tagFilter->addItem(tr("All tags"), QString());
    for (const auto& [tag, count] : tags) {
        m_tagFilter->addItem(tr("%1 (%2)").arg(tag, formatCount(count)), tag);
    }
    m_tagFilter->setCurrentIndex(std::max(m_tagFilter->findData(current), 0));
    m_proxy->setTagFilter(m_tagFilter->currentData().toString());
}

void PeopleView::updateEmptyState()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    const bool searchable = m_session.hasWorkspace() && total > 1;
    m_search->setEnabled(searchable);
    m_tagFilter->setEnabled(searchable && m_tagFilter->count() > 1);
    m_degreeFilter->setEnabled(searchable && !m_session.degrees().isEmpty());
    m_networkFilter->setEnabled(searchable && m_networkFilter->count() > 1);
    m_followUpFilter->setEnabled(searchable);
    m_followFilterButton->setEnabled(searchable);
    m_countLabel->setVisible(m_session.hasWorkspace());
    const QString everyone = formatCount(total, tr("person"), tr("people"));
    m_countLabel->setText(m_proxy->isFiltering() ? tr("%1 of %2").arg(formatCount(shown), everyone) : everyone);

    if (!m_session.hasWorkspace()) {
        if (m_session.isLoading()) {
            return;
        }
        m_emptyState->setContent(tr("No database open"),
                                 tr("Open a Warmpath database, or explore the demo network to see what Warmpath "
                                    "does with 1,500 people."));
        m_emptyState->setActions({m_actions.openDatabase, m_actions.openDemo});
        m_stack->setCurrentWidget(m_emptyState);
        return;
    }
    if (m_session.stats().persons <= 1) {
        m_emptyState->setContent(
            tr("No people yet \u2014 import your contacts"),
            tr("Bring in LinkedIn connections, address books or Bluesky and Mastodon follow lists with "
               "<b>warmpath-cli import</b>. Until then, the demo network shows what Warmpath can do."));
        m_emptyState->setActions({m_actions.openDemo});
        m_stack->setCurrentWidget(m_emptyState);
        return;
    }
    if (shown == 0 && !m_followError.isEmpty()) {
        m_emptyState->setContent(tr("The follow filters cannot be answered"), m_followError.toHtmlEscaped());
        m_emptyState->setActions({m_clearFiltersAction});
        m_stack->setCurrentWidget(m_emptyState);
        return;
    }
    if (shown == 0) {
        const QString query = m_proxy->searchText().trimmed();
        m_emptyState->setContent(query.isEmpty() ? tr("No one matches these filters")
                                                 : tr("No one matches \u201c%1\u201d").arg(query),
                                 tr("Try part of a name, an organisation, a job title or a tag."));
        m_emptyState->setActions({m_clearFiltersAction});
        m_stack->setCurrentWidget(m_emptyState);
        return;
    }
    m_stack->setCurrentWidget(m_table);
}

}  // namespace warmpath::ui
