#include "dialogs/BackupDialogs.h"

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <utility>

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QVBoxLayout>

#include "Format.h"
#include "Session.h"

namespace warmpath::ui {

namespace {

std::filesystem::path toFsPath(const QString& path)
{
    return std::filesystem::path(QFile::encodeName(path).toStdString());
}

QString describe(const Error& error)
{
    return QString::fromStdString(error.describe());
}

/// A passphrase field: hidden, with an action to show what was typed.
QLineEdit* passphraseField(QWidget* parent)
{
    auto* field = new QLineEdit(parent);
    field->setEchoMode(QLineEdit::Password);
    field->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    field->setMinimumWidth(280);
    return field;
}

/// A path field with its Browse button, as one widget: a form label's mnemonic needs a widget buddy.
QWidget* fileRow(QLineEdit* field, QPushButton* browse)
{
    auto* row = new QWidget(field->parentWidget());
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field, 1);
    layout->addWidget(browse);
    row->setFocusProxy(field);
    return row;
}

QString backupFilter()
{
    return BackupDialog::tr("Warmpath backups (*.wpbackup);;All files (*)");
}

}  // namespace

PassphraseStrength passphraseStrength(const QString& passphrase)
{
    if (passphrase.isEmpty()) {
        return PassphraseStrength::Empty;
    }
    int classes = 0;
    bool lower = false;
    bool upper = false;
    bool digit = false;
    bool other = false;
    for (const QChar c : passphrase) {
        lower = lower || c.isLower();
        upper = upper || c.isUpper();
        digit = digit || c.isDigit();
        other = other || (!c.isLetterOrNumber());
    }
    classes = int(lower) + int(upper) + int(digit) + int(other);
    const qsizetype length = passphrase.size();
    // Length matters most: four random words beat a short jumble of symbols.
    if (length >= 20 || (length >= 14 && classes >= 3)) {
        return PassphraseStrength::Strong;
    }
    if (length >= 12 || (length >= 10 && classes >= 3)) {
        return PassphraseStrength::Fair;
    }
    return PassphraseStrength::Weak;
}

// --- WorkStatusRows ----------------------------------------------------------------------------

WorkStatusRows WorkStatusRows::addTo(QDialog* dialog, QWidget* intro, QFormLayout* form, const QString& statusName,
                                     const QString& startText)
{
    WorkStatusRows rows;
    rows.status = new QLabel(dialog);
    rows.status->setObjectName(statusName);
    rows.status->setWordWrap(true);
    rows.status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rows.progress = new QProgressBar(dialog);
    rows.progress->setRange(0, 0);
    rows.progress->setTextVisible(false);
    rows.progress->setVisible(false);

    rows.buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, dialog);
    rows.start = rows.buttons->addButton(startText, QDialogButtonBox::AcceptRole);
    rows.start->setDefault(true);
    QObject::connect(rows.buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);

    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(rows.progress);
    layout->addWidget(rows.status);
    layout->addStretch(1);
    layout->addWidget(rows.buttons);
    return rows;
}

void WorkStatusRows::showState(bool busy, bool done, bool failed) const
{
    progress->setVisible(busy);
    // The dialog's colours: the label's own palette carries the last colour it was given.
    const QPalette palette = status->parentWidget()->palette();
    setTextColour(status, failed ? overdueColor(palette) : palette.color(QPalette::WindowText));
    start->setVisible(!done);
    QPushButton* cancel = buttons->button(QDialogButtonBox::Cancel);
    cancel->setText(done ? BackupDialog::tr("Close") : BackupDialog::tr("Cancel"));
    // scrypt, the online backup and replacing a database cannot be interrupted; they take seconds at most.
    cancel->setEnabled(!busy);
}

// --- BackupDialog ------------------------------------------------------------------------------

