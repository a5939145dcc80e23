#include "model/Workflow.h"

#include <array>
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

std::string draftIntroMessage(std::string_view introducerName, std::string_view targetName,
                              std::string_view targetOrganisation, std::string_view myName)
{
    const std::string_view firstName = introducerName.substr(0, introducerName.find(' '));
    std::string message = "Hi " + std::string(firstName) + ",\n\n";
    message += "I hope you are well. I would love to get in touch with " + std::string(targetName);
    if (!targetOrganisation.empty()) {
        message += " at " + std::string(targetOrganisation);
    }
    message += ", and I believe you know them. Would you be open to introducing us? I am happy to send a short "
               "note you can forward.\n\nThank you,\n" +
               std::string(myName);
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
