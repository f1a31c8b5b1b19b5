#include "equipment_schema.hpp"

#include <fmt/format.h>

#include "anklog/suggest.hpp"
#include "log_schema.hpp"

namespace anklog::schema {

namespace {

[[noreturn]] void fail(const EquipmentReaders& read, const toml::node& node, std::string message, std::string advice) {
    throw read.error_at(node, std::move(message), std::move(advice));
}

}  // namespace

std::vector<Equipment> read_equipment(const toml::node& node, const EquipmentReaders& read) {
    const toml::array* items = node.as_array();
    if (!items || !items->is_array_of_tables()) {
        fail(read, node, fmt::format("'equipment' must be [[equipment]] tables, not {}", type_name(node)),
                "write each item as an [[equipment]] table with name, on, and weight or shell and inserts");
    }
    std::vector<Equipment> equipment;
    for (const toml::node& entry : *items) {
        const toml::table& table = *entry.as_table();
        read.check_keys(table);
        Equipment item;
        const toml::node* name = table.get("name");
        if (!name) fail(read, entry, "[[equipment]] needs a name", "add name = \"adjustable cuffs\"");
        item.name = read.string_at(*name, "name");
        if (auto problem = check_equipment_name(item.name)) fail(read, *name, problem->message, problem->advice);
        const toml::node* on = table.get("on");
        if (!on) {
            fail(read, entry, fmt::format("[[equipment]] \"{}\" needs on = \"ankle\" or \"wrist\"", item.name),
                 "add on = \"ankle\" or on = \"wrist\": where the item is worn");
        }
        const std::string placement = read.string_at(*on, "on");
        const auto limb = limb_names.parse(placement);
        if (!limb) {
            fail(read, *on, fmt::format("unknown placement \"{}\" in [[equipment]]", placement),
                 did_you_mean(placement, limb_names.names(), "on is \"ankle\" or \"wrist\""));
        }
        item.on = *limb;
        const toml::node* weight = table.get("weight");
        const toml::node* shell = table.get("shell");
        const toml::node* inserts = table.get("inserts");
        if (weight && (shell || inserts)) {
            fail(read, *weight, fmt::format("[[equipment]] \"{}\" has both a weight and a shell or inserts", item.name),
                 "a fixed pair has weight = \"1 kg\"; adjustable cuffs have shell and inserts");
        }
        if (!weight && !shell) {
            fail(read, entry, fmt::format("[[equipment]] \"{}\" needs weight (a fixed pair) or shell (adjustable cuffs)",
                                    item.name),
                 "add weight = \"1 kg\", or shell = \"0.5 lb\" and inserts = [\"0.5 lb\", ...]");
        }
        if (weight) {
            item.weight = read.mass_at(*weight, "weight");
            if (item.weight->is_zero()) fail(read, *weight, "a fixed pair of 0 makes no sense", "write its weight, e.g. weight = \"1 kg\"");
        } else {
            item.shell = read.mass_at(*shell, "shell");
            if (inserts) {
                const toml::array& list = read.array_at(*inserts, "inserts", "[\"0.5 lb\", \"0.5 lb\"]");
                if (list.size() > max_inserts) {
                    fail(read, *inserts, fmt::format("more than {} inserts", max_inserts), "list the inserts one cuff holds");
                }
                for (const toml::node& insert : list) {
                    const Mass mass = read.mass_at(insert, "inserts");
                    if (mass.is_zero()) fail(read, insert, "an insert of 0 makes no sense", "list each insert's weight, e.g. \"0.5 lb\"");
                    item.inserts.push_back(mass);
                }
            }
        }
        if (auto problem = check_equipment(item)) fail(read, entry, problem->message, problem->advice);
        equipment.push_back(std::move(item));
    }
    return equipment;
}

}  // namespace anklog::schema
