#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include <QDialog>
#include <QString>
#include <QStringList>

#include "Background.h"
#include "Workspace.h"
#include "import/ColumnMapping.h"

class QDialogButtonBox;
class QLabel;
class QCheckBox;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace warmpath::ui {

class Session;
struct ImportOutcome;
class ImportColumnsView;

/// File ▸ Import…: the files to import (format detected per file, or chosen), a preview of what they
/// would add (the core's dry run, off the UI thread), then the import itself with a progress bar and
/// Cancel, which rolls everything back. All files go in one transaction; after it the session reloads.
/// A CSV that is no export Warmpath knows is not guessed at: the dialog shows its first rows and asks
/// what each column is (`import --columns`) before it previews it.
class ImportDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDialog)

public:
    enum class State { Empty, Previewing, Ready, Failed, Importing, Imported, Cancelled, NeedsColumns };

    explicit ImportDialog(Session& session, QWidget* parent = nullptr);
    ~ImportDialog() override;

    /// Adds files (paths; a folder for an X archive) and previews them again.
    void addFiles(const QStringList& paths);
    [[nodiscard]] QStringList files() const;
    /// Chooses the format of file `row`; nullopt goes back to the detected one.
    void setFormat(int row, std::optional<import::Format> format);
    void setNameSpace(const QString& nameSpace);
    /// Edge lists give a link each way per line (`import --undirected`).
    void setUndirected(bool undirected);

    [[nodiscard]] State state() const { return m_state; }
    /// What the last preview found, summed over the files (all zero before one).
    [[nodiscard]] const import::ImportCounts& previewTotals() const { return m_previewTotals; }
    [[nodiscard]] std::int64_t previewQueuedForReview() const { return m_previewQueued; }
    /// What the import did, summed over the files.
    [[nodiscard]] const import::ImportCounts& importTotals() const { return m_importTotals; }
    /// Every warning of the last preview or import, each naming its file and line.
    [[nodiscard]] QStringList warnings() const { return m_warnings; }
    /// Why the last preview or import failed (file:line: problem), or empty.
    [[nodiscard]] QString errorText() const { return m_error; }

    /// Runs the import of the files as previewed (the Import button).
    void startImport();
    /// Stops a preview or an import; an import is rolled back.
    void cancel();

signals:
    void stateChanged(ImportDialog::State state);

protected:
    void reject() override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void chooseFiles();
    void chooseFolder();
    void removeSelectedFiles();
    void schedulePreview();
    void startPreview();
    void finishPreview(const ImportOutcome& outcome);
    void finishImport(const ImportOutcome& outcome);
    void showCounts(const std::vector<FileImportSummary>& summaries, bool preview);
    void showDetectedFormats(const ImportOutcome& outcome);
    /// Shows the columns of the CSV the user is most likely to be choosing for (the selected file,
    /// else the first still to map), or hides the mapping step when no file is such a CSV.
    void showColumns(const QStringList& unmapped = {});
    void chooseColumns(const QString& path, const import::ColumnMapping& mapping);
    void setState(State state);
    /// The line beside the progress bar in `state`.
    [[nodiscard]] static QString stateText(State state);
    void pollProgress();
    [[nodiscard]] ImportOptions optionsFor(bool dryRun) const;
    [[nodiscard]] QTreeWidgetItem* rowFor(const QString& path) const;

    Session& m_session;
    State m_state = State::Empty;

    QTreeWidget* m_fileList = nullptr;
    QPushButton* m_removeButton = nullptr;
    QLineEdit* m_nameSpace = nullptr;
    QCheckBox* m_undirected = nullptr;
    ImportColumnsView* m_columns = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_errorLabel = nullptr;
    QPlainTextEdit* m_warningList = nullptr;
    QLabel* m_warningsLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_progressLabel = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_importButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QTimer* m_previewTimer = nullptr;
    QTimer* m_progressTimer = nullptr;

    /// The run in flight, a preview or the import: a newer preview supersedes one in flight.
    Background m_background{this};
    import::ImportCounts m_previewTotals;
    std::int64_t m_previewQueued = 0;
    import::ImportCounts m_importTotals;
    QStringList m_warnings;
    QString m_error;
    /// The first rows of each file read as a CSV to map (by path), from the last preview.
    std::map<QString, import::CsvPreview> m_csvPreviews;
    /// What the user chose the columns of each such file to be; used once it names people.
    std::map<QString, import::ColumnMapping> m_mappings;
    /// Files whose columns named like fields were taken as those fields (done once a file).
    std::set<QString> m_namedColumnsAdopted;
};

}  // namespace warmpath::ui
