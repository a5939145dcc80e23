#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <tuple>
#include <vector>

#include "TestSupport.h"
#include "graph/Snapshot.h"
#include "graph/SnapshotBuilder.h"
#include "store/Database.h"
#include "store/Links.h"
#include "store/Meta.h"
#include "store/People.h"

namespace warmpath::test {

struct HandLink {
    int from;
    int to;
    LinkKind kind = LinkKind::Follows;
    double confidence = 1.0;
};

/// People #1..#people and the given links, straight into a snapshot.
inline Snapshot handGraph(int people, const std::vector<HandLink>& links)
{
    SnapshotBuilder builder;
    for (int i = 1; i <= people; ++i) {
        builder.addPerson(PersonId(i));
    }
    for (const HandLink& l : links) {
        builder.addLink(PersonId(l.from), PersonId(l.to), l.kind, l.confidence);
    }
    return builder.build();
}

inline std::filesystem::path facebookFile()
{
    return sourceDir() / ".." / "shared" / "data" / "facebook_combined.txt";
}

/// The SNAP facebook_combined edge list: node numbers, one `a b` line per undirected edge.
inline std::vector<std::pair<int, int>> readFacebookEdges()
{
    std::vector<std::pair<int, int>> edges;
    std::ifstream in(facebookFile());
    int a = 0;
    int b = 0;
    while (in >> a >> b) {
        edges.emplace_back(a, b);
    }
    return edges;
}

/// Writes the facebook graph through the store: person `fb:N` per node, one follows link
/// a → b per line (plus a → b reversed for every `mutualEvery`-th line when non-zero).
/// Returns the PersonId of each node number.
inline std::vector<PersonId> loadFacebook(Database& db, const std::vector<std::pair<int, int>>& edges)
{
    int maxNode = 0;
    for (auto [a, b] : edges) {
        maxNode = std::max({maxNode, a, b});
    }
    std::vector<PersonId> ids(static_cast<std::size_t>(maxNode) + 1);
    Transaction tx(db);
    PeopleRepository people(db);
    LinkRepository links(db);
    for (int node = 0; node <= maxNode; ++node) {
        ids[static_cast<std::size_t>(node)] = people.insert({.displayName = "Facebook user " + std::to_string(node)});
        people.addIdentity(ids[static_cast<std::size_t>(node)],
                           {.network = "fb", .key = std::to_string(node), .handle = "", .url = ""});
    }
    for (auto [a, b] : edges) {
        links.upsert(ids[static_cast<std::size_t>(a)], ids[static_cast<std::size_t>(b)], LinkKind::Follows);
    }
    bumpGraphGeneration(db);
    tx.commit();
    return ids;
}

/// Plain breadth-first search, written as simply as possible to check the fast one against.
inline std::vector<int> referenceBfs(const std::vector<std::vector<int>>& adjacency, int from)
{
    std::vector<int> dist(adjacency.size(), -1);
    std::vector<int> queue{from};
    dist[static_cast<std::size_t>(from)] = 0;
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const int u = queue[head];
        for (int v : adjacency[static_cast<std::size_t>(u)]) {
            if (dist[static_cast<std::size_t>(v)] < 0) {
                dist[static_cast<std::size_t>(v)] = dist[static_cast<std::size_t>(u)] + 1;
                queue.push_back(v);
            }
        }
    }
    return dist;
}

}  // namespace warmpath::test
