#pragma once

#include <QGroupBox>
#include <QString>

#include "import/ColumnMapping.h"

class QLabel;
class QTableWidget;

namespace warmpath::ui {

/// The import dialog's mapping step for a CSV that is no export Warmpath knows: the file's first
/// rows under its column names, and above each column what it is (a name, an e-mail address, a
/// handle on a network, ... or nothing) — what `warmpath-cli import --columns` says in text.
class ImportColumnsView final : public QGroupBox {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportColumnsView)

public:
    explicit ImportColumnsView(QWidget* parent = nullptr);

    /// Shows `preview` of the file `path`, its columns chosen as `mapping` says.
    void showFile(const QString& path, const import::CsvPreview& preview, const import::ColumnMapping& mapping);
    [[nodiscard]] QString file() const { return m_path; }
    /// The columns chosen so far.
    [[nodiscard]] import::ColumnMapping mapping() const;
    /// Chooses what column `column` is: a field name as `--columns` spells it (`email`,
    /// `handle:mastodon`), or empty for nothing.
    void setField(int column, const QString& field);

signals:
    /// The user chose what a column is.
    void mappingChanged(const QString& path, const import::ColumnMapping& mapping);

private:
    QLabel* m_hint = nullptr;
    QTableWidget* m_table = nullptr;
    QString m_path;
    std::vector<std::string> m_header;
};

}  // namespace warmpath::ui
