#include "dialogs/CrawlDialog.h"

#include <string>
#include <utility>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

#include "Format.h"
#include "Session.h"

namespace warmpath::ui {

/// What the worker hands back.
struct CrawlOutcome {
    CrawlSummary summary;
    QString error;
    bool cancelled = false;  ///< the error is a cancel: stopped before anything was written
};

namespace {

constexpr int kPollIntervalMs = 150;
constexpr int kDefaultMaxAccounts = 500;

QLabel* figure(QWidget* parent, const char* name)
{
    auto* label = new QLabel(QStringLiteral("\u2014"), parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

}  // namespace

CrawlDialog::CrawlDialog(Session& session, QWidget* parent) : QDialog(parent), m_session(session)
{
    setWindowTitle(tr("Fetch Follow Lists"));
    setSizeGripEnabled(true);

    auto* intro = new QLabel(tr("Bluesky and Mastodon publish who follows whom. Fetching the follow lists of the "
                                "people you follow reveals the paths between your contacts. Requests are spaced "
                                "out politely; a large crawl takes a while."),
                             this);
    intro->setWordWrap(true);

    m_network = new QComboBox(this);
    m_network->setObjectName(QStringLiteral("crawlNetwork"));
    m_network->addItem(tr("Bluesky"), static_cast<int>(CrawlNetwork::Bluesky));
    m_network->addItem(tr("Mastodon"), static_cast<int>(CrawlNetwork::Mastodon));
    m_account = new QLineEdit(this);
    m_account->setObjectName(QStringLiteral("crawlAccount"));
    m_account->setClearButtonEnabled(true);
    m_depth = new QSpinBox(this);
    m_depth->setRange(1, 4);
    m_depth->setValue(2);
    m_depth->setToolTip(tr("1: the follow list of this account. 2: also the follow lists of everyone it follows "
                           "(the paths between your contacts). Each level multiplies the requests."));
    m_maxAccounts = new QSpinBox(this);
    m_maxAccounts->setRange(0, 1'000'000);
    m_maxAccounts->setSingleStep(100);
    m_maxAccounts->setValue(kDefaultMaxAccounts);
    m_maxAccounts->setSpecialValueText(tr("No limit"));
    m_maxAccounts->setToolTip(tr("Fetch at most this many follow lists; everyone seen is still stored"));
    m_asMe = new QCheckBox(tr("This is &me"), this);
    m_asMe->setToolTip(tr("The account becomes one of your own identities, so degrees and paths start from it"));
    m_resume = new QCheckBox(tr("&Resume the interrupted crawl of this account"), this);
    m_resume->setToolTip(
        tr("Continue where a cancelled or interrupted crawl stopped, without fetching again what is stored"));

    m_api = new QLineEdit(this);
    m_api->setObjectName(QStringLiteral("crawlApi"));
    m_api->setClearButtonEnabled(true);
    m_advanced = new QGroupBox(tr("&Advanced"), this);
    m_advanced->setCheckable(true);
    m_advanced->setChecked(false);
    auto* advancedForm = new QFormLayout(m_advanced);
    advancedForm->addRow(tr("API &URL:"), m_api);
    connect(m_advanced, &QGroupBox::toggled, m_api, &QWidget::setEnabled);
    m_api->setEnabled(false);

    auto* form = new QFormLayout;
    form->addRow(tr("&Network:"), m_network);
    form->addRow(tr("A&ccount:"), m_account);
    form->addRow(tr("&Depth:"), m_depth);
    form->addRow(tr("Ma&x follow lists:"), m_maxAccounts);
    form->addRow(QString(), m_asMe);
    form->addRow(QString(), m_resume);

    auto* progressBox = new QGroupBox(tr("Progress"), this);
    m_progress = new QProgressBar(progressBox);
    m_progress->setObjectName(QStringLiteral("crawlProgress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_accountsLabel = figure(progressBox, "crawlAccounts");
    m_requestsLabel = figure(progressBox, "crawlRequests");
    m_waitsLabel = figure(progressBox, "crawlWaits");
    m_currentLabel = figure(progressBox, "crawlCurrent");
    setTextColour(m_currentLabel, mutedTextColor(palette()));
    auto* progressForm = new QFormLayout(progressBox);
    progressForm->addRow(m_progress);
    progressForm->addRow(tr("Follow lists done / queued:"), m_accountsLabel);
    progressForm->addRow(tr("Requests:"), m_requestsLabel);
    progressForm->addRow(tr("Rate-limit waits:"), m_waitsLabel);
    progressForm->addRow(tr("Now:"), m_currentLabel);

    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("crawlResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details = new QPlainTextEdit(this);
    m_details->setObjectName(QStringLiteral("crawlDetails"));
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_details->setVisible(false);
    m_details->setMinimumHeight(100);

    m_buttons = new QDialogButtonBox(this);
    m_startButton = m_buttons->addButton(tr("&Fetch"), QDialogButtonBox::AcceptRole);
    m_startButton->setDefault(true);
    m_cancelButton = m_buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_startButton, &QPushButton::clicked, this, &CrawlDialog::start);
    connect(m_cancelButton, &QPushButton::clicked, this, &CrawlDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_advanced);
    layout->addWidget(progressBox);
    layout->addWidget(m_result);
    layout->addWidget(m_details, 1);
    layout->addWidget(m_buttons);

    m_poll = new QTimer(this);
    m_poll->setInterval(kPollIntervalMs);
    connect(m_poll, &QTimer::timeout, this, &CrawlDialog::pollProgress);
    connect(m_network, &QComboBox::currentIndexChanged, this, &CrawlDialog::updateNetworkHints);
    connect(m_account, &QLineEdit::textChanged, this, &CrawlDialog::updateButtons);

    updateNetworkHints();
    resize(600, 620);
    setState(State::Editing);
}

// The Background stops a crawl in flight: what was fetched stays; the worker stops at its next check.
CrawlDialog::~CrawlDialog() = default;

void CrawlDialog::updateNetworkHints()
{
    const bool bluesky = m_network->currentData().toInt() == static_cast<int>(CrawlNetwork::Bluesky);
    m_account->setPlaceholderText(bluesky ? tr("handle.bsky.social or did:plc:\u2026") : tr("user@mastodon.social"));
    m_account->setToolTip(bluesky ? tr("A Bluesky handle or DID") : tr("A Mastodon account as user@server"));
    m_api->setPlaceholderText(bluesky ? QStringLiteral("https://public.api.bsky.app") : tr("https://SERVER"));
    m_api->setToolTip(tr("Send every request to this base URL instead of each account's own server (a mirror or a "
                         "test server)"));
    updateButtons();
}

void CrawlDialog::setRequest(const CrawlRequest& request)
{
    m_network->setCurrentIndex(m_network->findData(static_cast<int>(request.network)));
    m_account->setText(toQString(request.start));
    m_depth->setValue(request.depth);
    m_maxAccounts->setValue(static_cast<int>(request.maxAccounts));
    m_asMe->setChecked(request.asMe);
    m_resume->setChecked(request.resume);
    m_advanced->setChecked(!request.api.empty());
    m_api->setText(toQString(request.api));
}

CrawlRequest CrawlDialog::request() const
{
    CrawlRequest request;
    request.network = static_cast<CrawlNetwork>(m_network->currentData().toInt());
    QString start = m_account->text().trimmed();
    if (request.network == CrawlNetwork::Mastodon && start.startsWith(QLatin1Char('@'))) {
        start.remove(0, 1);  // "@user@host" as Mastodon shows it
    }
    request.start = start.toStdString();
    request.depth = m_depth->value();
    request.maxAccounts = m_maxAccounts->value();
    request.asMe = m_asMe->isChecked();
    request.resume = m_resume->isChecked();
    if (m_advanced->isChecked()) {
        request.api = m_api->text().trimmed().toStdString();
    }
    return request;
}

void CrawlDialog::updateButtons()
{
    m_startButton->setEnabled(m_state != State::Running && !m_account->text().trimmed().isEmpty() &&
                              m_session.hasWorkspace());
}

bool CrawlDialog::start()
{
    std::shared_ptr<Workspace> workspace = m_session.sharedWorkspace();
    const CrawlRequest crawl = request();
    if (!workspace || crawl.start.empty() || m_state == State::Running) {
        return false;
    }
    auto progress = std::make_shared<SharedValue<CrawlProgress>>();
    m_lastProgress = progress;
    CrawlOptions options;
    options.http = m_http;
    options.progress = [progress](const CrawlProgress& now) { progress->set(now); };
    // The crawl takes the writer for every page it stores, at moments nobody can foresee, for as long as
    // it runs: edits wait for its end (or its stop; a stopped crawl resumes where it was).
    auto work = [workspace, crawl, options,
                 hold = m_session.holdWriter(tr("Editing is paused until fetching follow lists ends (Stop it to "
                                                "edit now: Resume carries on where it stopped)."))](
                    BackgroundTask& task) mutable {
        CrawlOutcome outcome;
        options.cancel = task.cancelToken();
        auto summary = workspace->crawl(crawl, options);
        if (!summary) {
            outcome.cancelled = summary.error().isCancelled();
            outcome.error = QString::fromStdString(summary.error().describe());
        } else {
            outcome.summary = std::move(summary).value();
        }
        return outcome;
    };
    m_summary = {};
    m_details->clear();
    m_details->setVisible(false);
    m_result->clear();
    setState(State::Running);
    m_poll->start();
    m_background.run(std::move(work), [this](Result<CrawlOutcome> outcome) {
        if (!outcome) {
            finish(CrawlOutcome{
                .summary = {}, .error = QString::fromStdString(outcome.error().describe()), .cancelled = false});
            return;
        }
        finish(*outcome);
    });
    return true;
}

void CrawlDialog::cancel()
{
    if (m_background.isBusy()) {
        m_background.cancel();
        m_currentLabel->setText(tr("Stopping after the request in flight\u2026"));
    }
}

void CrawlDialog::reject()
{
    if (m_state == State::Running) {
        cancel();  // the dialog stays to show what was kept
        return;
    }
    QDialog::reject();
}

void CrawlDialog::pollProgress()
{
    if (!m_background.isBusy() || !m_lastProgress) {
        return;
    }
    const CrawlProgress progress = m_lastProgress->get();
    const std::int64_t all = progress.accountsDone + progress.accountsQueued;
    if (all > 0) {
        m_progress->setRange(0, static_cast<int>(std::min<std::int64_t>(all, 1'000'000'000)));
        m_progress->setValue(static_cast<int>(std::min<std::int64_t>(progress.accountsDone, 1'000'000'000)));
    } else {
        m_progress->setRange(0, 0);
    }
    m_accountsLabel->setText(
        tr("%1 / %2").arg(formatCount(progress.accountsDone), formatCount(progress.accountsQueued)));
    m_requestsLabel->setText(formatCount(static_cast<std::int64_t>(progress.requests)));
    m_waitsLabel->setText(formatCount(static_cast<std::int64_t>(progress.rateLimitWaits)));
    if (m_background.isCancelling()) {
        return;
    }
    if (progress.waiting.count() > 0) {
        const double seconds = static_cast<double>(progress.waiting.count()) / 1000.0;
        m_currentLabel->setText(progress.waitReason == "rate limit"
                                    ? tr("Waiting %1 s: the server asked us to slow down").arg(seconds, 0, 'f', 1)
                                    : tr("Waiting %1 s before trying again").arg(seconds, 0, 'f', 1));
    } else if (!progress.current.empty()) {
        m_currentLabel->setText(tr("Fetching the follow list of %1").arg(toQString(progress.current)));
    } else {
        m_currentLabel->setText(tr("Starting\u2026"));
    }
}

void CrawlDialog::finish(const CrawlOutcome& outcome)
{
    m_poll->stop();
    pollProgress();
    const QString& error = outcome.error;
    const CrawlSummary& summary = outcome.summary;
    if (!error.isEmpty() && outcome.cancelled) {
        // Stopped before the first follow list was stored: there is nothing to resume.
        m_result->setText(tr("Cancelled before anything was fetched; nothing was written."));
        m_currentLabel->setText(QStringLiteral("\u2014"));
        setState(State::Editing);
        emit crawlEnded(m_state);
        return;
    }
    if (!error.isEmpty()) {
        m_result->setText(tr("The crawl could not run: %1").arg(error));
        m_currentLabel->setText(QStringLiteral("\u2014"));
        setState(State::Failed);
        emit crawlEnded(m_state);
        return;
    }
    m_summary = summary;
    m_accountsLabel->setText(tr("%1 / %2").arg(formatCount(summary.followListsFetched), formatCount(std::int64_t{0})));
    m_requestsLabel->setText(formatCount(static_cast<std::int64_t>(summary.requests)));
    m_waitsLabel->setText(formatCount(static_cast<std::int64_t>(summary.rateLimitWaits)));
    const QString counts = tr("%1 seen, %2 fetched, %3 added.")
                               .arg(formatCount(summary.accountsSeen, tr("account"), tr("accounts")),
                                    formatCount(summary.followListsFetched, tr("follow list"), tr("follow lists")),
                                    formatCount(summary.linksAdded, tr("link"), tr("links")));
    State ended = State::Finished;
    switch (summary.outcome) {
    case CrawlSummary::Outcome::Finished:
        m_result->setText(tr("Done: %1").arg(counts));
        m_currentLabel->setText(tr("Finished"));
        m_progress->setRange(0, 1);
        m_progress->setValue(1);
        break;
    case CrawlSummary::Outcome::Cancelled:
        m_result->setText(
            tr("Stopped: %1 Everything fetched so far is kept; tick \u201cResume\u201d to continue.").arg(counts));
        m_currentLabel->setText(tr("Stopped"));
        ended = State::Stopped;
        break;
    case CrawlSummary::Outcome::NetworkDown:
        m_result->setText(tr("The server stopped answering (%1). %2 Everything fetched so far is kept; tick "
                             "\u201cResume\u201d to continue later.")
                              .arg(toQString(summary.stopReason), counts));
        m_currentLabel->setText(tr("Interrupted"));
        ended = State::Stopped;
        break;
    }
    QStringList details;
    if (!summary.hidden.empty()) {
        details.append(tr("Hidden follow lists (recorded, not an error):"));
        for (const std::string& ref : summary.hidden) {
            details.append(QStringLiteral("  ") + toQString(ref));
        }
    }
    if (!summary.errors.empty()) {
        details.append(tr("Responses that could not be used (skipped):"));
        for (const CrawlError& problem : summary.errors) {
            details.append(QStringLiteral("  %1: %2").arg(toQString(problem.url), toQString(problem.error)));
        }
    }
    m_details->setPlainText(details.join(QLatin1Char('\n')));
    m_details->setVisible(!details.isEmpty());
    m_resume->setChecked(ended == State::Stopped);
    setState(ended);
    emit crawlEnded(m_state);
    m_session.reloadPeople();
}

QString CrawlDialog::resultText() const
{
    return m_result->text();
}

void CrawlDialog::setState(State state)
{
    m_state = state;
    const bool running = state == State::Running;
    for (QWidget* field :
         std::initializer_list<QWidget*>{m_network, m_account, m_depth, m_maxAccounts, m_asMe, m_resume, m_advanced}) {
        field->setEnabled(!running);
    }
    setTextColour(m_result, state == State::Failed ? overdueColor(palette()) : palette().color(QPalette::WindowText));
    m_cancelButton->setText(running ? tr("&Stop") : (state == State::Editing ? tr("Cancel") : tr("Close")));
    m_cancelButton->setToolTip(running ? tr("Stop after the request in flight; what was fetched is kept") : QString());
    m_startButton->setText(state == State::Stopped ? tr("&Resume") : tr("&Fetch"));
    if (running) {
        m_progress->setRange(0, 0);
        m_currentLabel->setText(tr("Starting\u2026"));
    }
    updateButtons();
}

}  // namespace warmpath::ui