BackupDialog::BackupDialog(Session& session, QWidget* parent) : QDialog(parent), m_session(session)
{
    setWindowTitle(tr("Back Up"));

    auto* intro = new QLabel(tr("Writes an encrypted copy of %1. Without the passphrase nobody can read the "
                                "backup \u2014 not even you, so keep it somewhere safe.")
                                 .arg(m_session.displayName()),
                             this);
    intro->setWordWrap(true);

    m_file = new QLineEdit(this);
    m_file->setObjectName(QStringLiteral("backupFile"));
    m_file->setClearButtonEnabled(true);
    const QString base = m_session.isDemo() ? QStringLiteral("demo") : QFileInfo(m_session.databasePath()).baseName();
    const QString folder = m_session.databasePath().isEmpty()
                               ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                               : QFileInfo(m_session.databasePath()).absolutePath();
    m_file->setText(QDir(folder).filePath(
        QStringLiteral("%1-%2.wpbackup")
            .arg(base.isEmpty() ? QStringLiteral("warmpath") : base, QDate::currentDate().toString(Qt::ISODate))));
    auto* browse = new QPushButton(tr("&Browse\u2026"), this);
    connect(browse, &QPushButton::clicked, this, &BackupDialog::browse);

    m_passphrase = passphraseField(this);
    m_passphrase->setObjectName(QStringLiteral("backupPassphrase"));
    m_passphrase->setToolTip(tr("A long passphrase of several unrelated words is both strong and memorable"));
    m_repeat = passphraseField(this);
    m_repeat->setObjectName(QStringLiteral("backupPassphraseRepeat"));
    m_strength = new QLabel(this);
    m_strength->setObjectName(QStringLiteral("passphraseStrength"));
    auto* show = new QCheckBox(tr("S&how passphrase"), this);
    connect(show, &QCheckBox::toggled, this, [this](bool visible) {
        m_passphrase->setEchoMode(visible ? QLineEdit::Normal : QLineEdit::Password);
        m_repeat->setEchoMode(visible ? QLineEdit::Normal : QLineEdit::Password);
    });

    auto* form = new QFormLayout;
    form->addRow(tr("Back up &to:"), fileRow(m_file, browse));
    form->addRow(tr("&Passphrase:"), m_passphrase);
    form->addRow(tr("&Repeat passphrase:"), m_repeat);
    form->addRow(QString(), m_strength);
    form->addRow(QString(), show);

    m_rows = WorkStatusRows::addTo(this, intro, form, QStringLiteral("backupStatus"), tr("&Back Up"));
    connect(m_rows.start, &QPushButton::clicked, this, &BackupDialog::start);

    connect(m_file, &QLineEdit::textChanged, this, &BackupDialog::updateHints);
    connect(m_passphrase, &QLineEdit::textChanged, this, &BackupDialog::updateHints);
    connect(m_repeat, &QLineEdit::textChanged, this, &BackupDialog::updateHints);
    setMinimumWidth(560);
    updateHints();
    m_passphrase->setFocus();
}

BackupDialog::~BackupDialog() = default;

void BackupDialog::setFile(const QString& path)
{
    m_file->setText(path);
}

void BackupDialog::setPassphrase(const QString& passphrase, const QString& repeated)
{
    m_passphrase->setText(passphrase);
    m_repeat->setText(repeated);
}

void BackupDialog::browse()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Back up to"), m_file->text(), backupFilter());
    if (path.isEmpty()) {
        return;
    }
    if (QFileInfo(path).suffix().isEmpty()) {
        path += QStringLiteral(".wpbackup");
    }
    m_file->setText(path);
}

void BackupDialog::updateHints()
{
    const QString passphrase = m_passphrase->text();
    switch (passphraseStrength(passphrase)) {
    case PassphraseStrength::Empty:
        m_strength->setText(tr("Choose a passphrase of at least 12 characters."));
        setTextColour(m_strength, mutedTextColor(palette()));
        break;
    case PassphraseStrength::Weak:
        m_strength->setText(tr("Weak: make it longer, e.g. four unrelated words."));
        setTextColour(m_strength, overdueColor(palette()));
        break;
    case PassphraseStrength::Fair:
        m_strength->setText(tr("Fair: a few more characters would make it strong."));
        setTextColour(m_strength, degreeColor(2));
        break;
    case PassphraseStrength::Strong:
        m_strength->setText(tr("Strong passphrase."));
        setTextColour(m_strength, degreeColor(1));
        break;
    }
    const bool matches = !passphrase.isEmpty() && passphrase == m_repeat->text();
    if (!m_repeat->text().isEmpty() && !matches) {
        m_rows.status->setText(tr("The two passphrases differ."));
    } else if (m_state == State::Editing) {
        m_rows.status->clear();
    }
    m_rows.start->setEnabled(m_state != State::Working && matches && !m_file->text().trimmed().isEmpty());
}

