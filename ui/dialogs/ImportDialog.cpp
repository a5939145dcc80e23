#include "dialogs/ImportDialog.h"

#include <array>
#include <filesystem>
#include <string>
#include <utility>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QStyle>
#include <QTimer>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

#include "Format.h"
#include "Session.h"
#include "dialogs/FormatNames.h"
#include "dialogs/ImportDialogColumns.h"

namespace warmpath::ui {

/// What a worker hands back.
struct ImportOutcome {
    std::vector<FileImportSummary> summaries;
    /// Per file (as listed): the detected format's name, or why it could not be told.
    std::vector<std::pair<QString, QString>> detected;
    /// The first rows of the files read as CSVs to map, and those of them without a mapping yet (for
    /// which nothing was previewed).
    std::vector<std::pair<QString, import::CsvPreview>> csvPreviews;
    QStringList unmapped;
    bool cancelled = false;
    QString error;
};

namespace {

enum Column { FileColumn, FormatColumn, AddedColumn, MergedColumn, LinksColumn, TagsColumn, SkippedColumn };

constexpr int kPathRole = Qt::UserRole;
constexpr int kPreviewDelayMs = 300;
constexpr std::size_t kCsvPreviewRows = 5;
constexpr int kProgressIntervalMs = 100;

std::filesystem::path toFsPath(const QString& path)
{
    return std::filesystem::path(QFile::encodeName(path).toStdString());
}

QString describe(const Error& error)
{
    return QString::fromStdString(error.describe());
}

QString fileSizeText(const QFileInfo& info)
{
    if (info.isDir()) {
        return ImportDialog::tr("folder");
    }
    return QLocale().formattedDataSize(info.size(), 1, QLocale::DataSizeTraditionalFormat);
}

void add(import::ImportCounts& into, const import::ImportCounts& counts)
{
    into.personsAdded += counts.personsAdded;
    into.personsMerged += counts.personsMerged;
    into.linksAdded += counts.linksAdded;
    into.tagsAdded += counts.tagsAdded;
    into.skipped += counts.skipped;
    into.warningCount += counts.warningCount;
}

/// Imports `files` (or previews them, as `options` say) on the worker thread, into `outcome`; the
/// task's cancel stops it and its progress follows it.
void importInto(ImportOutcome& outcome, Workspace& workspace, const std::vector<std::filesystem::path>& files,
                ImportOptions options, BackgroundTask& task)
{
    options.cancel = task.cancelToken();
    options.progress = task.progressCallback();
    auto summaries = workspace.importFiles(files, options);
    // The core says when the cancel stopped it (a preview dropped, an import rolled back): a run that
    // finished before the cancel arrived is complete.
    outcome.cancelled = !summaries && summaries.error().isCancelled();
    if (!summaries) {
        outcome.error = describe(summaries.error());
    } else {
        outcome.summaries = std::move(summaries).value();
    }
}

/// The outcome a worker handed back, or the error that replaced it.
ImportOutcome outcomeOf(Result<ImportOutcome>& answer)
{
    if (answer) {
        return std::move(answer).value();
    }
    ImportOutcome failed;
    failed.error = describe(answer.error());
    return failed;
}

QString countsSentence(const import::ImportCounts& counts, std::int64_t queued)
{
    QStringList parts{
        formatCount(counts.personsAdded, ImportDialog::tr("person added"), ImportDialog::tr("people added")),
        formatCount(counts.personsMerged, ImportDialog::tr("person merged"), ImportDialog::tr("people merged")),
        formatCount(counts.linksAdded, ImportDialog::tr("link added"), ImportDialog::tr("links added")),
        formatCount(counts.tagsAdded, ImportDialog::tr("tag added"), ImportDialog::tr("tags added")),
        formatCount(counts.skipped, ImportDialog::tr("record skipped"), ImportDialog::tr("records skipped")),
    };
    if (queued > 0) {
        parts.append(formatCount(queued, ImportDialog::tr("probable duplicate to review"),
                                 ImportDialog::tr("probable duplicates to review")));
    }
    return parts.join(QStringLiteral(", "));
}

}  // namespace

ImportDialog::ImportDialog(Session& session, QWidget* parent) : QDialog(parent), m_session(session)
{
    setWindowTitle(tr("Import"));
    setAcceptDrops(true);
    setSizeGripEnabled(true);

    auto* intro = new QLabel(tr("Add the files you exported: LinkedIn connections, an X archive, Mastodon follows, "
                                "Google, Outlook, Thunderbird or vCard contacts, a CSV of your own, or a network "
                                "(GraphML, GEXF, GML, Pajek, edge list). Nothing is written until you press Import."),
                             this);
    intro->setWordWrap(true);

    m_fileList = new QTreeWidget(this);
    m_fileList->setObjectName(QStringLiteral("importFiles"));
    m_fileList->setRootIsDecorated(false);
    m_fileList->setUniformRowHeights(true);
    m_fileList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_fileList->setHeaderLabels(
        {tr("File"), tr("Format"), tr("People"), tr("Merged"), tr("Links"), tr("Tags"), tr("Skipped")});
    m_fileList->headerItem()->setToolTip(AddedColumn, tr("People the file adds"));
    m_fileList->headerItem()->setToolTip(MergedColumn, tr("People the file matches with someone already there"));
    m_fileList->headerItem()->setToolTip(LinksColumn, tr("Links (connections, follows) the file adds"));
    m_fileList->headerItem()->setToolTip(TagsColumn, tr("Tags given to people"));
    m_fileList->headerItem()->setToolTip(SkippedColumn, tr("Records that could not be used; see the warnings"));
    m_fileList->header()->setStretchLastSection(false);
    m_fileList->header()->setSectionResizeMode(FileColumn, QHeaderView::Stretch);
    m_fileList->header()->setSectionResizeMode(FormatColumn, QHeaderView::Interactive);
    m_fileList->setColumnWidth(FormatColumn, 280);
    for (int column = AddedColumn; column <= SkippedColumn; ++column) {
        m_fileList->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    }
    m_fileList->setMinimumHeight(140);

    auto* addButton = new QPushButton(tr("&Add files\u2026"), this);
    addButton->setToolTip(tr("Choose export files to import"));
    connect(addButton, &QPushButton::clicked, this, &ImportDialog::chooseFiles);
    auto* folderButton = new QPushButton(tr("Add &folder\u2026"), this);
    folderButton->setToolTip(tr("An unpacked X (Twitter) archive is a folder"));
    connect(folderButton, &QPushButton::clicked, this, &ImportDialog::chooseFolder);
    m_removeButton = new QPushButton(tr("&Remove"), this);
    m_removeButton->setToolTip(tr("Take the selected files off the list"));
    m_removeButton->setEnabled(false);
    connect(m_removeButton, &QPushButton::clicked, this, &ImportDialog::removeSelectedFiles);
    connect(m_fileList, &QTreeWidget::itemSelectionChanged, this, [this] {
        m_removeButton->setEnabled(!m_fileList->selectedItems().isEmpty() && m_state != State::Importing);
    });
    auto* fileButtons = new QVBoxLayout;
    fileButtons->addWidget(addButton);
    fileButtons->addWidget(folderButton);
    fileButtons->addWidget(m_removeButton);
    fileButtons->addStretch(1);
    auto* filesRow = new QHBoxLayout;
    filesRow->addWidget(m_fileList, 1);
    filesRow->addLayout(fileButtons);

    m_nameSpace = new QLineEdit(this);
    m_nameSpace->setObjectName(QStringLiteral("importNamespace"));
    m_nameSpace->setPlaceholderText(tr("the file name"));
    m_nameSpace->setClearButtonEnabled(true);
    m_nameSpace->setToolTip(tr("Network files name people by node ids. The namespace keeps the ids of one network "
                               "apart from another's: import a later version of the same network with the same "
                               "namespace to update it."));
    connect(m_nameSpace, &QLineEdit::textChanged, this, &ImportDialog::schedulePreview);
    m_undirected = new QCheckBox(tr("Edge lists are &undirected: each line links both ways"), this);
    m_undirected->setObjectName(QStringLiteral("importUndirected"));
    m_undirected->setToolTip(tr("An edge list line means \"source follows target\". Tick this for a network whose "
                                "edges have no direction (friendships, co-authors): each line then gives a link "
                                "each way."));
    connect(m_undirected, &QCheckBox::toggled, this, &ImportDialog::schedulePreview);
    auto* options = new QFormLayout;
    options->addRow(tr("&Namespace for network files:"), m_nameSpace);
    options->addRow(QString(), m_undirected);

    m_columns = new ImportColumnsView(this);
    m_columns->setVisible(false);
    connect(m_columns, &ImportColumnsView::mappingChanged, this, &ImportDialog::chooseColumns);
    connect(m_fileList, &QTreeWidget::currentItemChanged, this, [this] { showColumns(); });

    auto* previewBox = new QGroupBox(tr("Preview"), this);
    m_summary = new QLabel(tr("Add files to see what they would add."), previewBox);
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel = new QLabel(previewBox);
    m_errorLabel->setObjectName(QStringLiteral("importError"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setTextColour(m_errorLabel, overdueColor(palette()));
    m_errorLabel->setVisible(false);
    m_warningsLabel = new QLabel(tr("Warnings"), previewBox);
    m_warningList = new QPlainTextEdit(previewBox);
    m_warningList->setObjectName(QStringLiteral("importWarnings"));
    m_warningList->setReadOnly(true);
    m_warningList->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_warningList->setPlaceholderText(tr("No warnings"));
    m_warningList->setMinimumHeight(90);
    auto* previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addWidget(m_summary);
    previewLayout->addWidget(m_errorLabel);
    previewLayout->addWidget(m_warningsLabel);
    previewLayout->addWidget(m_warningList, 1);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setVisible(false);
    m_progressLabel = new QLabel(this);
    setTextColour(m_progressLabel, mutedTextColor(palette()));

    m_buttons = new QDialogButtonBox(this);
    m_importButton = m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_importButton->setEnabled(false);
    m_importButton->setDefault(true);
    m_importButton->setToolTip(tr("Write what the preview shows, in one step"));
    m_cancelButton = m_buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_importButton, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_cancelButton, &QPushButton::clicked, this, &ImportDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(filesRow, 2);
    layout->addLayout(options);
    layout->addWidget(m_columns, 3);
    layout->addWidget(previewBox, 3);
    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progressLabel, 1);
    progressRow->addWidget(m_progress, 1);
    layout->addLayout(progressRow);
    layout->addWidget(m_buttons);

    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(kPreviewDelayMs);
    connect(m_previewTimer, &QTimer::timeout, this, &ImportDialog::startPreview);
    m_progressTimer = new QTimer(this);
    m_progressTimer->setInterval(kProgressIntervalMs);
    connect(m_progressTimer, &QTimer::timeout, this, &ImportDialog::pollProgress);

    resize(900, 600);
    setState(State::Empty);
}

// The Background stops a run in flight: it rolls back at its next check.
ImportDialog::~ImportDialog() = default;

QStringList ImportDialog::files() const
{
    QStringList paths;
    for (int row = 0; row < m_fileList->topLevelItemCount(); ++row) {
        paths.append(m_fileList->topLevelItem(row)->data(FileColumn, kPathRole).toString());
    }
    return paths;
}

QTreeWidgetItem* ImportDialog::rowFor(const QString& path) const
{
    for (int row = 0; row < m_fileList->topLevelItemCount(); ++row) {
        if (m_fileList->topLevelItem(row)->data(FileColumn, kPathRole).toString() == path) {
            return m_fileList->topLevelItem(row);
        }
    }
    return nullptr;
}

void ImportDialog::addFiles(const QStringList& paths)
{
    if (m_state == State::Importing) {
        return;
    }
    for (const QString& given : paths) {
        const QFileInfo info(given);
        const QString path = info.absoluteFilePath();
        if (rowFor(path) != nullptr) {
            continue;
        }
        auto* item = new QTreeWidgetItem(m_fileList);
        item->setText(FileColumn, info.fileName());
        item->setData(FileColumn, kPathRole, path);
        item->setToolTip(FileColumn, tr("%1 (%2)").arg(QDir::toNativeSeparators(path), fileSizeText(info)));
        item->setIcon(FileColumn, style()->standardIcon(info.isDir() ? QStyle::SP_DirIcon : QStyle::SP_FileIcon));
        for (int column = AddedColumn; column <= SkippedColumn; ++column) {
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        }
        auto* format = new QComboBox(m_fileList);
        format->setToolTip(tr("Warmpath tells the format from the file's content; choose another if it is wrong"));
        format->addItem(tr("Detecting\u2026"));
        for (import::Format known : import::allFormats()) {
            format->addItem(formatDisplayName(known), static_cast<int>(known));
        }
        connect(format, &QComboBox::currentIndexChanged, this, &ImportDialog::schedulePreview);
        m_fileList->setItemWidget(item, FormatColumn, format);
    }
    schedulePreview();
}

void ImportDialog::setFormat(int row, std::optional<import::Format> format)
{
    QTreeWidgetItem* item = m_fileList->topLevelItem(row);
    if (item == nullptr) {
        return;
    }
    auto* combo = qobject_cast<QComboBox*>(m_fileList->itemWidget(item, FormatColumn));
    combo->setCurrentIndex(format ? combo->findData(static_cast<int>(*format)) : 0);
}

void ImportDialog::setNameSpace(const QString& nameSpace)
{
    m_nameSpace->setText(nameSpace);
}

void ImportDialog::setUndirected(bool undirected)
{
    m_undirected->setChecked(undirected);
}

void ImportDialog::chooseFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Import files"), QStandardPaths::writableLocation(QStandardPaths::DownloadLocation),
        tr("Exports (*.csv *.vcf *.graphml *.gexf *.gml *.net *.paj *.txt *.tsv *.edges *.js *.zip);;All files (*)"));
    addFiles(paths);
}

