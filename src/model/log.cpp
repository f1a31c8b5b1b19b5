// Questions about a Log that every room asks: its sessions in date order,
// and which saved plan is in effect. Reading a Log from text is src/log/'s.
#include <algorithm>
#include <map>
#include <optional>

#include "anklog/log.hpp"

namespace anklog {

std::vector<const Session*> planned_in_effect(const Log& log) {
    // The save a block belongs to: the last marker line above it (saves are in file order).
    const auto save_of = [&log](int line) -> std::optional<std::size_t> {
        const auto after = std::partition_point(log.plan_saves.begin(), log.plan_saves.end(),
                                                [line](const PlanSave& save) { return save.line < line; });
        if (after == log.plan_saves.begin()) return std::nullopt;
        return static_cast<std::size_t>(after - log.plan_saves.begin()) - 1;
    };
    std::map<Date, std::size_t> latest;  // week -> its last save
    for (std::size_t i = 0; i < log.plan_saves.size(); ++i) latest[log.plan_saves[i].monday] = i;
    std::vector<const Session*> out;
    for (const Session& planned : log.planned) {
        const auto week = latest.find(week_start(planned.date));
        if (week == latest.end() || save_of(planned.line) == week->second) out.push_back(&planned);
    }
    std::stable_sort(out.begin(), out.end(), [](const Session* a, const Session* b) { return a->date < b->date; });
    return out;
}

std::vector<PlanSave> saved_rest_weeks(const Log& log) {
    std::map<Date, PlanSave> latest;  // week -> its last save
    for (const PlanSave& save : log.plan_saves) latest[save.monday] = save;
    for (const Session* planned : planned_in_effect(log)) latest.erase(week_start(planned->date));
    std::vector<PlanSave> out;
    out.reserve(latest.size());
    for (const auto& [monday, save] : latest) out.push_back(save);
    return out;
}

std::vector<const Session*> in_date_order(const Log& log) {
    std::vector<const Session*> out;
    out.reserve(log.sessions.size());
    for (const Session& session : log.sessions) out.push_back(&session);
    const auto earlier = [](const Session* a, const Session* b) { return a->date < b->date; };
    // An append-only log is usually in date order already.
    if (!std::is_sorted(out.begin(), out.end(), earlier)) std::stable_sort(out.begin(), out.end(), earlier);
    return out;
}

}  // namespace anklog
