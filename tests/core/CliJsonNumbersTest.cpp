// Every number in `--json` output reads back as exactly the core's double (docs/cli.md, "Numbers in
// JSON"), written as the shortest text that does (std::to_chars); GraphML and GEXF weights too.

#include <bit>
#include <charconv>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "CliRunner.h"
#include "TestSupport.h"
#include "Workspace.h"
#include "export/MiniXml.h"
#include "store/Database.h"
#include "store/Links.h"
#include "store/Meta.h"
#include "store/People.h"
#include "store/Schema.h"

using namespace warmpath;
using warmpath::test::runCli;
using warmpath::test::TempDir;

namespace {

constexpr int kPeople = 40;

/// What std::to_chars writes for `value`: the text the contract promises.
std::string shortest(double value)
{
    char buffer[32];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    EXPECT_EQ(error, std::errc());
    return {buffer, end};
}

/// People `t:1` .. `t:40` and me, with follows, connections and knows links whose confidences are
/// doubles no six-digit rounding keeps (1/3, 2/7, ...), so that warmth, scores and weights are too.
class CliJsonNumbers : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto db = Database::open(dir.file("n.db"), OpenMode::CreateIfMissing);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE(migrate(*db).ok());
        Transaction tx(*db);
        PeopleRepository people(*db);
        LinkRepository links(*db);
        std::vector<PersonId> ids{people.me()};
        for (int i = 1; i <= kPeople; ++i) {
            ids.push_back(people.insert({.displayName = "Person " + std::to_string(i)}));
            people.addIdentity(ids.back(), {.network = "t", .key = std::to_string(i), .handle = "", .url = ""});
        }
        std::mt19937 random(7);
        std::uniform_int_distribution<std::size_t> anyone(0, ids.size() - 1);
        std::uniform_int_distribution<int> denominator(3, 29);
        for (int l = 0; l < 220; ++l) {
            const PersonId a = ids[anyone(random)];
            const PersonId b = ids[anyone(random)];
            const double confidence = 1.0 - 1.0 / denominator(random);
            const LinkKind kind = l % 5 == 0 ? LinkKind::Connection : l % 7 == 0 ? LinkKind::Knows : LinkKind::Follows;
            links.upsert(a, b, kind, confidence);
            if (kind != LinkKind::Follows) {
                links.upsert(b, a, kind, confidence);
            }
        }
        bumpGraphGeneration(*db);
        tx.commit();
    }

    nlohmann::json json(const std::vector<std::string>& args)
    {
        std::vector<std::string> full{"--db", "n.db"};
        full.insert(full.end(), args.begin(), args.end());
        full.emplace_back("--json");
        last = runCli(dir, full);
        EXPECT_EQ(last.exitCode, 0) << last.err;
        return nlohmann::json::parse(last.out);
    }

    /// `value` as read back from the JSON equals `expected` bit for bit, and the output wrote it
    /// as to_chars does.
    void expectExact(const nlohmann::json& value, double expected, const std::string& what)
    {
        ASSERT_TRUE(value.is_number()) << what;
        EXPECT_EQ(std::bit_cast<std::uint64_t>(value.get<double>()), std::bit_cast<std::uint64_t>(expected))
            << what << ": read back " << shortest(value.get<double>()) << ", the core has " << shortest(expected);
        EXPECT_NE(last.out.find(":" + shortest(expected)), std::string::npos) << what << " not written shortest";
        ++compared;
    }

    std::unique_ptr<Workspace> workspace()
    {
        auto ws = Workspace::open(dir.file("n.db"), OpenMode::MustExist);
        EXPECT_TRUE(ws.ok());
        return std::move(ws).value();
    }

    TempDir dir;
    test::CliRun last;
    int compared = 0;
};

}  // namespace

TEST_F(CliJsonNumbers, PathWarmthIsTheCoresDouble)
{
    auto ws = workspace();
    const PersonId me = *ws->me();
    for (int target : {5, 17, 33}) {
        const std::string ref = "t:" + std::to_string(target);
        const auto doc = json({"path", ref, "--k", "5"});
        const auto answer = ws->warmPaths({.from = me, .to = *ws->resolve(ref), .k = 5});
        ASSERT_TRUE(answer.ok());
        ASSERT_EQ(doc["paths"].size(), answer->paths.size());
        for (std::size_t i = 0; i < answer->paths.size(); ++i) {
            expectExact(doc["paths"][i]["warmth"], answer->paths[i].warmth, ref + " path " + std::to_string(i));
        }
    }
    EXPECT_GT(compared, 3);
}