void ImportDialog::chooseFolder()
{
    const QString path = QFileDialog::getExistingDirectory(
        this, tr("Import an X archive folder"), QStandardPaths::writableLocation(QStandardPaths::DownloadLocation));
    if (!path.isEmpty()) {
        addFiles({path});
    }
}

void ImportDialog::removeSelectedFiles()
{
    if (m_state == State::Importing) {
        return;
    }
    qDeleteAll(m_fileList->selectedItems());
    schedulePreview();
}

ImportOptions ImportDialog::optionsFor(bool dryRun) const
{
    ImportOptions options;
    options.dryRun = dryRun;
    options.nameSpace = m_nameSpace->text().trimmed().toStdString();
    options.undirected = m_undirected->isChecked();
    for (int row = 0; row < m_fileList->topLevelItemCount(); ++row) {
        QTreeWidgetItem* item = m_fileList->topLevelItem(row);
        const auto* combo = qobject_cast<QComboBox*>(m_fileList->itemWidget(item, FormatColumn));
        const QString path = item->data(FileColumn, kPathRole).toString();
        if (combo != nullptr && combo->currentIndex() > 0) {
            options.fileFormats[toFsPath(path)] = static_cast<import::Format>(combo->currentData().toInt());
        }
        // A mapping only counts while the file is read as a CSV to map (detected, or chosen so).
        const bool mappable = combo == nullptr || combo->currentIndex() == 0 ||
                              static_cast<import::Format>(combo->currentData().toInt()) == import::Format::Csv;
        // One that names nobody leaves the file still to map.
        if (const auto mapping = m_mappings.find(path);
            mapping != m_mappings.end() && mappable && mapping->second.identifiesPeople()) {
            options.fileColumns[toFsPath(path)] = mapping->second;
        }
    }
    return options;
}

