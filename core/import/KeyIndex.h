#pragma once

#include <cstdint>
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
/// import in cache misses. Memory is proportional to the number of distinct keys.
class KeyIndex {
public:
    [[nodiscard]] PersonId find(std::string_view key) const
    {
        if (m_slots.empty()) {
            return {};
        }
        const std::uint64_t hash = hashOf(key);
        for (std::size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            const Slot& slot = m_slots[i];
            if (slot.person == 0) {
                return {};
            }
            if (slot.hash == hash && textOf(slot) == key) {
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
        const std::uint64_t hash = hashOf(key);
        for (std::size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            Slot& slot = m_slots[i];
            if (slot.person == 0) {
                if (m_arena.size() + key.size() > UINT32_MAX) {
                    throw std::length_error("too many distinct people in one import");
                }
                slot = Slot{hash, static_cast<std::uint32_t>(m_arena.size()), static_cast<std::uint32_t>(key.size()),
                            person.value()};
                m_arena.append(key);
                ++m_count;
                return;
            }
            if (slot.hash == hash && textOf(slot) == key) {
                slot.person = person.value();
                return;
            }
        }
    }

    [[nodiscard]] std::size_t size() const { return m_count; }

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t offset = 0;
        std::uint32_t length = 0;
        std::int64_t person = 0;  ///< 0: empty slot (person ids start at 1)
    };

    static std::uint64_t hashOf(std::string_view key) { return std::hash<std::string_view>{}(key); }
    [[nodiscard]] std::string_view textOf(const Slot& slot) const
    {
        return std::string_view(m_arena).substr(slot.offset, slot.length);
    }

    void grow()
    {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
        m_mask = m_slots.size() - 1;
        for (const Slot& slot : old) {
            if (slot.person != 0) {
                std::size_t i = slot.hash & m_mask;
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
