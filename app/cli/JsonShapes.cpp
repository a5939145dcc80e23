#include "JsonShapes.h"

namespace warmpath::cli {

std::string nameOf(CliContext& context, PersonId person)
{
    Workspace* ws = context.workspace();
    if (ws != nullptr) {
        if (auto found = ws->person(person)) {
            return found->displayName;
        }
    }
    return "#" + std::to_string(person.value());
}

nlohmann::json introJson(CliContext& context, const IntroRequest& intro)
{
    return {
        {"id", intro.id},
        {"target", context.refOf(intro.target)},
        {"target_name", nameOf(context, intro.target)},
        {"via", intro.introducer ? nlohmann::json(context.refOf(*intro.introducer)) : nlohmann::json(nullptr)},
        {"via_name", intro.introducer ? nlohmann::json(nameOf(context, *intro.introducer)) : nlohmann::json(nullptr)},
        {"status", toString(intro.status)},
        {"message", intro.message},
        {"created_at", intro.createdAt},
        {"updated_at", intro.updatedAt}};
}

}  // namespace warmpath::cli