void ImportDialog::schedulePreview()
{
    if (m_state == State::Importing) {
        return;
    }
    m_background.abandon();  // its result is dropped: the files or options changed
    setState(m_fileList->topLevelItemCount() == 0 ? State::Empty : State::Previewing);
    if (m_state == State::Previewing) {
        m_previewTimer->start();
    }
}

void ImportDialog::startPreview()
{
    std::shared_ptr<Workspace> workspace = m_session.sharedWorkspace();
    const QStringList paths = files();
    if (paths.isEmpty() || !workspace) {
        setState(State::Empty);
        return;
    }
    const ImportOptions options = optionsFor(true);
    // A preview is an import rolled back: it holds the writer as long as the import would.
    auto work = [workspace, paths, options,
                 hold = m_session.holdWriter(tr("Editing is paused while the import preview reads the files."))](
                    BackgroundTask& task) {
        ImportOutcome outcome;
        std::vector<std::filesystem::path> files;
        for (const QString& path : paths) {
            files.push_back(toFsPath(path));
            const auto chosen = options.fileFormats.find(files.back());
            std::optional<import::Format> format;
            if (chosen != options.fileFormats.end()) {
                outcome.detected.emplace_back(path, QString());
                format = chosen->second;
            } else {
                const Result<import::Format> sniffed = import::sniffFormat(files.back());
                outcome.detected.emplace_back(path, sniffed ? formatDisplayName(*sniffed) : QString());
                format = sniffed ? std::optional(*sniffed) : std::nullopt;
            }
            if (format != import::Format::Csv) {
                continue;
            }
            if (Result<import::CsvPreview> rows = import::readCsvPreview(files.back(), kCsvPreviewRows)) {
                outcome.csvPreviews.emplace_back(path, std::move(rows).value());
                if (!options.fileColumns.contains(files.back())) {
                    outcome.unmapped.append(path);
                }
            }
        }
        // Only the user can say what a CSV's columns are: no preview until they have.
        if (outcome.unmapped.isEmpty()) {
            importInto(outcome, *workspace, files, options, task);
        }
        return outcome;
    };
    m_progressTimer->start();
    m_background.run(std::move(work), [this](Result<ImportOutcome> outcome) { finishPreview(outcomeOf(outcome)); });
}

