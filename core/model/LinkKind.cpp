#include "model/LinkKind.h"

namespace warmpath {

std::string_view toString(LinkKind kind)
{
    switch (kind) {
    case LinkKind::Follows:
        return "follows";
    case LinkKind::Connection:
        return "connection";
    case LinkKind::Knows:
        return "knows";
    case LinkKind::Colleague:
        return "colleague";
    case LinkKind::Related:
        return "related";
    }
    return "follows";
}

std::optional<LinkKind> linkKindFromString(std::string_view text)
{
    for (LinkKind kind : kAllLinkKinds) {
        if (toString(kind) == text) {
            return kind;
        }
    }
    return std::nullopt;
}

}  // namespace warmpath
