#pragma once

// The Workspace's read connections: the reads the GUI makes while an import, a crawl or another
// long write holds the one writer connection go through these, and never wait for that write.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "store/Database.h"
#include "util/Result.h"

namespace warmpath {

/// Read-only connections to one database file, beside the Workspace's one writer. In WAL mode a
/// reader sees the last committed state and neither waits for a writer nor holds it up, so the
/// Workspace's read-only calls take one of these instead of the writer's lock.
///
/// A caller leases a connection for one call: an idle one, else a newly opened one, so a lease
/// never waits, not even for a long read (an export, a backup) or a lease held by the same thread.
/// At most `keepIdle` connections stay open between calls.
class ReadConnections {
public:
    ReadConnections(std::filesystem::path path, std::size_t keepIdle);
    ~ReadConnections();
    ReadConnections(const ReadConnections&) = delete;
    ReadConnections& operator=(const ReadConnections&) = delete;
    ReadConnections(ReadConnections&&) = delete;
    ReadConnections& operator=(ReadConnections&&) = delete;

    /// A connection for one call, given back when the lease ends.
    class Lease {
    public:
        Lease(ReadConnections& owner, std::unique_ptr<Database> db) : m_owner(&owner), m_db(std::move(db)) {}
        ~Lease();
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Lease(Lease&& other) noexcept = default;
        Lease& operator=(Lease&&) = delete;

        [[nodiscard]] Database& db() { return *m_db; }

    private:
        ReadConnections* m_owner;
        std::unique_ptr<Database> m_db;
    };

    Result<Lease> acquire();

private:
    void release(std::unique_ptr<Database> db) noexcept;

    std::filesystem::path m_path;
    std::size_t m_keepIdle;
    std::mutex m_mutex;  ///< guards m_idle
    std::vector<std::unique_ptr<Database>> m_idle;
};

}  // namespace warmpath