void ImportDialog::showDetectedFormats(const ImportOutcome& outcome)
{
    for (const auto& [path, format] : outcome.detected) {
        QTreeWidgetItem* item = rowFor(path);
        if (item == nullptr) {
            continue;
        }
        auto* combo = qobject_cast<QComboBox*>(m_fileList->itemWidget(item, FormatColumn));
        if (combo == nullptr || combo->currentIndex() != 0) {
            continue;
        }
        combo->setItemText(0, format.isEmpty() ? tr("Not recognised") : tr("%1 (detected)").arg(format));
    }
}

void ImportDialog::finishPreview(const ImportOutcome& outcome)
{
    m_progressTimer->stop();
    showDetectedFormats(outcome);
    m_previewTotals = {};
    m_previewQueued = 0;
    if (outcome.cancelled) {
        setState(State::Previewing);  // a newer preview is on its way
        return;
    }
    m_csvPreviews.clear();
    for (const auto& [path, rows] : outcome.csvPreviews) {
        m_csvPreviews[path] = rows;
    }
    // Columns named like the fields (`name`, `email`) start out as those fields, once: what the user
    // changes afterwards stays as they left it.
    bool adopted = false;
    for (const QString& path : outcome.unmapped) {
        import::ColumnMapping named = import::selfNamedColumns(m_csvPreviews.at(path).header);
        if (named.identifiesPeople() && m_namedColumnsAdopted.insert(path).second) {
            m_mappings[path] = std::move(named);
            adopted = true;
        }
    }
    showColumns(outcome.unmapped);
    if (adopted) {
        schedulePreview();
        return;
    }
    if (!outcome.unmapped.isEmpty()) {
        m_error.clear();
        showCounts({}, true);
        setState(State::NeedsColumns);
        return;
    }
    if (!outcome.error.isEmpty()) {
        m_error = outcome.error;
        m_warnings.clear();
        showCounts({}, true);
        setState(State::Failed);
        return;
    }
    m_error.clear();
    for (const FileImportSummary& summary : outcome.summaries) {
        add(m_previewTotals, summary.counts);
        m_previewQueued += summary.queuedForReview;
    }
    showCounts(outcome.summaries, true);
    setState(State::Ready);
}

