#include "graph/Brokers.h"

#include <algorithm>

#include "graph/Scratch.h"

namespace warmpath {
namespace {

using Index = Snapshot::Index;
struct BrokerTag {};

template <typename Fn>
void forEachNeighbour(const Snapshot& g, Index v, bool undirected, Fn&& fn)
{
    for (Index x : g.outNeighbours(v)) {
        fn(x);
    }
    if (undirected) {
        const auto sources = g.inNeighbours(v);
        const auto bits = g.inBits(v);
        for (std::size_t i = 0; i < sources.size(); ++i) {
            if ((bits[i] & linkbits::kReverseExists) == 0) {
                fn(sources[i]);
            }
        }
    }
}

}  // namespace

Brokers::Brokers(const Snapshot& snapshot, PersonId person, BrokerOptions options)
    : m_snapshot(snapshot), m_person(snapshot.requireIndex(person)), m_options(std::move(options))
{
}

void Brokers::run()
{
    const bool undirected = m_options.direction == Direction::Undirected;
    auto& s = graphdetail::Scratch<BrokerTag>::forThisThread(m_snapshot.personCount());
    // marksA: the person and their contacts; marksB: reached by some contact (a: how many
    // contacts, b: the last one); marksC: targets.
    std::vector<Index> contacts;
    forEachNeighbour(m_snapshot, m_person, undirected, [&](Index c) {
        if (!s.marksA.seen(c)) {
            s.marksA.mark(c);
            contacts.push_back(c);
        }
    });
    s.marksA.mark(m_person);
    const bool targeted = m_options.targets.has_value();
    if (targeted) {
        for (PersonId p : *m_options.targets) {
            if (auto v = m_snapshot.indexOf(p)) {
                s.marksC.mark(*v);
            }
        }
    }
    std::sort(contacts.begin(), contacts.end());
    std::vector<Index> reachedList;
    std::vector<std::uint64_t> reach(contacts.size(), 0);
    for (std::size_t i = 0; i < contacts.size(); ++i) {
        forEachNeighbour(m_snapshot, contacts[i], undirected, [&](Index x) {
            // With targets, a target who is already a contact still counts: the bridge is direct.
            if (targeted ? !s.marksC.seen(x) || x == m_person : s.marksA.seen(x)) {
                return;
            }
            ++reach[i];
            if (!s.marksB.seen(x)) {
                s.marksB.mark(x);
                s.a[x] = 0;
                reachedList.push_back(x);
            }
            ++s.a[x];
            s.b[x] = static_cast<std::uint32_t>(i);
        });
    }
    std::vector<Broker> all(contacts.size());
    for (std::size_t i = 0; i < contacts.size(); ++i) {
        all[i].contact = m_snapshot.personAt(contacts[i]);
        all[i].reach = reach[i];
    }
    // Examples in id order: indices follow the snapshot's locality order.
    std::sort(reachedList.begin(), reachedList.end(), [&](Index x, Index y) { return m_snapshot.idBefore(x, y); });
    for (Index x : reachedList) {
        if (s.a[x] == 1) {
            Broker& b = all[s.b[x]];
            ++b.uniqueReach;
            if (b.examples.size() < m_options.maxExamples) {
                b.examples.push_back(m_snapshot.personAt(x));
            }
        }
    }
    if (targeted) {
        all.erase(std::remove_if(all.begin(), all.end(), [](const Broker& b) { return b.reach == 0; }), all.end());
    }
    std::sort(all.begin(), all.end(), [](const Broker& a, const Broker& b) {
        if (a.uniqueReach != b.uniqueReach) {
            return a.uniqueReach > b.uniqueReach;
        }
        if (a.reach != b.reach) {
            return a.reach > b.reach;
        }
        return a.contact < b.contact;
    });
    if (all.size() > m_options.limit) {
        all.resize(m_options.limit);
    }
    m_brokers = std::move(all);
}

}  // namespace warmpath
