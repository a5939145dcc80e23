#include "store/Meta.h"

namespace warmpath {

std::int64_t graphGeneration(Database& db)
{
    Statement& st = db.cached("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'graph_generation'");
    const std::int64_t generation = st.step() ? st.int64(0) : 0;
    // A cached statement left on a row keeps its read transaction open, and the connection
    // would go on seeing this moment's database; reset it so the next call sees later writes.
    st.reset();
    return generation;
}

void bumpGraphGeneration(Database& db)
{
    db.cached("INSERT INTO meta (key, value) VALUES ('graph_generation', '1') ON CONFLICT (key) DO UPDATE SET "
              "value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)")
        .run();
}

}  // namespace warmpath