void ImportDialog::showColumns(const QStringList& unmapped)
{
    QString path;
    const QTreeWidgetItem* current = m_fileList->currentItem();
    if (current != nullptr && m_csvPreviews.contains(current->data(FileColumn, kPathRole).toString())) {
        path = current->data(FileColumn, kPathRole).toString();
    } else if (!unmapped.isEmpty()) {
        path = unmapped.front();
    } else if (m_csvPreviews.contains(m_columns->file())) {
        path = m_columns->file();
    } else if (!m_csvPreviews.empty()) {
        path = m_csvPreviews.begin()->first;
    }
    if (path.isEmpty()) {
        m_columns->setVisible(false);
        return;
    }
    if (path != m_columns->file() || m_columns->isHidden()) {
        const auto mapping = m_mappings.find(path);
        m_columns->showFile(path, m_csvPreviews.at(path),
                            mapping != m_mappings.end() ? mapping->second : import::ColumnMapping());
    }
    m_columns->setVisible(true);
}

void ImportDialog::chooseColumns(const QString& path, const import::ColumnMapping& mapping)
{
    m_mappings[path] = mapping;
    schedulePreview();
}

void ImportDialog::showCounts(const std::vector<FileImportSummary>& summaries, bool preview)
{
    m_warnings.clear();
    for (int row = 0; row < m_fileList->topLevelItemCount(); ++row) {
        QTreeWidgetItem* item = m_fileList->topLevelItem(row);
        for (int column = AddedColumn; column <= SkippedColumn; ++column) {
            item->setText(column, QString());
        }
        if (static_cast<std::size_t>(row) >= summaries.size()) {
            continue;
        }
        const FileImportSummary& summary = summaries[static_cast<std::size_t>(row)];
        item->setText(AddedColumn, formatCount(summary.counts.personsAdded));
        item->setText(MergedColumn, formatCount(summary.counts.personsMerged));
        item->setText(LinksColumn, formatCount(summary.counts.linksAdded));
        item->setText(TagsColumn, formatCount(summary.counts.tagsAdded));
        item->setText(SkippedColumn, formatCount(summary.counts.skipped));
        if (summary.alreadyImported) {
            item->setToolTip(AddedColumn, tr("Already imported: importing it again changes nothing"));
        }
        for (const std::string& warning : summary.warnings) {
            m_warnings.append(toQString(warning));
        }
    }
    m_warningList->setPlainText(m_warnings.join(QLatin1Char('\n')));
    m_warningsLabel->setText(m_warnings.isEmpty() ? tr("Warnings") : tr("Warnings (%1)").arg(m_warnings.size()));

    import::ImportCounts totals;
    std::int64_t queued = 0;
    for (const FileImportSummary& summary : summaries) {
        add(totals, summary.counts);
        queued += summary.queuedForReview;
    }
    if (!m_error.isEmpty()) {
        m_summary->setText(preview ? tr("These files cannot be imported as they are:") : tr("The import failed:"));
    } else if (preview) {
        m_summary->setText(tr("Importing would write: %1.").arg(countsSentence(totals, queued)));
    } else {
        m_summary->setText(tr("Imported: %1.").arg(countsSentence(totals, queued)));
    }
}

