#include "dialogs/ImportDialogColumns.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

#include "Format.h"
#include "import/TextInput.h"

namespace warmpath::ui {
namespace {

/// The choices above each column: what the user reads, and the field as `--columns` spells it.
struct FieldChoice {
    const char* label;
    const char* field;
};

constexpr FieldChoice kChoices[] = {
    {QT_TRANSLATE_NOOP("ImportColumnsView", "(not used)"), ""},
    {QT_TRANSLATE_NOOP("ImportColumnsView", "Name"), "name"},
    {QT_TRANSLATE_NOOP("ImportColumnsView", "First name"), "first"},
    {QT_TRANSLATE_NOOP("ImportColumnsView", "Last name"), "last"},
    {QT_TRANSLATE_NOOP("ImportColumnsView", "E-mail address"), "email"},
    {QT_TRANSLATE_NOOP("ImportColumnsView", "Organisation"), "organisation"},
    {QT_TRANSLATE_NOOP("ImportColumnsView", "Title"), "title"},
    {QT_TRANSLATE_NOOP("ImportColumnsView", "Web address"), "url"},
    {QT_TRANSLATE_NOOP("ImportColumnsView", "Mastodon handle"), "handle:mastodon"},
    {QT_TRANSLATE_NOOP("ImportColumnsView", "Bluesky handle"), "handle:bsky"},
    {QT_TRANSLATE_NOOP("ImportColumnsView", "X handle"), "handle:x"},
    {QT_TRANSLATE_NOOP("ImportColumnsView", "LinkedIn profile name"), "handle:linkedin"},
    {QT_TRANSLATE_NOOP("ImportColumnsView", "Phone number"), "handle:phone"},
    {QT_TRANSLATE_NOOP("ImportColumnsView", "Tags"), "tags"},
    {QT_TRANSLATE_NOOP("ImportColumnsView", "Note"), "note"},
};

constexpr int kChoiceRow = 0;

}  // namespace

ImportColumnsView::ImportColumnsView(QWidget* parent) : QGroupBox(parent)
{
    setObjectName(QStringLiteral("importColumnsBox"));
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("importColumns"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setMinimumHeight(120);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_hint);
    layout->addWidget(m_table, 1);
}

void ImportColumnsView::showFile(const QString& path, const import::CsvPreview& preview,
                                 const import::ColumnMapping& mapping)
{
    m_path = path;
    m_header = preview.header;
    const QString name = QFileInfo(path).fileName();
    setTitle(tr("Columns of %1").arg(name));
    m_hint->setText(tr("Warmpath does not know this CSV. Choose what its columns are: at least a name or an "
                       "e-mail address. Each row becomes someone you know; columns left unused are not read."));
    const QSignalBlocker blocker(m_table);
    m_table->clear();
    const int columns = static_cast<int>(preview.header.size());
    m_table->setColumnCount(columns);
    m_table->setRowCount(1 + static_cast<int>(preview.rows.size()));
    QStringList labels;
    for (const std::string& column : preview.header) {
        labels.append(toQString(column));
    }
    m_table->setHorizontalHeaderLabels(labels);
    for (int column = 0; column < columns; ++column) {
        auto* combo = new QComboBox(m_table);
        combo->setObjectName(QStringLiteral("importColumnField%1").arg(column));
        combo->setToolTip(tr("What the column \u201c%1\u201d holds").arg(labels.at(column)));
        for (const FieldChoice& choice : kChoices) {
            combo->addItem(tr(choice.label), QString::fromLatin1(choice.field));
        }
        m_table->setCellWidget(kChoiceRow, column, combo);
        connect(combo, &QComboBox::currentIndexChanged, this, [this] { emit mappingChanged(m_path, this->mapping()); });
    }
    for (int row = 0; row < static_cast<int>(preview.rows.size()); ++row) {
        const std::vector<std::string>& cells = preview.rows[static_cast<std::size_t>(row)];
        for (int column = 0; column < columns && column < static_cast<int>(cells.size()); ++column) {
            m_table->setItem(row + 1, column, new QTableWidgetItem(toQString(cells[static_cast<std::size_t>(column)])));
        }
    }
    // Each column once, in the header's order: the first choice naming it wins.
    std::vector<bool> chosen(preview.header.size(), false);
    for (const import::ColumnChoice& choice : mapping.choices) {
        for (int column = 0; column < columns; ++column) {
            const auto index = static_cast<std::size_t>(column);
            if (!chosen[index] && import::lowerAscii(import::trim(preview.header[index])) ==
                                      import::lowerAscii(import::trim(choice.column))) {
                chosen[index] = true;
                auto* combo = qobject_cast<QComboBox*>(m_table->cellWidget(kChoiceRow, column));
                const QSignalBlocker quiet(combo);
                combo->setCurrentIndex(std::max(0, combo->findData(toQString(import::fieldName(choice)))));
                break;
            }
        }
    }
    m_table->resizeColumnsToContents();
}

warmpath::import::ColumnMapping ImportColumnsView::mapping() const
{
    import::ColumnMapping mapping;
    for (int column = 0; column < m_table->columnCount(); ++column) {
        const auto* combo = qobject_cast<QComboBox*>(m_table->cellWidget(kChoiceRow, column));
        const QString field = combo != nullptr ? combo->currentData().toString() : QString();
        if (field.isEmpty() || static_cast<std::size_t>(column) >= m_header.size()) {
            continue;
        }
        if (auto choice = import::columnChoice(field.toStdString(), m_header[static_cast<std::size_t>(column)])) {
            mapping.choices.push_back(std::move(*choice));
        }
    }
    return mapping;
}

void ImportColumnsView::setField(int column, const QString& field)
{
    auto* combo = qobject_cast<QComboBox*>(m_table->cellWidget(kChoiceRow, column));
    if (combo != nullptr) {
        combo->setCurrentIndex(std::max(0, combo->findData(field)));
    }
}

}  // namespace warmpath::ui
