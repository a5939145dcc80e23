// The people list's follow filters (--follows-me-not-back, --not-following-back,
// --followed-by-my-follows N) through the Workspace and the CLI, alone and combined with --tag,
// --degree, --search and each other, against sets worked out from the stored links.

#include <map>
#include <queue>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "CliRunner.h"
#include "TestSupport.h"
#include "Workspace.h"
#include "graph/FollowSets.h"
#include "graph/GraphFixtures.h"
#include "store/Database.h"
#include "store/Links.h"
#include "store/Meta.h"
#include "store/People.h"
#include "store/Schema.h"
#include "store/Tags.h"

using namespace warmpath;
using warmpath::test::FollowSets;
using warmpath::test::HandLink;
using warmpath::test::runCli;
using warmpath::test::TempDir;

namespace {

constexpr int kPeople = 120;

/// A query and the command-line options that ask the same.
struct Case {
    PeopleQuery query;
    std::vector<std::string> options;
};

class PeopleFollowFilters : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto db = Database::open(dir.file("f.db"), OpenMode::CreateIfMissing);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE(migrate(*db).ok());
        Transaction tx(*db);
        PeopleRepository people(*db);
        LinkRepository linkStore(*db);
        TagRepository tags(*db);
        me = static_cast<int>(people.me().value());
        everyone.push_back(me);
        for (int i = 1; i <= kPeople; ++i) {
            const PersonId id = people.insert(
                {.displayName = "Person " + std::to_string(i), .organisation = i % 4 == 0 ? "Acme" : "Globex"});
            people.addIdentity(id, {.network = "t", .key = std::to_string(id.value()), .handle = "", .url = ""});
            everyone.push_back(static_cast<int>(id.value()));
            if (i % 3 == 0) {
                tags.assign(id, tags.ensure("friend"));
            }
            if (i % 4 == 0) {
                acme.insert(static_cast<int>(id.value()));
            }
            if (i % 3 == 0) {
                friends.insert(static_cast<int>(id.value()));
            }
        }
        std::mt19937 random(11);
        std::uniform_int_distribution<std::size_t> anyone(0, everyone.size() - 1);
        std::uniform_int_distribution<int> kind(0, 9);
        for (int l = 0; l < 900; ++l) {
            const int a = l % 8 == 0 ? me : everyone[anyone(random)];
            const int b = l % 8 == 1 ? me : everyone[anyone(random)];
            const int k = kind(random);
            const LinkKind linkKind = k < 6 ? LinkKind::Follows : k < 8 ? LinkKind::Connection : LinkKind::Knows;
            if (a != b && linkStore.upsert(PersonId(a), PersonId(b), linkKind) == LinkWrite::Added) {
                links.push_back({a, b, linkKind});
            }
        }
        bumpGraphGeneration(*db);
        tx.commit();
        degrees = breadthFirstFromMe();
        auto ws = Workspace::open(dir.file("f.db"), OpenMode::MustExist);
        ASSERT_TRUE(ws.ok());
        workspace = std::move(ws).value();
    }

    /// Hops from me over links of any kind either way, worked out here rather than asked of the core.
    std::map<int, int> breadthFirstFromMe() const
    {
        std::map<int, std::set<int>> neighbours;
        for (const HandLink& l : links) {
            neighbours[l.from].insert(l.to);
            neighbours[l.to].insert(l.from);
        }
        std::map<int, int> hops{{me, 0}};
        std::queue<int> queue;
        queue.push(me);
        while (!queue.empty()) {
            const int p = queue.front();
            queue.pop();
            for (int q : neighbours[p]) {
                if (hops.emplace(q, hops[p] + 1).second) {
                    queue.push(q);
                }
            }
        }
        return hops;
    }

    /// Who `query` should list: each criterion's set, intersected.
    std::set<int> expected(const PeopleQuery& query) const
    {
        const FollowSets sets(me, links);
        std::set<int> result(everyone.begin(), everyone.end());
        const auto keep = [&](const std::set<int>& only) { result = FollowSets::intersection(result, only); };
        if (query.follows.followsMeNotBack) {
            keep(sets.followsMeNotBack());
        }
        if (query.follows.notFollowingBack) {
            keep(sets.notFollowingBack());
        }
        if (query.follows.followedByMyFollows) {
            keep(sets.followedByAtLeast(*query.follows.followedByMyFollows));
        }
        if (!query.tag.empty()) {
            keep(friends);
        }
        if (!query.search.empty()) {
            keep(acme);
        }
        if (query.degree) {
            std::set<int> atDegree;
            for (const auto& [person, hops] : degrees) {
                if (hops == *query.degree) {
                    atDegree.insert(person);
                }
            }
            keep(atDegree);
        }
        return result;
    }

    static std::vector<Case> cases()
    {
        const std::vector<Case> follows{
            {{.follows = {.followsMeNotBack = true}}, {"--follows-me-not-back"}},
            {{.follows = {.notFollowingBack = true}}, {"--not-following-back"}},
            {{.follows = {.followedByMyFollows = 1}}, {"--followed-by-my-follows", "1"}},
            {{.follows = {.followedByMyFollows = 3}}, {"--followed-by-my-follows", "3"}},
            {{.follows = {.followsMeNotBack = true, .followedByMyFollows = 2}},
             {"--follows-me-not-back", "--followed-by-my-follows", "2"}},
            {{.follows = {.notFollowingBack = true, .followedByMyFollows = 2}},
             {"--not-following-back", "--followed-by-my-follows", "2"}},
            {{.follows = {.followsMeNotBack = true, .notFollowingBack = true}},
             {"--follows-me-not-back", "--not-following-back"}},
        };
        std::vector<Case> all;
        for (const Case& base : follows) {
            all.push_back(base);
            Case tagged = base;
            tagged.query.tag = "FRIEND";
            tagged.options.insert(tagged.options.end(), {"--tag", "FRIEND"});
            all.push_back(tagged);
            for (int degree : {1, 2}) {
                Case atDegree = base;
                atDegree.query.degree = degree;
                atDegree.options.insert(atDegree.options.end(), {"--degree", std::to_string(degree)});
                all.push_back(atDegree);
            }
            Case searched = base;
            searched.query.search = "acme";
            searched.options.insert(searched.options.end(), {"--search", "acme"});
            all.push_back(searched);
        }
        return all;
    }

    static std::string describe(const Case& c)
    {
        std::string text = "people";
        for (const std::string& option : c.options) {
            text += " " + option;
        }
        return text;
    }

    TempDir dir;
    std::unique_ptr<Workspace> workspace;
    int me = 0;
    std::vector<int> everyone;  ///< me and the others, by id
    std::vector<HandLink> links;
    std::set<int> friends;
    std::set<int> acme;
    std::map<int, int> degrees;
};