bool BackupDialog::start()
{
    std::shared_ptr<Workspace> workspace = m_session.sharedWorkspace();
    const QString file = m_file->text().trimmed();
    const QString passphrase = m_passphrase->text();
    if (!workspace || file.isEmpty() || passphrase.isEmpty() || passphrase != m_repeat->text() ||
        m_state == State::Working) {
        return false;
    }
    setState(State::Working);
    m_rows.status->setText(tr("Writing the backup\u2026"));
    const BackupOptions options = m_options;
    // A backup reads on a connection of its own, beside edits; a workspace in memory (the demo) has only
    // the writer's, which the backup then holds from the key's derivation to the last byte.
    WriterHold hold;
    if (workspace->readsShareTheWriter()) {
        hold = m_session.holdWriter(tr("Editing is paused until the backup is written."));
    }
    auto work = [workspace, file, passphrase, options, hold]() {
        std::string secret = passphrase.toStdString();
        auto written = workspace->backup(toFsPath(file), secret, options);
        std::fill(secret.begin(), secret.end(), '\0');
        return written;
    };
    m_background.run(std::move(work), [this, file](const Result<BackupSummary>& written) {
        if (!written) {
            m_rows.status->setText(tr("The backup was not written: %1").arg(describe(written.error())));
            setState(State::Failed);
            emit finished(false);
            return;
        }
        m_rows.status->setText(tr("Backed up to %1 (%2).")
                                   .arg(QDir::toNativeSeparators(file),
                                        QLocale().formattedDataSize(static_cast<qint64>(written->fileBytes), 1,
                                                                    QLocale::DataSizeTraditionalFormat)));
        setState(State::Done);
        emit finished(true);
    });
    return true;
}

QString BackupDialog::message() const
{
    return m_rows.status->text();
}

void BackupDialog::setState(State state)
{
    m_state = state;
    for (QLineEdit* field : {m_file, m_passphrase, m_repeat}) {
        field->setEnabled(state != State::Working && state != State::Done);
    }
    m_rows.showState(state == State::Working, state == State::Done, state == State::Failed);
    if (state != State::Working) {
        updateHints();
    } else {
        m_rows.start->setEnabled(false);
    }
}

// --- RestoreDialog -----------------------------------------------------------------------------

