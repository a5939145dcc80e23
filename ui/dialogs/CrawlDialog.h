#pragma once

#include <memory>

#include <QDialog>
#include <QString>

#include "Background.h"
#include "fetch/Crawl.h"

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;

namespace warmpath::ui {

class Session;
struct CrawlOutcome;

/// File ▸ Fetch follow lists…: crawls the public follow lists of a Bluesky or Mastodon account (and of
/// the accounts it follows, down to the depth) into the open database, off the UI thread, with live
/// progress and Cancel. What was fetched before a cancel stays and a later run can resume.
class CrawlDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CrawlDialog)

public:
    enum class State { Editing, Running, Finished, Stopped, Failed };

    CrawlDialog(Session& session, QWidget* parent = nullptr);
    ~CrawlDialog() override;

    void setRequest(const CrawlRequest& request);
    [[nodiscard]] CrawlRequest request() const;
    /// Timeouts and retries; tests shorten them.
    void setHttpOptions(const fetch::HttpOptions& http) { m_http = http; }

    /// Starts the crawl (the Fetch button); false when the account is missing.
    bool start();
    /// Stops the crawl after the request in flight; everything fetched so far is kept.
    void cancel();

    [[nodiscard]] State state() const { return m_state; }
    /// The last crawl's summary (valid once it has ended).
    [[nodiscard]] const CrawlSummary& summary() const { return m_summary; }
    /// What the dialog says at the end, or why the crawl could not run.
    [[nodiscard]] QString resultText() const;

signals:
    void crawlEnded(CrawlDialog::State state);

protected:
    void reject() override;

private:
    void updateNetworkHints();
    void updateButtons();
    void pollProgress();
    void finish(const CrawlOutcome& outcome);
    void setState(State state);

    Session& m_session;
    fetch::HttpOptions m_http;
    State m_state = State::Editing;
    CrawlSummary m_summary;
    Background m_background{this};  ///< the crawl in flight
    /// What the crawl in flight last reported: more than BackgroundProgress holds.
    std::shared_ptr<SharedValue<CrawlProgress>> m_lastProgress;

    QComboBox* m_network = nullptr;
    QLineEdit* m_account = nullptr;
    QSpinBox* m_depth = nullptr;
    QSpinBox* m_maxAccounts = nullptr;
    QCheckBox* m_asMe = nullptr;
    QCheckBox* m_resume = nullptr;
    QGroupBox* m_advanced = nullptr;
    QLineEdit* m_api = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_accountsLabel = nullptr;
    QLabel* m_requestsLabel = nullptr;
    QLabel* m_waitsLabel = nullptr;
    QLabel* m_currentLabel = nullptr;
    QLabel* m_result = nullptr;
    QPlainTextEdit* m_details = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_startButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QTimer* m_poll = nullptr;
};

}  // namespace warmpath::ui
