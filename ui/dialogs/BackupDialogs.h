#pragma once

#include <functional>
#include <memory>

#include <QDialog>
#include <QString>

#include "Background.h"
#include "crypto/Backup.h"

class QCheckBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace warmpath::ui {

class Session;

/// How strong a passphrase looks, for the hint under the fields: length and variety of characters.
enum class PassphraseStrength { Empty, Weak, Fair, Strong };
[[nodiscard]] PassphraseStrength passphraseStrength(const QString& passphrase);

/// What the backup and the restore dialog show under their form: a busy bar, the status line, and
/// Cancel beside the button that starts the work. Neither job can be interrupted halfway.
struct WorkStatusRows {
    QLabel* status = nullptr;
    QProgressBar* progress = nullptr;
    QDialogButtonBox* buttons = nullptr;
    QPushButton* start = nullptr;

    /// Lays out `intro`, `form` and the rows on `dialog`; the status label is named `statusName`.
    static WorkStatusRows addTo(QDialog* dialog, QWidget* intro, QFormLayout* form, const QString& statusName,
                                const QString& startText);
    /// Busy: the bar runs and nothing can be pressed. Done: only Close is left. Failed: the status is a warning.
    void showState(bool busy, bool done, bool failed) const;
};

/// File ▸ Back up…: an encrypted backup of the open database (AES-256-GCM, key from the passphrase
/// with scrypt), written off the UI thread. The passphrase is asked twice, with a strength hint.
class BackupDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupDialog)

public:
    enum class State { Editing, Working, Done, Failed };

    BackupDialog(Session& session, QWidget* parent = nullptr);
    ~BackupDialog() override;

    void setFile(const QString& path);
    void setPassphrase(const QString& passphrase, const QString& repeated);
    /// The key derivation's cost; tests lower it, users keep the default.
    void setBackupOptions(const BackupOptions& options) { m_options = options; }

    /// Writes the backup (the Back Up button); false when the fields are not ready.
    bool start();
    [[nodiscard]] State state() const { return m_state; }
    /// What the dialog says about the outcome.
    [[nodiscard]] QString message() const;

signals:
    void finished(bool ok);

private:
    void browse();
    void updateHints();
    void setState(State state);

    Session& m_session;
    Background m_background{this};
    BackupOptions m_options;
    State m_state = State::Editing;

    QLineEdit* m_file = nullptr;
    QLineEdit* m_passphrase = nullptr;
    QLineEdit* m_repeat = nullptr;
    QLabel* m_strength = nullptr;
    WorkStatusRows m_rows;
};

/// File ▸ Restore…: decrypts a backup into the open database (after asking, and only once the
/// passphrase is known to be right) or into a new database file, then opens it. A wrong passphrase
/// or a damaged file changes nothing and says so.
class RestoreDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestoreDialog)

public:
    enum class State { Editing, Checking, Restoring, Done, Failed };

    RestoreDialog(Session& session, QWidget* parent = nullptr);
    ~RestoreDialog() override;

    void setBackupFile(const QString& path);
    void setPassphrase(const QString& passphrase);
    /// Restore into a new database at `path` instead of over the open one.
    void setTarget(const QString& path);
    /// Asks the user before the open database is replaced; tests answer for them.
    void setConfirmation(std::function<bool(const QString& database)> confirm) { m_confirm = std::move(confirm); }

    /// Starts the restore (the Restore button); false when the fields are not ready.
    bool start();
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QString message() const;

signals:
    void finished(bool ok);

private:
    void browseBackup();
    void browseTarget();
    void updateButtons();
    void setState(State state);
    void replaceOpenDatabase(const QString& backup, const QString& passphrase, const QString& target);
    void restoreIntoNewFile(const QString& backup, const QString& passphrase, const QString& target);
    void reopen(const QString& target, const QString& failure);
    [[nodiscard]] bool replacesOpenDatabase() const;

    Session& m_session;
    Background m_background{this};
    State m_state = State::Editing;
    std::function<bool(const QString&)> m_confirm;

    QLineEdit* m_backupFile = nullptr;
    QLineEdit* m_passphrase = nullptr;
    QRadioButton* m_replaceOpen = nullptr;
    QRadioButton* m_intoNew = nullptr;
    QLineEdit* m_target = nullptr;
    QPushButton* m_targetBrowse = nullptr;
    WorkStatusRows m_rows;
};

}  // namespace warmpath::ui