void ImportDialog::startImport()
{
    if (m_state != State::Ready && m_state != State::Cancelled) {
        return;
    }
    std::shared_ptr<Workspace> workspace = m_session.sharedWorkspace();
    if (!workspace) {
        return;
    }
    const ImportOptions options = optionsFor(false);
    std::vector<std::filesystem::path> paths;
    for (const QString& path : files()) {
        paths.push_back(toFsPath(path));
    }
    // One import is one transaction: the writer is held until it commits or rolls back.
    auto work = [workspace, paths, options,
                 hold =
                     m_session.holdWriter(tr("Editing is paused until the import finishes."))](BackgroundTask& task) {
        ImportOutcome outcome;
        importInto(outcome, *workspace, paths, options, task);
        return outcome;
    };
    setState(State::Importing);
    m_progressTimer->start();
    m_background.run(std::move(work), [this](Result<ImportOutcome> outcome) { finishImport(outcomeOf(outcome)); });
}

void ImportDialog::finishImport(const ImportOutcome& outcome)
{
    m_progressTimer->stop();
    if (outcome.cancelled) {
        m_error.clear();
        setState(State::Cancelled);
        return;
    }
    if (!outcome.error.isEmpty()) {
        m_error = outcome.error;
        showCounts({}, false);
        setState(State::Failed);
        return;
    }
    m_importTotals = {};
    for (const FileImportSummary& summary : outcome.summaries) {
        add(m_importTotals, summary.counts);
    }
    showCounts(outcome.summaries, false);
    setState(State::Imported);
    m_session.reloadPeople();
}