RestoreDialog::RestoreDialog(Session& session, QWidget* parent) : QDialog(parent), m_session(session)
{
    setWindowTitle(tr("Restore"));
    m_confirm = [this](const QString& database) {
        QMessageBox box(QMessageBox::Warning, tr("Replace the open database?"),
                        tr("Replace %1 with the contents of the backup?").arg(database), QMessageBox::Cancel, this);
        box.setInformativeText(tr("Everything in it now is replaced by what the backup holds. Back it up first if "
                                  "you may want it again."));
        QPushButton* replace = box.addButton(tr("&Replace"), QMessageBox::DestructiveRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        return box.clickedButton() == replace;
    };

    auto* intro = new QLabel(tr("Decrypts a Warmpath backup and opens it. A wrong passphrase or a damaged file "
                                "changes nothing."),
                             this);
    intro->setWordWrap(true);

    m_backupFile = new QLineEdit(this);
    m_backupFile->setObjectName(QStringLiteral("restoreFile"));
    m_backupFile->setClearButtonEnabled(true);
    auto* browse = new QPushButton(tr("&Browse\u2026"), this);
    connect(browse, &QPushButton::clicked, this, &RestoreDialog::browseBackup);
    m_passphrase = passphraseField(this);
    m_passphrase->setObjectName(QStringLiteral("restorePassphrase"));

    const bool hasFile = m_session.hasWorkspace() && !m_session.isDemo() && !m_session.databasePath().isEmpty();
    m_replaceOpen = new QRadioButton(
        hasFile ? tr("&Replace the open database (%1)").arg(QFileInfo(m_session.databasePath()).fileName())
                : tr("&Replace the open database"),
        this);
    m_replaceOpen->setEnabled(hasFile);
    m_replaceOpen->setToolTip(hasFile ? QDir::toNativeSeparators(m_session.databasePath())
                                      : tr("The demo network lives in memory only; restore into a new file"));
    m_intoNew = new QRadioButton(tr("Into a &new database file:"), this);
    m_target = new QLineEdit(this);
    m_target->setObjectName(QStringLiteral("restoreTarget"));
    m_targetBrowse = new QPushButton(tr("Br&owse\u2026"), this);
    connect(m_targetBrowse, &QPushButton::clicked, this, &RestoreDialog::browseTarget);
    (hasFile ? m_replaceOpen : m_intoNew)->setChecked(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&Backup file:"), fileRow(m_backupFile, browse));
    form->addRow(tr("&Passphrase:"), m_passphrase);
    form->addRow(tr("Restore:"), m_replaceOpen);
    form->addRow(QString(), m_intoNew);
    form->addRow(QString(), fileRow(m_target, m_targetBrowse));

    m_rows = WorkStatusRows::addTo(this, intro, form, QStringLiteral("restoreStatus"), tr("&Restore"));
    connect(m_rows.start, &QPushButton::clicked, this, &RestoreDialog::start);

    for (QLineEdit* field : {m_backupFile, m_passphrase, m_target}) {
        connect(field, &QLineEdit::textChanged, this, &RestoreDialog::updateButtons);
    }
    connect(m_intoNew, &QRadioButton::toggled, this, &RestoreDialog::updateButtons);
    setMinimumWidth(560);
    updateButtons();
}

RestoreDialog::~RestoreDialog() = default;

void RestoreDialog::setBackupFile(const QString& path)
{
    m_backupFile->setText(path);
}

void RestoreDialog::setPassphrase(const QString& passphrase)
{
    m_passphrase->setText(passphrase);
}

void RestoreDialog::setTarget(const QString& path)
{
    m_intoNew->setChecked(true);
    m_target->setText(path);
}

void RestoreDialog::browseBackup()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Restore from"), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation), backupFilter());
    if (!path.isEmpty()) {
        m_backupFile->setText(path);
    }
}

void RestoreDialog::browseTarget()
{
    QString path =
        QFileDialog::getSaveFileName(this, tr("Restore into"),
                                     QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                         .filePath(QStringLiteral("restored.db")),
                                     tr("Warmpath databases (*.db)"));
    if (path.isEmpty()) {
        return;
    }
    if (QFileInfo(path).suffix().isEmpty()) {
        path += QStringLiteral(".db");
    }
    m_intoNew->setChecked(true);
    m_target->setText(path);
}

bool RestoreDialog::replacesOpenDatabase() const
{
    return m_replaceOpen->isChecked() && m_replaceOpen->isEnabled();
}

void RestoreDialog::updateButtons()
{
    const bool busy = m_state == State::Checking || m_state == State::Restoring;
    m_target->setEnabled(!busy && m_intoNew->isChecked());
    m_targetBrowse->setEnabled(!busy && m_intoNew->isChecked());
    const bool ready = !m_backupFile->text().trimmed().isEmpty() && !m_passphrase->text().isEmpty() &&
                       (replacesOpenDatabase() || !m_target->text().trimmed().isEmpty());
    m_rows.start->setEnabled(!busy && ready);
}

bool RestoreDialog::start()
{
    const QString backup = m_backupFile->text().trimmed();
    const QString passphrase = m_passphrase->text();
    if (backup.isEmpty() || passphrase.isEmpty() || m_state == State::Checking || m_state == State::Restoring) {
        return false;
    }
    if (replacesOpenDatabase()) {
        const QString target = m_session.databasePath();
        if (m_session.isWriterHeld()) {
            // An import or a fetch still writes into it: replacing it now would wait for that, then lose it.
            m_rows.status->setText(tr("Nothing was restored: %1").arg(m_session.editsPausedReason()));
            setState(State::Failed);
            return false;
        }
        if (!m_confirm(QFileInfo(target).fileName())) {
            return false;
        }
        replaceOpenDatabase(backup, passphrase, target);
        return true;
    }
    const QString target = QFileInfo(m_target->text().trimmed()).absoluteFilePath();
    if (m_target->text().trimmed().isEmpty()) {
        return false;
    }
    if (target == m_session.databasePath()) {
        m_replaceOpen->setChecked(true);
        return start();
    }
    restoreIntoNewFile(backup, passphrase, target);
    return true;
}

void RestoreDialog::restoreIntoNewFile(const QString& backup, const QString& passphrase, const QString& target)
{
    setState(State::Restoring);
    m_rows.status->setText(tr("Restoring\u2026"));
    // The file dialog already asked before choosing an existing file.
    const bool force = QFileInfo::exists(target);
    auto work = [backup, passphrase, target, force]() {
        std::string secret = passphrase.toStdString();
        const Status restored = Workspace::restore(toFsPath(backup), secret, toFsPath(target), force);
        std::fill(secret.begin(), secret.end(), '\0');
        return restored;
    };
    m_background.run(std::move(work), [this, target](const Status& restored) {
        if (!restored) {
            m_rows.status->setText(tr("Nothing was restored: %1").arg(describe(restored.error())));
            setState(State::Failed);
            emit finished(false);
            return;
        }
        reopen(target, QString());
    });
}

void RestoreDialog::replaceOpenDatabase(const QString& backup, const QString& passphrase, const QString& target)
{
    setState(State::Checking);
    m_rows.status->setText(tr("Checking the backup and the passphrase\u2026"));
    // The core's restore in its two halves, as the CLI runs it in one: decrypted and verified beside the
    // database while it is still open (a wrong passphrase is found before anything is closed), then put in
    // place once the session has let go of it.
    auto check = [backup, passphrase, target]() {
        std::string secret = passphrase.toStdString();
        Result<PendingRestore> pending = Workspace::prepareRestore(toFsPath(backup), secret, toFsPath(target), true);
        std::fill(secret.begin(), secret.end(), '\0');
        return pending;
    };
    m_background.run(std::move(check), [this, target](Result<PendingRestore> checked) {
        if (!checked || m_session.isWriterHeld()) {
            m_rows.status->setText(tr("Nothing was restored: %1")
                                       .arg(checked ? m_session.editsPausedReason() : describe(checked.error())));
            setState(State::Failed);
            emit finished(false);
            return;
        }
        setState(State::Restoring);
        m_rows.status->setText(tr("Replacing %1\u2026").arg(QFileInfo(target).fileName()));
        std::weak_ptr<Workspace> open = m_session.sharedWorkspace();
        m_session.close();
        auto replace = [pending = std::make_shared<PendingRestore>(std::move(checked).value()), open]() -> Status {
            // Background work (a map layout, a reload) may still hold the old workspace for a moment; the
            // file is replaced only once its connection is closed.
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
            while (!open.expired() && std::chrono::steady_clock::now() < deadline) {
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
            if (!open.expired()) {
                return Error(tr("the open database is still in use; try again in a moment").toStdString());
            }
            return pending->commit();
        };
        m_background.run(std::move(replace), [this, target](const Status& restored) {
            // Either way the database is opened again: restored, or as it was.
            reopen(target, restored ? QString() : describe(restored.error()));
        });
    });
}

void RestoreDialog::reopen(const QString& target, const QString& failure)
{
    auto* context = new QObject(this);
    connect(&m_session, &Session::loaded, context, [this, context, target, failure] {
        context->deleteLater();
        if (!failure.isEmpty()) {
            m_rows.status->setText(tr("Nothing was restored: %1").arg(failure));
            setState(State::Failed);
            emit finished(false);
            return;
        }
        m_rows.status->setText(tr("Restored and opened %1.").arg(QDir::toNativeSeparators(target)));
        setState(State::Done);
        emit finished(true);
    });
    connect(&m_session, &Session::failed, context, [this, context](const QString& message) {
        context->deleteLater();
        m_rows.status->setText(tr("The database could not be opened again: %1").arg(message));
        setState(State::Failed);
        emit finished(false);
    });
    m_session.openDatabase(target, OpenMode::MustExist);
}

QString RestoreDialog::message() const
{
    return m_rows.status->text();
}

void RestoreDialog::setState(State state)
{
    m_state = state;
    const bool busy = state == State::Checking || state == State::Restoring;
    for (QWidget* field : std::initializer_list<QWidget*>{m_backupFile, m_passphrase, m_intoNew}) {
        field->setEnabled(!busy && state != State::Done);
    }
    m_replaceOpen->setEnabled(!busy && state != State::Done && m_session.hasWorkspace() && !m_session.isDemo() &&
                              !m_session.databasePath().isEmpty());
    m_rows.showState(busy, state == State::Done, state == State::Failed);
    updateButtons();
}

}  // namespace warmpath::ui