TEST_F(CliJsonNumbers, SuggestionScoresAreTheCoresDoubles)
{
    auto ws = workspace();
    for (const char* metric : {"ra", "aa", "jaccard", "ppr"}) {
        const auto doc = json({"suggest", "--metric", metric, "--limit", "50"});
        const auto answer =
            ws->suggestions({.forPerson = *ws->me(), .limit = 50, .metric = *suggestionMetricFromString(metric)});
        ASSERT_TRUE(answer.ok());
        ASSERT_EQ(doc["suggestions"].size(), answer->suggestions.size()) << metric;
        for (std::size_t i = 0; i < answer->suggestions.size(); ++i) {
            expectExact(doc["suggestions"][i]["score"], answer->suggestions[i].score, metric);
        }
    }
    EXPECT_GT(compared, 10);
}

TEST_F(CliJsonNumbers, MetricsAreTheCoresDoubles)
{
    auto ws = workspace();
    const auto doc = json({"metrics", "--top", "40"});
    const auto m = ws->metrics({.top = 40});
    ASSERT_TRUE(m.ok());
    expectExact(doc["communities"]["modularity"], m->modularity, "modularity");
    for (std::size_t i = 0; i < m->topPageRank.size(); ++i) {
        expectExact(doc["pagerank"]["top"][i]["value"], m->topPageRank[i].value, "pagerank");
    }
    for (std::size_t i = 0; i < m->topBetweenness.size(); ++i) {
        expectExact(doc["betweenness"]["top"][i]["value"], m->topBetweenness[i].value, "betweenness");
    }
    EXPECT_GT(compared, 40);
}

TEST_F(CliJsonNumbers, LayoutPositionsAreTheCoresDoubles)
{
    auto ws = workspace();
    const auto doc = json({"layout", "--seed", "3"});
    LayoutRequest request;
    request.options.seed = 3;
    const auto answer = ws->layout(request);
    ASSERT_TRUE(answer.ok());
    ASSERT_EQ(doc["positions"].size(), answer->people.size());
    for (std::size_t i = 0; i < answer->people.size(); ++i) {
        expectExact(doc["positions"][i]["x"], answer->people[i].position.x, "x");
        expectExact(doc["positions"][i]["y"], answer->people[i].position.y, "y");
    }
}

TEST_F(CliJsonNumbers, GraphMlAndGexfWeightsAreTheStoredConfidences)
{
    std::map<std::tuple<std::int64_t, std::int64_t, std::string>, double> stored;
    {
        auto db = Database::open(dir.file("n.db"), OpenMode::MustExist);
        ASSERT_TRUE(db.ok());
        for (const LinkRow& link : LinkRepository(*db).all()) {
            stored[{link.from.value(), link.to.value(), std::string(toString(link.kind))}] = link.confidence;
        }
    }
    const auto exact = [&](const std::string& weight, std::int64_t from, std::int64_t to, const std::string& kind) {
        const auto it = stored.find({from, to, kind});
        ASSERT_NE(it, stored.end());
        EXPECT_EQ(weight, shortest(it->second)) << from << " -> " << to;
        ++compared;
    };
    ASSERT_EQ(runCli(dir, {"--db", "n.db", "export", "graphml", "n.graphml"}).exitCode, 0);
    const auto graphml = test::MiniXml::parse(test::readFile(dir.file("n.graphml")));
    ASSERT_TRUE(graphml.has_value());
    for (const test::XmlElement* edge : graphml->first("graph")->all("edge")) {
        std::map<std::string, std::string> data;
        for (const test::XmlElement* d : edge->all("data")) {
            data[d->attributes.at("key")] = d->text;
        }
        exact(data.at("weight"), std::stoll(edge->attributes.at("source").substr(1)),
              std::stoll(edge->attributes.at("target").substr(1)), data.at("kind"));
    }
    ASSERT_EQ(runCli(dir, {"--db", "n.db", "export", "gexf", "n.gexf"}).exitCode, 0);
    const auto gexf = test::MiniXml::parse(test::readFile(dir.file("n.gexf")));
    ASSERT_TRUE(gexf.has_value());
    for (const test::XmlElement* edge : gexf->first("graph")->first("edges")->all("edge")) {
        exact(edge->attributes.at("weight"), std::stoll(edge->attributes.at("source")),
              std::stoll(edge->attributes.at("target")), edge->attributes.at("label"));
    }
    EXPECT_EQ(compared, static_cast<int>(stored.size()) * 2);
}
