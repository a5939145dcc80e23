#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/Workflow.h"
#include "util/Date.h"

#include "model/PersonId.h"
#include "store/Database.h"

namespace warmpath {

/// A follow-up as stored. Dates are `YYYY-MM-DD`; empty means not set.
struct FollowUpRecord {
    std::string dueDate;
    std::optional<int> cadenceDays;
    std::string lastContacted;
    std::string snoozedUntil;
    bool done = false;

    friend bool operator==(const FollowUpRecord&, const FollowUpRecord&) = default;
};

/// A cadence a person inherits from one of their tags: the shortest one, and the tag it comes from
/// (the first by name when several tags share it), so that the GUI can say "every 90 days, from Mentors".
struct InheritedCadence {
    int days = 0;
    std::string tag;

    friend bool operator==(const InheritedCadence&, const InheritedCadence&) = default;
};

/// One row of the follow-up queue: when the person is due and how late that is.
struct FollowUpItem {
    PersonId person;
    std::string name;
    Date due;
    int daysOverdue = 0;             ///< today − due; negative when due in the future
    std::optional<int> cadenceDays;  ///< the person's own cadence, else the one inherited from tags
    std::string cadenceTag;          ///< the tag cadenceDays is inherited from; empty for an own cadence

    friend bool operator==(const FollowUpItem&, const FollowUpItem&) = default;
};

/// The cadence that applies: the person's own wins over the one inherited from their tags.
[[nodiscard]] std::optional<int> effectiveCadence(const std::optional<FollowUpRecord>& record,
                                                  std::optional<int> inheritedCadence);

/// When the person is due, or nullopt when nothing is due (no follow-up, or done without a
/// cadence). An open follow-up is due on its date; otherwise a cadence makes the person due that
/// many days after the last contact (today when never contacted). A snooze moves the date later.
[[nodiscard]] std::optional<Date> effectiveDue(const std::optional<FollowUpRecord>& record,
                                               std::optional<int> inheritedCadence, Date today);

/// Reads and writes notes, follow-ups and intro requests. Callers own the transaction.
class WorkflowRepository {
public:
    explicit WorkflowRepository(Database& db) : m_db(db) {}

    std::int64_t addNote(PersonId person, std::string_view text, std::optional<std::int64_t> batchId = {});
    void setFollowUp(PersonId person, const FollowUpRecord& followUp);
    [[nodiscard]] std::optional<FollowUpRecord> followUp(PersonId person);
    /// Deletes the person's follow-up row; returns false when they had none.
    bool removeFollowUp(PersonId person);
    /// The cadence the person inherits from their tags (see InheritedCadence), if any tag has one.
    [[nodiscard]] std::optional<InheritedCadence> inheritedCadence(PersonId person);
    /// Replaces the text of note `id`; returns false when there is no such note.
    bool updateNote(std::int64_t id, std::string_view text);
    /// Note `id`, if it exists.
    [[nodiscard]] std::optional<Note> note(std::int64_t id);
    std::int64_t addIntroRequest(PersonId target, std::optional<PersonId> introducer, std::string_view status,
                                 std::string_view note);

    /// The person's notes, oldest first.
    [[nodiscard]] std::vector<Note> notes(PersonId person);
    [[nodiscard]] std::optional<IntroRequest> introRequest(std::int64_t id);
    /// Every intro request (or those where `involving` is the target or the introducer), by id.
    [[nodiscard]] std::vector<IntroRequest> introRequests(std::optional<PersonId> involving = {});
    void setIntroStatus(std::int64_t id, IntroStatus status);
    /// Replaces the drafted message of intro request `id`; returns false when there is none.
    bool setIntroMessage(std::int64_t id, std::string_view message);
    /// Deletes intro request `id`; returns false when there is none.
    bool removeIntroRequest(std::int64_t id);
    /// Inserts `request` with its own id and times (a deleted request put back).
    void insertIntroRequest(const IntroRequest& request);
    /// Everyone with something due (see effectiveDue), most overdue first, then by name.
    [[nodiscard]] std::vector<FollowUpItem> followUpQueue(Date today);

private:
    Database& m_db;
};

}  // namespace warmpath