std::set<int> idsOf(const std::vector<PersonSummary>& rows)
{
    std::set<int> ids;
    for (const PersonSummary& row : rows) {
        ids.insert(static_cast<int>(row.person.id.value()));
    }
    return ids;
}

}  // namespace

TEST_F(PeopleFollowFilters, TheWorkspaceListsExactlyTheIntersectionOfEveryCriterion)
{
    std::size_t listed = 0;
    for (const Case& c : cases()) {
        const auto rows = workspace->people(c.query);
        ASSERT_TRUE(rows.ok()) << describe(c) << ": " << rows.error().describe();
        EXPECT_EQ(idsOf(*rows), expected(c.query)) << describe(c);
        listed += rows->size();

        std::vector<PersonId> streamed;
        ASSERT_TRUE(
            workspace->forEachPerson(c.query, [&](const PersonListRow& row) { streamed.push_back(row.person.id); })
                .ok());
        std::vector<PersonId> inOrder;
        for (const PersonSummary& row : *rows) {
            inOrder.push_back(row.person.id);
        }
        EXPECT_EQ(streamed, inOrder) << describe(c) << ": the streamed listing differs";
    }
    EXPECT_GT(listed, 100U) << "the cases should list people, not only nobody";
}

TEST_F(PeopleFollowFilters, FollowFilteredIsTheSetDifferenceOrTheCountAndIdOrdered)
{
    const FollowSets sets(me, links);
    const auto check = [&](const FollowCriteria& criteria, const std::set<int>& expectedIds) {
        const auto answer = workspace->followFiltered(criteria);
        ASSERT_TRUE(answer.ok()) << answer.error().describe();
        std::vector<PersonId> expectedList;
        for (int id : expectedIds) {
            expectedList.emplace_back(id);
        }
        EXPECT_EQ(*answer, expectedList);
    };
    check({.followsMeNotBack = true}, sets.followsMeNotBack());
    check({.notFollowingBack = true}, sets.notFollowingBack());
    check({.followedByMyFollows = 2}, sets.followedByAtLeast(2));
    EXPECT_FALSE(workspace->followFiltered({}).ok());
}

