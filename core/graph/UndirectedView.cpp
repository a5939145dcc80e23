#include "graph/UndirectedView.h"

namespace warmpath::graphdetail {

UndirectedView UndirectedView::of(const Snapshot& g)
{
    UndirectedView view;
    const std::size_t n = g.personCount();
    view.offsets.assign(n + 1, 0);
    for (Snapshot::Index v = 0; v < n; ++v) {
        std::size_t count = g.outDegree(v);
        for (std::uint8_t bits : g.inBits(v)) {
            count += (bits & linkbits::kReverseExists) == 0 ? 1 : 0;
        }
        view.offsets[v + 1] = view.offsets[v] + count;
    }
    view.neighbours.resize(view.offsets[n]);
    view.weights.resize(view.offsets[n]);
    for (Snapshot::Index v = 0; v < n; ++v) {
        std::uint64_t at = view.offsets[v];
        const auto out = g.outNeighbours(v);
        const auto outBits = g.outBits(v);
        for (std::size_t i = 0; i < out.size(); ++i) {
            view.neighbours[at] = out[i];
            view.weights[at++] = (outBits[i] & linkbits::kReverseExists) != 0 ? 2.0F : 1.0F;
        }
        const auto in = g.inNeighbours(v);
        const auto inBits = g.inBits(v);
        for (std::size_t i = 0; i < in.size(); ++i) {
            if ((inBits[i] & linkbits::kReverseExists) == 0) {
                view.neighbours[at] = in[i];
                view.weights[at++] = 1.0F;
            }
        }
    }
    return view;
}

}  // namespace warmpath::graphdetail
