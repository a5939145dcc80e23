#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/PersonId.h"

namespace warmpath::import {

/// Record key → person for one import: an open-addressing table over one string arena. An
/// import looks a key up for both ends of every link, so this is the hottest map of the
/// pipeline; a node-based std::unordered_map spent a quarter of the time of a large edge-list
/// import in cache misses. Keys of up to 8 bytes (the node ids of most graph files) are kept in
/// the slot itself, so looking one up touches one cache line instead of two (the arena read was
/// 6 % of a 2M-line edge-list import). Memory is proportional to the number of distinct keys.
class KeyIndex {
public:
    [[nodiscard]] PersonId find(std::string_view key) const
    {
        if (m_slots.empty()) {
            return {};
        }
        const std::uint64_t hash = hashOf(key);
        const std::uint64_t inlined = inlineText(key);
        for (std::size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            const Slot& slot = m_slots[i];
            if (slot.person == 0) {
                return {};
            }
            if (matches(slot, hash, inlined, key)) {
                return PersonId(slot.person);
            }
        }
    }

    /// Sets the person for `key`, replacing an earlier one.
    void assign(std::string_view key, PersonId person)
    {
        if ((m_count + 1) * 2 > m_slots.size()) {
            grow();
        }
        if (key.size() > UINT32_MAX) {
            throw std::length_error("a record key longer than 4 GiB");
        }
        const std::uint64_t hash = hashOf(key);
        const std::uint64_t inlined = inlineText(key);
        for (std::size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            Slot& slot = m_slots[i];
            if (slot.person == 0) {
                std::uint64_t text = inlined;
                if (key.size() > kInlineBytes) {
                    if (m_arena.size() + key.size() > UINT32_MAX) {
                        throw std::length_error("too many distinct people in one import");
                    }
                    text = m_arena.size();
                    m_arena.append(key);
                }
                slot = Slot{static_cast<std::uint32_t>(hash >> 32), static_cast<std::uint32_t>(key.size()), text,
                            person.value()};
                ++m_count;
                return;
            }
            if (matches(slot, hash, inlined, key)) {
                slot.person = person.value();
                return;
            }
        }
    }

    [[nodiscard]] std::size_t size() const { return m_count; }

private:
    static constexpr std::size_t kInlineBytes = sizeof(std::uint64_t);

    struct Slot {
        std::uint32_t hashHigh = 0;  ///< the upper half of the hash: the lower half is the position
        std::uint32_t length = 0;
        std::uint64_t text = 0;   ///< the key's bytes when it fits, else its offset in the arena
        std::int64_t person = 0;  ///< 0: empty slot (person ids start at 1)
    };

    static std::uint64_t hashOf(std::string_view key) { return std::hash<std::string_view>{}(key); }

    /// The bytes of a short key as one integer (zero-padded); 0 for a long one.
    static std::uint64_t inlineText(std::string_view key)
    {
        std::uint64_t text = 0;
        if (key.size() <= kInlineBytes) {
            std::memcpy(&text, key.data(), key.size());
        }
        return text;
    }

    [[nodiscard]] bool matches(const Slot& slot, std::uint64_t hash, std::uint64_t inlined, std::string_view key) const
    {
        if (slot.hashHigh != static_cast<std::uint32_t>(hash >> 32) || slot.length != key.size()) {
            return false;
        }
        return key.size() <= kInlineBytes ? slot.text == inlined : textOf(slot) == key;
    }

    [[nodiscard]] std::string_view textOf(const Slot& slot) const
    {
        return std::string_view(m_arena).substr(slot.text, slot.length);
    }

    void grow()
    {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
        m_mask = m_slots.size() - 1;
        for (const Slot& slot : old) {
            if (slot.person != 0) {
                // Only the upper half of the hash is kept, so the position comes from the key again.
                std::string_view key;
                if (slot.length <= kInlineBytes) {
                    key = std::string_view(reinterpret_cast<const char*>(&slot.text), slot.length);
                } else {
                    key = textOf(slot);
                }
                std::size_t i = hashOf(key) & m_mask;
                while (m_slots[i].person != 0) {
                    i = (i + 1) & m_mask;
                }
                m_slots[i] = slot;
            }
        }
    }

    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;
    std::size_t m_count = 0;
    std::string m_arena;
};

}  // namespace warmpath::import