void ImportDialog::cancel()
{
    if (m_background.isBusy()) {
        m_background.cancel();
        m_progressLabel->setText(m_state == State::Importing ? tr("Cancelling: rolling back\u2026")
                                                             : tr("Cancelling\u2026"));
    }
}

void ImportDialog::reject()
{
    if (m_state == State::Importing) {
        // Cancel first; the dialog stays open to say that nothing was written.
        cancel();
        return;
    }
    cancel();
    QDialog::reject();
}

void ImportDialog::pollProgress()
{
    if (!m_background.isBusy()) {
        return;
    }
    const BackgroundProgress progress = m_background.progress();
    if (progress.total > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(static_cast<int>(progress.done * 1000 / progress.total));
    } else {
        m_progress->setRange(0, 0);
    }
    if (m_background.isCancelling()) {
        return;
    }
    const QString file = QFileInfo(toQString(progress.stage)).fileName();
    const QString verb = m_state == State::Importing ? tr("Importing") : tr("Reading");
    m_progressLabel->setText(file.isEmpty() ? tr("%1\u2026").arg(verb) : tr("%1 %2\u2026").arg(verb, file));
}

void ImportDialog::setState(State state)
{
    m_state = state;
    const bool busy = state == State::Previewing || state == State::Importing;
    m_progress->setVisible(busy);
    if (busy) {
        m_progress->setRange(0, 0);
    }
    m_errorLabel->setVisible(state == State::Failed);
    m_errorLabel->setText(m_error);
    m_importButton->setEnabled(state == State::Ready || state == State::Cancelled);
    m_importButton->setVisible(state != State::Imported);
    // The files and options stay open to changes until an import has started.
    const bool editable = state != State::Importing && state != State::Imported;
    for (QWidget* control : std::initializer_list<QWidget*>{m_fileList, m_nameSpace, m_undirected, m_columns}) {
        control->setEnabled(editable);
    }
    for (QPushButton* button : findChildren<QPushButton*>()) {
        if (button->parent() != m_buttons && button != m_removeButton) {
            button->setEnabled(editable);
        }
    }
    m_removeButton->setEnabled(m_fileList->isEnabled() && !m_fileList->selectedItems().isEmpty());
    m_cancelButton->setText(state == State::Imported ? tr("Close") : tr("Cancel"));
    m_cancelButton->setToolTip(state == State::Importing ? tr("Stop and roll back: nothing will be written")
                                                         : QString());
    m_progressLabel->setText(stateText(state));
    if (state == State::Empty) {
        m_summary->setText(tr("Add files, or drop them here, to see what they would add."));
        m_warningList->clear();
        m_warnings.clear();
        m_columns->setVisible(false);
    }
    if (state == State::NeedsColumns) {
        m_summary->setText(tr("Choose what the columns of %1 are to see what it would add.")
                               .arg(QFileInfo(m_columns->file()).fileName()));
    }
    emit stateChanged(state);
}

QString ImportDialog::stateText(State state)
{
    // Indexed by State: what is happening, or what the database holds now.
    const std::array<QString, 8> texts{
        QString(),
        tr("Working out what the files would add\u2026"),
        tr("Nothing has been written yet."),
        tr("Nothing was written."),
        tr("Importing\u2026"),
        tr("Done. The people list and the map show the new people."),
        tr("Import cancelled: everything was rolled back, the database is exactly as it was."),
        tr("Nothing has been written yet."),
    };
    return texts.at(static_cast<std::size_t>(state));
}

void ImportDialog::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls() && m_state != State::Importing) {
        event->acceptProposedAction();
    }
}

void ImportDialog::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile()) {
            paths.append(url.toLocalFile());
        }
    }
    addFiles(paths);
    event->acceptProposedAction();
}

}  // namespace warmpath::ui
