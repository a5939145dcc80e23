#pragma once

#include <cstdint>
#include <vector>

namespace warmpath::graphdetail {

/// "Seen in this search" marks that cost nothing to clear: a search bumps the stamp instead of
/// zeroing an array the size of the graph, so a query that touches 200 people costs 200 steps.
class VisitMarks {
public:
    void prepare(std::size_t n)
    {
        if (m_stamps.size() != n) {
            m_stamps.assign(n, 0);
            m_current = 0;
        }
        if (++m_current == 0) {
            std::fill(m_stamps.begin(), m_stamps.end(), 0);
            m_current = 1;
        }
    }
    [[nodiscard]] bool seen(std::uint32_t v) const { return m_stamps[v] == m_current; }
    void mark(std::uint32_t v) { m_stamps[v] = m_current; }
    /// Stamps start at 1, so 0 is never "seen".
    void unmark(std::uint32_t v) { m_stamps[v] = 0; }

private:
    std::vector<std::uint32_t> m_stamps;
    std::uint32_t m_current = 0;
};

/// Per-thread working memory for one kind of search (Tag), reused across queries on graphs of
/// the same size. Values in `a`, `b`, `c`, `d` are only meaningful where the matching marks are set.
template <typename Tag>
struct Scratch {
    VisitMarks marksA, marksB, marksC;
    std::vector<std::uint32_t> a, b;
    std::vector<float> c, d;
    std::vector<std::uint16_t> hopsA, hopsB;
    std::vector<double> sumA, sumB;

    static Scratch& forThisThread(std::size_t n)
    {
        thread_local Scratch scratch;
        scratch.marksA.prepare(n);
        scratch.marksB.prepare(n);
        scratch.marksC.prepare(n);
        if (scratch.a.size() != n) {
            scratch.a.resize(n);
            scratch.b.resize(n);
            scratch.c.resize(n);
            scratch.d.resize(n);
            scratch.hopsA.resize(n);
            scratch.hopsB.resize(n);
            scratch.sumA.resize(n);
            scratch.sumB.resize(n);
        }
        return scratch;
    }
};

}  // namespace warmpath::graphdetail
