#!/usr/bin/python3
"""The graph benchmark's questions in igraph, graph-tool and NetworkX (and scipy for the
sparse-matrix `ra`), on the graph warmpath_graph_bench exported.

    /usr/bin/python3 tests/bench/graph_bench_compare.py DIR [--skip networkx] [--pairs N]

DIR holds edges.txt (one `u v` line per directed link, dense 0-based node numbers), pairs.txt,
users.txt, worst-users.txt and view-0.txt as written by warmpath_graph_bench. Prints one line per
measurement and writes DIR/compare.json. Every library runs single-threaded (OMP_NUM_THREADS=1);
times are the CPU time of the thread (time.thread_time), as in warmpath_graph_bench, because the
machine is shared and wall-clock times there measure the neighbours' builds as much as the code.
"""
import os

os.environ.setdefault("OMP_NUM_THREADS", "1")

import json
import statistics
import sys
import time

import numpy as np

results = {}


def report(library, what, value, unit, note=""):
    results.setdefault(library, {})[what] = {"value": value, "unit": unit, "note": note}
    print(f"{library:10s} {what:38s} {value:12.3f} {unit} {note}", flush=True)


def latencies(fn, items):
    times = []
    for item in items:
        t0 = time.thread_time()
        fn(item)
        times.append(time.thread_time() - t0)
    times.sort()
    return {
        "median": times[len(times) // 2],
        "p90": times[min(len(times) - 1, int(0.9 * len(times)))],
        "p99": times[min(len(times) - 1, int(0.99 * len(times)))],
        "count": len(times),
    }


def report_latency(library, what, stats, scale=1e3, unit="ms"):
    report(library, what + " median", stats["median"] * scale, unit, f"(n={stats['count']})")
    report(library, what + " p90", stats["p90"] * scale, unit)
    report(library, what + " p99", stats["p99"] * scale, unit)


def read_ints(path):
    with open(path, "rb") as f:
        return np.array(f.read().split(), dtype=np.int64)


def main():
    directory = sys.argv[1]
    skip = set()
    pair_count = 200
    args = sys.argv[2:]
    while args:
        if args[0] == "--skip":
            skip.add(args[1])
            args = args[2:]
        elif args[0] == "--pairs":
            pair_count = int(args[1])
            args = args[2:]
        else:
            raise SystemExit(f"unknown argument {args[0]}")

    t0 = time.thread_time()
    edges = read_ints(os.path.join(directory, "edges.txt")).reshape(-1, 2)
    n = int(edges.max()) + 1
    pairs = read_ints(os.path.join(directory, "pairs.txt")).reshape(-1, 2)[:pair_count]
    users = read_ints(os.path.join(directory, "users.txt"))[:pair_count]
    worst = read_ints(os.path.join(directory, "worst-users.txt"))
    view = read_ints(os.path.join(directory, "view-0.txt"))
    print(f"read {len(edges)} links among {n} people in {time.thread_time() - t0:.1f} s", flush=True)

    # --- scipy: the sparse-matrix `ra` -----------------------------------------------------
    import scipy.sparse as sp

    A = sp.csr_matrix((np.ones(len(edges), dtype=np.float64), (edges[:, 0], edges[:, 1])), shape=(n, n))
    outdeg = np.asarray(A.sum(axis=1)).ravel()
    inv = np.divide(1.0, outdeg, out=np.zeros_like(outdeg), where=outdeg > 0)

    def scipy_ra(u):
        row = A.getrow(u)
        contacts = row.indices
        weights = sp.csr_matrix((inv[contacts], (np.zeros(len(contacts), dtype=np.int64), contacts)), shape=(1, n))
        scores = (weights @ A).toarray().ravel()
        scores[contacts] = 0
        scores[u] = 0
        k = min(20, n - 1)
        top = np.argpartition(-scores, k)[:k]
        return top[np.argsort(-scores[top])]

    report_latency("scipy", "suggest ra top-20 (random users)", latencies(scipy_ra, users))
    report_latency("scipy", "suggest ra top-20 (100 worst users)", latencies(scipy_ra, worst))

    # --- igraph ----------------------------------------------------------------------------
    if "igraph" not in skip:
        import igraph as ig

        t0 = time.thread_time()
        g = ig.Graph(n=n, edges=edges, directed=True)
        report("igraph", "load graph", time.thread_time() - t0, "s")
        report_latency(
            "igraph", "separation (undirected)",
            latencies(lambda p: g.distances(source=int(p[0]), target=int(p[1]), mode="all"), pairs[:20]))
        if hasattr(g, "get_k_shortest_paths"):
            report_latency(
                "igraph", "5 shortest paths (unweighted, undirected)",
                latencies(lambda p: g.get_k_shortest_paths(int(p[0]), to=int(p[1]), k=5, mode="all"), pairs[:3]))
        report_latency(
            "igraph", "suggest aa (similarity_inverse_log_weighted)",
            latencies(lambda u: g.similarity_inverse_log_weighted(vertices=[int(u)], mode="out"), users[:3]))
        t0 = time.thread_time()
        g.pagerank(directed=True, damping=0.85)
        report("igraph", "PageRank", time.thread_time() - t0, "s")
        t0 = time.thread_time()
        # The graph our Louvain works on: undirected, a pair linked both ways weighs 2.
        g.es["weight"] = 1
        u = g.as_undirected(mode="collapse", combine_edges="sum")
        del g.es["weight"]
        clustering = u.community_multilevel(weights="weight")
        report("igraph", "Louvain (community_multilevel, weighted)", time.thread_time() - t0, "s",
               f"(modularity {clustering.modularity:.4f}, {len(clustering)} communities)")
        sub = g.induced_subgraph([int(v) for v in view]).as_undirected(mode="collapse")
        t0 = time.thread_time()
        sub.layout_fruchterman_reingold(niter=500)
        report("igraph", "layout 10k view (Fruchterman-Reingold, 500 it.)", time.thread_time() - t0, "s")
        del g, u, sub

    # --- graph-tool ------------------------------------------------------------------------
    if "graph-tool" not in skip:
        import graph_tool.all as gt

        gt.openmp_set_num_threads(1)
        t0 = time.thread_time()
        g = gt.Graph(directed=True)
        g.add_vertex(n)
        g.add_edge_list(edges)
        report("graph-tool", "load graph", time.thread_time() - t0, "s")
        gu = gt.GraphView(g, directed=False)
        report_latency(
            "graph-tool", "separation (undirected)",
            latencies(lambda p: gt.shortest_distance(gu, source=gu.vertex(int(p[0])), target=gu.vertex(int(p[1]))),
                      pairs[:20]))
        t0 = time.thread_time()
        gt.pagerank(g, damping=0.85)
        report("graph-tool", "PageRank", time.thread_time() - t0, "s")
        sub = gt.GraphView(gu, vfilt=np.isin(np.arange(n), view))
        sub = gt.Graph(sub, prune=True)
        t0 = time.thread_time()
        gt.sfdp_layout(sub)
        report("graph-tool", "layout 10k view (sfdp, to convergence)", time.thread_time() - t0, "s")
        del g, gu, sub

    # --- NetworkX --------------------------------------------------------------------------
    if "networkx" not in skip:
        import networkx as nx

        t0 = time.thread_time()
        G = nx.DiGraph()
        G.add_nodes_from(range(n))
        G.add_edges_from(map(tuple, edges.tolist()))
        report("networkx", "load graph", time.thread_time() - t0, "s")
        U = G.to_undirected(as_view=True)

        def bidirectional(p):
            try:
                nx.bidirectional_shortest_path(U, int(p[0]), int(p[1]))
            except nx.NetworkXNoPath:
                pass

        report_latency("networkx", "separation (undirected)", latencies(bidirectional, pairs), 1e6, "us")

        def five_paths(p):
            try:
                it = nx.shortest_simple_paths(U, int(p[0]), int(p[1]))
                for _ in range(5):
                    next(it)
            except (nx.NetworkXNoPath, StopIteration):
                pass

        report_latency("networkx", "5 shortest simple paths (unweighted)", latencies(five_paths, pairs[:20]))
        t0 = time.thread_time()
        nx.pagerank(G, alpha=0.85)
        report("networkx", "PageRank", time.thread_time() - t0, "s")
        sub = U.subgraph([int(v) for v in view])
        t0 = time.thread_time()
        nx.spring_layout(sub, seed=1)
        report("networkx", "layout 10k view (spring_layout, 50 it.)", time.thread_time() - t0, "s")

    with open(os.path.join(directory, "compare.json"), "w") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
