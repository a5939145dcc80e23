#include "WorkspaceReaders.h"

#include <utility>

namespace warmpath {

ReadConnections::ReadConnections(std::filesystem::path path, std::size_t keepIdle)
    : m_path(std::move(path)), m_keepIdle(keepIdle)
{
}

ReadConnections::~ReadConnections() = default;

ReadConnections::Lease::~Lease()
{
    if (m_db) {
        m_owner->release(std::move(m_db));
    }
}

Result<ReadConnections::Lease> ReadConnections::acquire()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_idle.empty()) {
            std::unique_ptr<Database> db = std::move(m_idle.back());
            m_idle.pop_back();
            return Lease(*this, std::move(db));
        }
    }
    // Opened outside the lock: a few hundred microseconds that other leases need not wait for.
    Result<Database> opened = Database::open(m_path, OpenMode::ReadOnly);
    if (!opened) {
        return opened.error();
    }
    return Lease(*this, std::make_unique<Database>(std::move(opened).value()));
}

void ReadConnections::release(std::unique_ptr<Database> db) noexcept
{
    // No statement may stay on a row: it would keep this connection on an old snapshot.
    db->resetCachedStatements();
    {
        std::lock_guard lock(m_mutex);
        if (m_idle.size() < m_keepIdle) {
            m_idle.push_back(std::move(db));
            return;
        }
    }
    db.reset();  // one more than is kept idle closes here, outside the lock
}

}  // namespace warmpath