TEST_F(PeopleFollowFilters, TheCliListsTheSamePeopleInJsonAndText)
{
    for (const Case& c : cases()) {
        std::vector<std::string> args{"--db", "f.db", "people"};
        args.insert(args.end(), c.options.begin(), c.options.end());
        const auto text = runCli(dir, args);
        args.emplace_back("--json");
        const auto json = runCli(dir, args);
        ASSERT_EQ(json.exitCode, 0) << describe(c) << ": " << json.err;
        ASSERT_EQ(text.exitCode, 0) << describe(c) << ": " << text.err;

        std::set<std::string> expectedRefs;
        for (int id : expected(c.query)) {
            expectedRefs.insert(id == me ? "me" : "t:" + std::to_string(id));
        }
        std::set<std::string> jsonRefs;
        const auto document = nlohmann::json::parse(json.out);
        for (const auto& person : document.at("people")) {
            jsonRefs.insert(person["ref"].get<std::string>());
        }
        EXPECT_EQ(jsonRefs, expectedRefs) << describe(c);
        std::set<std::string> textRefs;
        std::istringstream lines(text.out);
        for (std::string line; std::getline(lines, line);) {
            textRefs.insert(line.substr(0, line.find('\t')));
        }
        EXPECT_EQ(textRefs, expectedRefs) << describe(c);
    }
}

TEST_F(PeopleFollowFilters, WithoutAMePersonTheFollowFiltersFailClearly)
{
    workspace.reset();
    {
        auto db = Database::open(dir.file("f.db"), OpenMode::MustExist);
        ASSERT_TRUE(db.ok());
        db->execute("UPDATE person SET is_me = 0");
    }
    auto ws = Workspace::open(dir.file("f.db"), OpenMode::MustExist);
    ASSERT_TRUE(ws.ok());
    const auto rows = (*ws)->people({.follows = {.notFollowingBack = true}});
    ASSERT_FALSE(rows.ok());
    EXPECT_NE(rows.error().message.find("no me person"), std::string::npos) << rows.error().describe();

    const auto run = runCli(dir, {"--db", "f.db", "people", "--followed-by-my-follows", "2", "--json"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.out, "") << "a refused query prints no partial document";
    EXPECT_NE(run.err.find("no me person; say who you are with 'warmpath-cli me REF'"), std::string::npos) << run.err;
    EXPECT_EQ(runCli(dir, {"--db", "f.db", "people", "--tag", "friend"}).exitCode, 0)
        << "the other filters do not need me";
}

TEST_F(PeopleFollowFilters, FollowedByMyFollowsNeedsAPositiveCount)
{
    for (const char* n : {"0", "-1", "many"}) {
        const auto run = runCli(dir, {"--db", "f.db", "people", "--followed-by-my-follows", n});
        EXPECT_EQ(run.exitCode, 2) << n << ": " << run.err;
        EXPECT_NE(run.err.find(std::string("N must be a whole number of people, 1 or more, not '") + n + "'"),
                  std::string::npos)
            << run.err;
        EXPECT_LT(run.err.size(), 300U) << "a short, readable message: " << run.err;
    }
}
