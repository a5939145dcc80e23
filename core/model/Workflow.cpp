#include "model/Workflow.h"

#include <array>
#include <stdexcept>
#include <utility>

namespace warmpath {
namespace {

constexpr std::array<std::pair<IntroStatus, std::string_view>, 4> kNames = {{
    {IntroStatus::Draft, "draft"},
    {IntroStatus::Asked, "asked"},
    {IntroStatus::Introduced, "introduced"},
    {IntroStatus::Declined, "declined"},
}};

}  // namespace

std::string_view toString(IntroStatus status)
{
    for (const auto& [value, name] : kNames) {
        if (value == status) {
            return name;
        }
    }
    return "draft";
}

std::string draftIntroMessage(const std::vector<IntroPathPerson>& path)
{
    if (path.size() < 3) {
        throw std::invalid_argument("an introduction needs a path of at least two hops");
    }
    const auto named = [](const IntroPathPerson& person) {
        return person.organisation.empty() ? person.name : person.name + " at " + person.organisation;
    };
    const IntroPathPerson& me = path.front();
    const IntroPathPerson& introducer = path[1];
    const IntroPathPerson& next = path[2];
    const IntroPathPerson& target = path.back();
    const std::string_view greeting = std::string_view(introducer.name).substr(0, introducer.name.find(' '));

    std::string message = "Hi " + std::string(greeting) + ",\n\nI hope you are well. ";
    if (path.size() == 3) {
        message += "I would love to get in touch with " + named(target) +
                   ", and I believe you know them. Would you be open to introducing us?";
    } else {
        // The introducer knows the next person, not the one I want to reach: they are asked only for
        // whom they know, and told why that person is worth meeting.
        message += "I am hoping to reach " + named(target) + ", and I believe you know " + named(next) + ", who ";
        if (path.size() == 4) {
            message += "knows them.";
        } else {
            std::string between;
            for (std::size_t i = 3; i + 1 < path.size(); ++i) {
                between += i == 3 ? "" : (i + 2 == path.size() ? " and " : ", ");
                between += path[i].name;
            }
            message += "could lead me on to them through " + between + ".";
        }
        message += " Would you be open to introducing me to " + next.name + "?";
    }
    message += " I am happy to send a short note you can forward.\n\nThank you,\n" + me.name;
    return message;
}

std::optional<IntroStatus> introStatusFromString(std::string_view text)
{
    for (const auto& [value, name] : kNames) {
        if (name == text) {
            return value;
        }
    }
    return std::nullopt;
}

}  // namespace warmpath
